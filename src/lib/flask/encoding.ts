/**
 * Byte-level helpers mirroring `itsdangerous/encoding.py`: UTF-8 (`want_bytes`), base64 in the
 * URL-safe form cookies use, the lenient decoder that CPython's `binascii.a2b_base64` implements,
 * and the big-endian integer packing of timestamps.
 */

const encoder = new TextEncoder();
const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenientDecoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** UTF-8 bytes of `text` (itsdangerous' `want_bytes`). Lone surrogates become U+FFFD. */
export function utf8Encode(text: string): Uint8Array {
  return encoder.encode(text);
}

/**
 * Strict UTF-8 decoding like Python's `bytes.decode("utf-8")`: `null` for invalid input. A leading
 * byte order mark is kept as U+FEFF (Python keeps it too, and its JSON reader then rejects it).
 */
export function utf8DecodeStrict(bytes: Uint8Array): string | null {
  try {
    return strictDecoder.decode(bytes);
  } catch {
    return null;
  }
}

/** The bytes of all parts, one after another. */
export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** UTF-8 decoding like Python's `errors="replace"`: invalid sequences become U+FFFD. */
export function utf8Decode(bytes: Uint8Array): string {
  return lenientDecoder.decode(bytes);
}

/** Bytes as a "binary string" with one char per byte (Latin-1), for byte-wise regexes. */
export function latin1Decode(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += String.fromCharCode(byte);
  return out;
}

const STANDARD_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const URL_SAFE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** URL-safe base64 without `=` padding (itsdangerous' `base64_encode`). */
export function base64UrlEncode(bytes: Uint8Array): string {
  return encodeBase64(bytes, URL_SAFE_ALPHABET, false);
}

/** Standard base64 with `=` padding (Python's `base64.b64encode`). */
export function base64Encode(bytes: Uint8Array): string {
  return encodeBase64(bytes, STANDARD_ALPHABET, true);
}

function encodeBase64(bytes: Uint8Array, alphabet: string, pad: boolean): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += alphabet[n >> 18]! + alphabet[(n >> 12) & 63]! + alphabet[(n >> 6) & 63]!;
    out += alphabet[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = (bytes[i] ?? 0) << 16;
    out += alphabet[n >> 18]! + alphabet[(n >> 12) & 63]! + (pad ? '==' : '');
  } else if (rest === 2) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8);
    out += alphabet[n >> 18]! + alphabet[(n >> 12) & 63]! + alphabet[(n >> 6) & 63]!;
    out += pad ? '=' : '';
  }
  return out;
}

/** Result of lenient base64 decoding; `reason` is CPython's `binascii.Error` text. */
export type Base64Result = { ok: true; bytes: Uint8Array } | { ok: false; reason: string };

const PAD = 0x3d; // '='
const NOT_BASE64 = 255;

function decodeTable(alphabet: string, extra: Record<string, number>): Uint8Array {
  const table = new Uint8Array(256).fill(NOT_BASE64);
  for (let i = 0; i < 64; i++) table[alphabet.charCodeAt(i)] = i;
  for (const [char, value] of Object.entries(extra)) table[char.charCodeAt(0)] = value;
  return table;
}

const STANDARD_TABLE = decodeTable(STANDARD_ALPHABET, {});
// urlsafe_b64decode translates '-' to '+' and '_' to '/', so both spellings decode.
const URL_SAFE_TABLE = decodeTable(STANDARD_ALPHABET, { '-': 62, _: 63 });

/**
 * CPython 3.11's non-strict `binascii.a2b_base64` (what `base64.b64decode` uses): characters outside
 * the alphabet are skipped, `=` only counts once two characters of a quad are in, enough padding
 * ends decoding and the rest is ignored, and unused low bits of the last character are dropped.
 */
export function a2bBase64(input: Uint8Array): Base64Result {
  return decodeLenient(input, STANDARD_TABLE, 0);
}

/**
 * itsdangerous' `base64_decode`: pads the input with `=` to a multiple of four bytes (counting
 * skipped junk), then decodes the URL-safe alphabet (the standard `+` and `/` are accepted too).
 */
export function base64UrlDecode(input: Uint8Array): Base64Result {
  return decodeLenient(input, URL_SAFE_TABLE, (4 - (input.length % 4)) % 4);
}

function decodeLenient(input: Uint8Array, table: Uint8Array, extraPads: number): Base64Result {
  const out = new Uint8Array(Math.floor(((input.length + extraPads) * 3) / 4));
  let written = 0;
  let quadPos = 0;
  let pads = 0;
  let leftover = 0;
  const total = input.length + extraPads;
  for (let i = 0; i < total; i++) {
    const byte = i < input.length ? (input[i] ?? 0) : PAD;
    if (byte === PAD) {
      if (quadPos >= 2 && quadPos + ++pads >= 4) return { ok: true, bytes: out.slice(0, written) };
      continue;
    }
    const value = table[byte] ?? NOT_BASE64;
    if (value === NOT_BASE64) continue;
    pads = 0;
    if (quadPos === 0) {
      leftover = value;
      quadPos = 1;
    } else if (quadPos === 1) {
      out[written++] = (leftover << 2) | (value >> 4);
      leftover = value & 0x0f;
      quadPos = 2;
    } else if (quadPos === 2) {
      out[written++] = (leftover << 4) | (value >> 2);
      leftover = value & 0x03;
      quadPos = 3;
    } else {
      out[written++] = (leftover << 6) | value;
      quadPos = 0;
    }
  }
  if (quadPos === 0) return { ok: true, bytes: out.slice(0, written) };
  if (quadPos === 1) {
    const chars = Math.floor(written / 3) * 4 + 1;
    return {
      ok: false,
      reason: `Invalid base64-encoded string: number of data characters (${chars}) cannot be 1 more than a multiple of 4`,
    };
  }
  return { ok: false, reason: 'Incorrect padding' };
}

/**
 * itsdangerous' `int_to_bytes` for a non-negative safe integer: big-endian, leading zero bytes
 * removed (0 gives no bytes).
 */
export function intToBytes(value: number): Uint8Array {
  const bytes: number[] = [];
  for (let rest = value; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return Uint8Array.from(bytes);
}

/** itsdangerous' `bytes_to_int`: big-endian unsigned; `null` beyond 8 bytes (struct ">Q"). */
export function bytesToInt(bytes: Uint8Array): bigint | null {
  if (bytes.length > 8) return null;
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return value;
}
