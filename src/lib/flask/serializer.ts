/**
 * itsdangerous' `URLSafeTimedSerializer` with Flask's tagged JSON inside (`url_safe.py`,
 * `serializer.py`, `timed.py`): a value becomes tagged JSON, then UTF-8, then zlib data if that
 * is at least 2 bytes shorter (marked by a leading `.`), then URL-safe base64, then is signed
 * with a timestamp. Loading reverses each step and names the step that failed.
 */
import {
  base64UrlDecode,
  base64UrlEncode,
  utf8Decode,
  utf8DecodeStrict,
  utf8Encode,
} from './encoding.ts';
import {
  badPayload,
  dumpZlibUnavailable,
  payloadTooLarge,
  zlibUnavailable,
  type DumpFailure,
  type LoadFailure,
} from './exceptions.ts';
import type { PyValue } from './python.ts';
import type { SecretKey } from './signer.ts';
import { dumpsTagged, loadsTagged } from './tag.ts';
import { TimestampSigner, type AgeCheck } from './timed.ts';
import {
  MAX_DECOMPRESSED_BYTES,
  compressIfShorter,
  decompress,
  loadPako,
  type ZlibLoader,
} from './zlib.ts';

/** `URLSafeSerializerMixin.dump_payload`: the base64 segment, with `.` when compressed. */
async function dumpPayload(
  value: PyValue,
  loader: ZlibLoader,
): Promise<{ ok: true; segment: string } | DumpFailure> {
  const dumped = dumpsTagged(value);
  if (!dumped.ok) return dumped;
  const body = await compressIfShorter(utf8Encode(dumped.text), loader);
  if (!body.ok) return dumpZlibUnavailable(body.detail);
  const encoded = base64UrlEncode(body.body);
  return { ok: true, segment: body.compressed ? `.${encoded}` : encoded };
}

/** Where loading a payload failed, with the reason in plain words. */
export interface PayloadFailure {
  readonly ok: false;
  readonly stage: 'base64' | 'zlib' | 'too-large' | 'unavailable' | 'unserialize';
  readonly detail: string;
}

/** A loaded payload: the untagged value, its JSON text and whether it was compressed. */
export interface LoadedPayload {
  readonly ok: true;
  readonly value: PyValue;
  readonly json: string;
  readonly compressed: boolean;
}

/** `URLSafeSerializerMixin.load_payload` followed by `TaggedJSONSerializer.loads`. */
export async function loadPayload(
  segment: Uint8Array,
  loader: ZlibLoader,
): Promise<LoadedPayload | PayloadFailure> {
  const compressed = segment[0] === 0x2e; // '.'
  const decoded = base64UrlDecode(compressed ? segment.subarray(1) : segment);
  if (!decoded.ok) return { ok: false, stage: 'base64', detail: `base64: ${decoded.reason}` };
  let bytes = decoded.bytes;
  if (compressed) {
    const inflated = await decompress(bytes, loader);
    if (!inflated.ok) {
      if (inflated.reason === 'too-large') {
        return {
          ok: false,
          stage: 'too-large',
          detail: `more than ${MAX_DECOMPRESSED_BYTES} bytes`,
        };
      }
      const stage = inflated.reason === 'unavailable' ? 'unavailable' : 'zlib';
      return { ok: false, stage, detail: `zlib: ${inflated.detail}` };
    }
    bytes = inflated.bytes;
  }
  const json = utf8DecodeStrict(bytes);
  if (json === null)
    return { ok: false, stage: 'unserialize', detail: 'the data is not valid UTF-8' };
  const loaded = loadsTagged(json);
  if (!loaded.ok) return { ok: false, stage: 'unserialize', detail: `JSON: ${loaded.detail}` };
  return { ok: true, value: loaded.value, json, compressed };
}

/** The failure value `loads` reports for a payload that did not load. */
function payloadFailure(failure: PayloadFailure): LoadFailure {
  if (failure.stage === 'too-large') return payloadTooLarge(MAX_DECOMPRESSED_BYTES);
  if (failure.stage === 'unavailable') return zlibUnavailable(failure.detail);
  return badPayload(failure.stage, failure.detail);
}

export interface SerializerOptions {
  readonly salt?: string;
  /** How pako is loaded; tests inject failing or counting loaders. */
  readonly loadZlib?: ZlibLoader;
}

export class URLSafeTimedSerializer {
  readonly signer: TimestampSigner;
  readonly loadZlib: ZlibLoader;

  /** @param secretKeys one key, or several from oldest to newest (sign with the newest). */
  constructor(secretKeys: SecretKey | readonly SecretKey[], options: SerializerOptions = {}) {
    this.signer = new TimestampSigner(secretKeys, options.salt);
    this.loadZlib = options.loadZlib ?? loadPako;
  }

  /** The signed cookie value for `value` at `timestamp` (whole Unix seconds). */
  async dumps(
    value: PyValue,
    timestamp: number,
  ): Promise<{ ok: true; cookie: string } | DumpFailure> {
    const payload = await dumpPayload(value, this.loadZlib);
    if (!payload.ok) return payload;
    const signed = this.signer.sign(utf8Encode(payload.segment), timestamp);
    return { ok: true, cookie: utf8Decode(signed) };
  }

  /**
   * The value inside `cookie`, its timestamp and which key verified it (an index into the
   * constructor's oldest-to-newest list), after every check Flask makes.
   */
  async loads(
    cookie: string,
    check: AgeCheck,
  ): Promise<{ ok: true; value: PyValue; timestamp: number; keyIndex: number } | LoadFailure> {
    const unsigned = this.signer.unsign(utf8Encode(cookie), check);
    if (!unsigned.ok) return unsigned.failure;
    const payload = await loadPayload(unsigned.value, this.loadZlib);
    if (!payload.ok) return payloadFailure(payload);
    return {
      ok: true,
      value: payload.value,
      timestamp: unsigned.timestamp,
      keyIndex: unsigned.keyIndex,
    };
  }
}
