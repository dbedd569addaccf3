/**
 * Verify: the checks Flask makes when a cookie arrives (signature with the current key or a
 * fallback, timestamp, age against the max age, payload), at the real clock. Verifying reads the
 * keys only; it never signs anything.
 */
import {
  cookieSignatureMatches,
  decodeSessionCookie,
  loadSessionCookie,
  parseSignedCookie,
  pyRepr,
  type ZlibLoader,
} from '../flask/index.ts';
import type { SecretKey } from '../flask/index.ts';
import { formatAge, formatUtc } from '../time-format.ts';
import { parseMaxAge } from './fields.ts';
import { MAX_FALLBACK_KEYS } from './limits.ts';
import { isDict } from '../flask/python.ts';
import { pythonDisplay } from './python-view.ts';
import { readKey, readKeyLines, type KeyReading } from './secret-keys.ts';

export interface VerifyInput {
  readonly cookie: string;
  readonly secretKey: string;
  /** `SECRET_KEY_FALLBACKS`, one per line, in the order of the Python list. */
  readonly fallbackKeys: string;
  /** Whether Python literals in the key fields are read as such, or all text is plain. */
  readonly keyReading: KeyReading;
  /** Seconds, as typed. */
  readonly maxAge: string;
  /** The server clock, Unix seconds. */
  readonly now: number;
}

export type VerifyField = 'secretKey' | 'fallbackKeys' | 'maxAge';

export type VerifyView =
  | {
      readonly ok: true;
      /** Which key signed it: the current one or a fallback (with its line). */
      readonly keyUsed: string;
      readonly python: string;
      readonly signedAt: string;
      readonly age: string;
      readonly summary: string;
    }
  | {
      readonly ok: false;
      readonly kind: 'fields';
      readonly errors: Readonly<Partial<Record<VerifyField, string>>>;
      readonly summary: string;
    }
  | {
      readonly ok: false;
      readonly kind: 'rejected';
      /** The exception class, e.g. `BadTimeSignature`. */
      readonly error: string;
      /** What happened and what Flask does about it, in plain words. */
      readonly message: string;
      /** The line Python prints, e.g. `itsdangerous.exc.SignatureExpired: Signature age …`. */
      readonly python: string | null;
      /** Which key the signature matches when a later check failed; `null` if none matched. */
      readonly keyNote: string | null;
      readonly summary: string;
    };

const ITSDANGEROUS = new Set([
  'BadSignature',
  'BadTimeSignature',
  'SignatureExpired',
  'BadPayload',
]);

/** Checks `input.cookie` the way Flask would with these keys and this max age. */
export async function verifyCookie(input: VerifyInput, loadZlib?: ZlibLoader): Promise<VerifyView> {
  const secretKey = readKey(input.secretKey, input.keyReading);
  const fallbackKeys = readKeyLines(input.fallbackKeys, input.keyReading, MAX_FALLBACK_KEYS);
  const maxAge = parseMaxAge(input.maxAge);
  if (!secretKey.ok || !fallbackKeys.ok || !maxAge.ok) {
    const errors: Partial<Record<VerifyField, string>> = {};
    if (!secretKey.ok) errors.secretKey = secretKey.message;
    if (!fallbackKeys.ok) errors.fallbackKeys = fallbackKeys.message;
    if (!maxAge.ok) errors.maxAge = maxAge.message;
    return { ok: false, kind: 'fields', errors, summary: 'Not verified: a field needs fixing.' };
  }
  const keyUsed = matchingKey(input.cookie, secretKey.key, fallbackKeys.keys);
  const loaded = await loadSessionCookie(input.cookie, {
    secretKey: secretKey.key,
    secretKeyFallbacks: fallbackKeys.keys,
    maxAge: maxAge.value,
    now: input.now,
    ...(loadZlib === undefined ? {} : { loadZlib }),
  });
  if (!loaded.ok) {
    const qualified = ITSDANGEROUS.has(loaded.pythonClass)
      ? `itsdangerous.exc.${loaded.pythonClass}`
      : loaded.pythonClass;
    return {
      ok: false,
      kind: 'rejected',
      error: loaded.error,
      message: loaded.message,
      python: qualified === '' ? null : `${qualified}: ${loaded.pythonMessage}`,
      keyNote:
        keyUsed === null ? null : `The signature matches ${keyUsed}, but a later check failed.`,
      summary: `Not valid: ${loaded.error}.`,
    };
  }
  const used = keyUsed ?? 'one of the keys';
  // The same bytes again, read for Python's key order and datetime offsets.
  const decoded = await (loadZlib === undefined
    ? decodeSessionCookie(input.cookie)
    : decodeSessionCookie(input.cookie, loadZlib));
  return {
    ok: true,
    keyUsed: used,
    python:
      decoded.ok && isDict(decoded.payload)
        ? pythonDisplay(decoded.payload, decoded.json).repr
        : pyRepr(loaded.session),
    signedAt: formatUtc(loaded.timestamp),
    age: formatAge(loaded.timestamp, input.now),
    summary: `Valid: signed with ${used}.`,
  };
}

/**
 * The key whose signature the cookie carries, described for the page, checked in Flask's order:
 * the current key, then the fallbacks from the last one up.
 */
function matchingKey(
  cookie: string,
  secretKey: SecretKey,
  fallbackKeys: readonly SecretKey[],
): string | null {
  const signed = parseSignedCookie(cookie);
  if (signed === null) return null;
  if (cookieSignatureMatches(signed, secretKey)) return 'the current SECRET_KEY';
  for (let index = fallbackKeys.length - 1; index >= 0; index--) {
    const key = fallbackKeys[index]!;
    if (cookieSignatureMatches(signed, key)) return `fallback key ${index + 1}, ${pyRepr(key)}`;
  }
  return null;
}
