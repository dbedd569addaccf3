/**
 * The inspector's side of a guessing run (`src/lib/guess/`): the cookie as the kernels take it,
 * its signed part and its signature split once, or why no key can match it (the age is not
 * checked, since an attacker who has the key can sign a fresh cookie anyway); and a found key as
 * the page shows it.
 */
import { parseSignedCookie } from '../flask/decode.ts';
import type { SecretKey } from '../flask/index.ts';
import { keyAsTyped, keyRepr } from './secret-keys.ts';

/** A found key as the page shows it, worked out in the worker so the page needs no parser. */
export interface FoundKey {
  /** As Python writes it: `'secret'`, `b'\x01'`. */
  readonly repr: string;
  /** As a key field reads it back ({@link keyAsTyped}). */
  readonly typed: string;
}

/** The page's view of a found key. */
export function foundKey(key: SecretKey): FoundKey {
  return { repr: keyRepr(key), typed: keyAsTyped(key) };
}

export type GuessCookie =
  | { readonly ok: true; readonly signedPart: Uint8Array; readonly signature: Uint8Array }
  | { readonly ok: false; readonly message: string };

/** HMAC-SHA1, Flask's signature, is 20 bytes. */
const SIGNATURE_BYTES = 20;

/** `cookie` split for guessing (itsdangerous `Signer.verify_signature`'s inputs). */
export function guessCookie(cookie: string): GuessCookie {
  const signed = parseSignedCookie(cookie);
  if (signed === null) {
    return {
      ok: false,
      message: 'This cookie has no dot, so it has no signature to test keys against.',
    };
  }
  if (signed.signature === null) {
    return {
      ok: false,
      message: 'The signature part of this cookie is not base64, so no key can match it.',
    };
  }
  if (signed.signature.length !== SIGNATURE_BYTES) {
    return {
      ok: false,
      message: `The signature part of this cookie decodes to ${signed.signature.length} bytes; Flask’s HMAC-SHA1 signatures are ${SIGNATURE_BYTES}, so no key can match it.`,
    };
  }
  return { ok: true, signedPart: signed.value, signature: signed.signature };
}
