/**
 * Reading a session cookie without its secret key, like `flask-unsign --decode`: the payload is
 * only base64 (and maybe zlib), not encrypted. Also the pieces for guessing a secret: split and
 * decode a cookie once, then test each candidate key with one key derivation and one HMAC.
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha1 } from '@noble/hashes/legacy.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { base64UrlDecode, bytesToInt, utf8Encode } from './encoding.ts';
import type { PyValue } from './python.ts';
import { loadPayload } from './serializer.ts';
import { SEPARATOR, constantTimeEqual, deriveKey, type SecretKey } from './signer.ts';
import { MAX_DECOMPRESSED_BYTES, loadPako, type ZlibLoader } from './zlib.ts';

/** A cookie split at its last dot: the signed bytes and the decoded signature. */
export interface SignedCookie {
  /** Everything before the last dot (payload and timestamp), as bytes. */
  readonly value: Uint8Array;
  /** The signature, leniently decoded like itsdangerous does; `null` if it is not base64. */
  readonly signature: Uint8Array | null;
}

/** Splits `cookie` for {@link cookieSignatureMatches}; `null` when it has no dot. */
export function parseSignedCookie(cookie: string): SignedCookie | null {
  const bytes = utf8Encode(cookie);
  const dot = bytes.lastIndexOf(SEPARATOR);
  if (dot < 0) return null;
  const decoded = base64UrlDecode(bytes.subarray(dot + 1));
  return { value: bytes.subarray(0, dot), signature: decoded.ok ? decoded.bytes : null };
}

/**
 * Whether `secretKey` signed this cookie (the signature check only; age is not checked).
 * Synchronous and allocation-light, for trying many candidate keys.
 */
export function cookieSignatureMatches(cookie: SignedCookie, secretKey: SecretKey): boolean {
  if (cookie.signature === null) return false;
  return constantTimeEqual(hmac(sha1, deriveKey(secretKey), cookie.value), cookie.signature);
}

export type DecodeErrorKind =
  | 'EmptyCookie'
  | 'MissingSeparator'
  | 'BadBase64'
  | 'BadZlib'
  | 'PayloadTooLarge'
  | 'BadJson'
  | 'ZlibUnavailable';

/** What a cookie says, read without the secret key. */
export interface DecodedCookie {
  readonly ok: true;
  /** Whether the payload was zlib-compressed (the cookie starts with a dot). */
  readonly compressed: boolean;
  /** The JSON text inside, as Flask wrote it. */
  readonly json: string;
  /** The data with Flask's tags undone (normally the session dict). */
  readonly payload: PyValue;
  /** When it was signed, in Unix seconds; `null` if the timestamp part is unreadable. */
  readonly timestamp: number | null;
  /** The signature bytes (normally 20), `null` if that part is not base64. */
  readonly signature: Uint8Array | null;
  readonly signatureHex: string | null;
}

export interface DecodeFailure {
  readonly ok: false;
  readonly error: DecodeErrorKind;
  /** What is wrong, in plain English. */
  readonly message: string;
}

/** Reads payload, timestamp and signature of a session cookie without checking anything. */
export async function decodeSessionCookie(
  cookie: string,
  loadZlib: ZlibLoader = loadPako,
): Promise<DecodedCookie | DecodeFailure> {
  if (cookie === '') return failed('EmptyCookie', 'The cookie is empty.');
  const signed = parseSignedCookie(cookie);
  const dot = signed === null ? -1 : signed.value.lastIndexOf(SEPARATOR);
  if (signed === null || dot < 0) {
    return failed(
      'MissingSeparator',
      'A Flask session cookie has three parts separated by dots: data, time and signature. ' +
        'This one has fewer.',
    );
  }
  const loaded = await loadPayload(signed.value.subarray(0, dot), loadZlib);
  if (!loaded.ok) {
    const [error, message] = PAYLOAD_ERRORS[loaded.stage];
    return failed(error, `${message} (${loaded.detail})`);
  }
  const stamp = base64UrlDecode(signed.value.subarray(dot + 1));
  const timestamp = stamp.ok ? bytesToInt(stamp.bytes) : null;
  return {
    ok: true,
    compressed: loaded.compressed,
    json: loaded.json,
    payload: loaded.value,
    timestamp: timestamp === null ? null : Number(timestamp),
    signature: signed.signature,
    signatureHex: signed.signature === null ? null : bytesToHex(signed.signature),
  };
}

function failed(error: DecodeErrorKind, message: string): DecodeFailure {
  return { ok: false, error, message };
}

const PAYLOAD_ERRORS = {
  base64: ['BadBase64', 'The data part is not valid base64'],
  zlib: ['BadZlib', 'The data part is marked as compressed but is not valid zlib data'],
  'too-large': [
    'PayloadTooLarge',
    `The compressed data expands to more than ${MAX_DECOMPRESSED_BYTES} bytes, so it was not read`,
  ],
  unavailable: ['ZlibUnavailable', 'The compression code could not be loaded (are you offline?)'],
  unserialize: ['BadJson', 'The data part is not JSON that Flask could have written'],
} as const satisfies Record<string, readonly [DecodeErrorKind, string]>;
