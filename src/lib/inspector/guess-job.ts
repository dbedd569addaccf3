/**
 * One guessing job as the worker runs it: the messages between page and worker, and the checks
 * made before the first key is tried. Testing a key is one key derivation and one HMAC over
 * the cookie as it was split once ({@link cookieSignatureMatches}); the age is not checked,
 * since an attacker who has the key can sign a fresh cookie anyway.
 */
import { cookieSignatureMatches, parseSignedCookie, type SecretKey } from '../flask/index.ts';
import { mergeWordLists, type GuessOutcome, type GuessProgress } from './guess-runner.ts';
import { keyAsTyped, keyRepr, type KeyReading } from './secret-keys.ts';
import type { WordList } from './word-list-lines.ts';
import { EMPTY_WORD_LIST } from './word-lists.ts';

/**
 * Page → worker. `lists` are word-list texts (one key per line, plain or a Python literal); the
 * built-in one is fetched.
 */
export type GuessRequest =
  | {
      readonly type: 'start';
      readonly cookie: string;
      readonly useBuiltInList: boolean;
      readonly lists: readonly string[];
      /** How the lines of `lists` are read; the built-in list is always read `auto`. */
      readonly reading: KeyReading;
    }
  | { readonly type: 'cancel' };

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

/** Worker → page. `found` is set when the outcome is `found`. */
export type GuessReport =
  | { readonly type: 'started'; readonly total: number; readonly truncated: boolean }
  | { readonly type: 'progress'; readonly progress: GuessProgress }
  | { readonly type: 'done'; readonly outcome: GuessOutcome; readonly found: FoundKey | null }
  | { readonly type: 'failed'; readonly message: string };

export type PreparedGuess =
  | {
      readonly ok: true;
      readonly keys: SecretKey[];
      readonly truncated: boolean;
      readonly test: (key: SecretKey) => boolean;
    }
  | { readonly ok: false; readonly message: string };

/** The candidate keys and the test for `cookie`, or why guessing cannot start. */
export function prepareGuess(cookie: string, lists: readonly WordList[]): PreparedGuess {
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
  const { keys, truncated } = mergeWordLists(lists);
  if (keys.length === 0) {
    return { ok: false, message: EMPTY_WORD_LIST };
  }
  return { ok: true, keys, truncated, test: (key) => cookieSignatureMatches(signed, key) };
}
