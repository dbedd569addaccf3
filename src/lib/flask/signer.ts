/**
 * itsdangerous' `Signer` as Flask configures it (`signer.py`): the signing key is derived as
 * HMAC-SHA1(secret key, salt `cookie-session`) (`key_derivation="hmac"`), the signature is
 * HMAC-SHA1(derived key, value), and `value.signature` is joined with a dot.
 *
 * Key rotation: given several keys (oldest to newest), it signs with the newest and accepts a
 * signature made by any of them, checking the newest first.
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha1 } from '@noble/hashes/legacy.js';
import { base64UrlDecode, base64UrlEncode, concat, utf8Encode } from './encoding.ts';
import { noSeparator, signatureMismatch, type LoadFailure } from './exceptions.ts';

/** A secret key as Flask accepts it: text (used as UTF-8) or bytes. */
export type SecretKey = string | Uint8Array;

/** The salt Flask's `SecureCookieSessionInterface` signs sessions with. */
export const SESSION_SALT = 'cookie-session';

/** The separator between value, timestamp and signature. */
export const SEPARATOR = 0x2e; // '.'

/** HMAC-SHA1(secretKey, salt): the key that actually signs (itsdangerous' `derive_key`). */
export function deriveKey(secretKey: SecretKey, salt: string = SESSION_SALT): Uint8Array {
  return hmac(sha1, keyBytes(secretKey), utf8Encode(salt));
}

/** Bytes of a secret key (itsdangerous' `want_bytes`). */
function keyBytes(secretKey: SecretKey): Uint8Array {
  return typeof secretKey === 'string' ? utf8Encode(secretKey) : secretKey;
}

/** Equality whose running time depends only on the lengths (Python's `hmac.compare_digest`). */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return difference === 0;
}

/**
 * `Signer.unsign`: the signed value without its signature and which key verified it (its index in
 * the constructor's oldest-to-newest list), or why it was refused.
 */
export type UnsignResult =
  | { ok: true; value: Uint8Array; keyIndex: number }
  | { ok: false; failure: LoadFailure; payload: Uint8Array | null };

export class Signer {
  /** Derived keys, newest first: the order signatures are checked in. */
  readonly #keysNewestFirst: readonly Uint8Array[];

  /**
   * @param secretKeys one key, or several from oldest to newest (itsdangerous' key list).
   * @throws RangeError for an empty key list (a programming error).
   */
  constructor(secretKeys: SecretKey | readonly SecretKey[], salt: string = SESSION_SALT) {
    const keys = Array.isArray(secretKeys) ? secretKeys : [secretKeys as SecretKey];
    if (keys.length === 0) throw new RangeError('Signer needs at least one secret key');
    this.#keysNewestFirst = keys.map((key) => deriveKey(key, salt)).reverse();
  }

  /** The raw 20-byte HMAC of `value` with the newest key. */
  getSignature(value: Uint8Array): Uint8Array {
    return hmac(sha1, this.#keysNewestFirst[0]!, value);
  }

  /** `value.signature`, the signature in URL-safe base64 without padding (27 characters). */
  sign(value: Uint8Array): Uint8Array {
    const signature = utf8Encode(base64UrlEncode(this.getSignature(value)));
    return concat(value, Uint8Array.of(SEPARATOR), signature);
  }

  /**
   * `Signer.verify_signature`: which key the (leniently decoded) signature segment matches under,
   * as an index into the constructor's oldest-to-newest list, or -1. Like itsdangerous
   * (`for secret_key in reversed(self.secret_keys)`), the newest key is tried first and the first
   * match wins.
   */
  verifyingKeyIndex(value: Uint8Array, signatureSegment: Uint8Array): number {
    const decoded = base64UrlDecode(signatureSegment);
    if (!decoded.ok) return -1;
    const newest = this.#keysNewestFirst.findIndex((key) =>
      constantTimeEqual(hmac(sha1, key, value), decoded.bytes),
    );
    return newest < 0 ? -1 : this.#keysNewestFirst.length - 1 - newest;
  }

  /** Whether the signature segment matches `value` under any key. */
  verifySignature(value: Uint8Array, signatureSegment: Uint8Array): boolean {
    return this.verifyingKeyIndex(value, signatureSegment) >= 0;
  }

  /** Split at the last dot and verify; on a mismatch, `payload` is the part before the dot. */
  unsign(signed: Uint8Array): UnsignResult {
    const dot = signed.lastIndexOf(SEPARATOR);
    if (dot < 0) return { ok: false, failure: noSeparator(), payload: null };
    const value = signed.subarray(0, dot);
    const signature = signed.subarray(dot + 1);
    const keyIndex = this.verifyingKeyIndex(value, signature);
    if (keyIndex >= 0) return { ok: true, value, keyIndex };
    return { ok: false, failure: signatureMismatch('BadSignature', signature), payload: value };
  }
}
