/**
 * One guessing job as the worker runs it: the messages between page and worker, and the checks
 * made before the first key is tried. Testing a key is one key derivation and one HMAC over
 * the cookie as it was split once ({@link cookieSignatureMatches}); the age is not checked,
 * since an attacker who has the key can sign a fresh cookie anyway.
 */
import { cookieSignatureMatches, parseSignedCookie, type SecretKey } from '../flask/index.ts';
import { mergeWordLists, type GuessOutcome, type GuessProgress } from './guess-runner.ts';
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
    }
  | { readonly type: 'cancel' };

/** Worker → page. */
export type GuessReport =
  | { readonly type: 'started'; readonly total: number; readonly truncated: boolean }
  | { readonly type: 'progress'; readonly progress: GuessProgress }
  | { readonly type: 'done'; readonly outcome: GuessOutcome }
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
export function prepareGuess(cookie: string, lists: readonly string[]): PreparedGuess {
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
