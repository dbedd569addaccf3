/**
 * The cookie as the guessing kernels take it (`src/lib/guess/`): its signed part and its
 * signature, split once, or why no key can match it. The age is not checked, since an attacker
 * who has the key can sign a fresh cookie anyway.
 */
import { parseSignedCookie } from '../flask/decode.ts';

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
