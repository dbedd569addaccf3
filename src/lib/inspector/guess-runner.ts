/**
 * Guessing a weak secret key, as plain logic: merge word lists into one list without repeats,
 * then test candidates in batches, reporting progress now and then and stopping when a key
 * matches or when asked to. The worker (`src/workers/guess-secret.worker.ts`) supplies the key
 * test, the clock and the pause between batches; the tests supply fakes.
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import type { SecretKey } from '../flask/index.ts';
import { utf8DecodeStrict } from '../flask/encoding.ts';
import { MAX_CANDIDATES } from './limits.ts';
import { wordListKey } from './word-lists.ts';

/**
 * The candidates in `lists` (each a text with one key per line, plain or a Python literal, see
 * {@link wordListKey}), in order, each once: a bytes key that is the UTF-8 of a str key is the
 * same key to Flask (itsdangerous' `want_bytes`), so only the first is kept. Empty lines are
 * skipped (Flask has no session at all with an empty key). Stops after `max` keys.
 */
export function mergeWordLists(
  lists: readonly string[],
  max: number = MAX_CANDIDATES,
): { keys: SecretKey[]; truncated: boolean } {
  const keys: SecretKey[] = [];
  const seen = new Set<string>();
  const seenBytes = new Set<string>();
  for (const text of lists) {
    for (const line of text.split('\n')) {
      const read = wordListKey(line);
      if (read === null) continue;
      const { key } = read;
      const text = typeof key === 'string' ? key : utf8DecodeStrict(key);
      const ids = text === null ? seenBytes : seen;
      const id = text ?? bytesToHex(key as Uint8Array);
      if (ids.has(id)) continue;
      if (keys.length === max) return { keys, truncated: true };
      ids.add(id);
      keys.push(key);
    }
  }
  return { keys, truncated: false };
}

export interface GuessProgress {
  readonly tried: number;
  readonly total: number;
  /** Time spent testing keys so far, in milliseconds. */
  readonly elapsedMs: number;
}

/** How a run ended; `tried` counts the matching key too. */
export type GuessOutcome = GuessProgress &
  (
    | { readonly kind: 'found'; readonly key: SecretKey }
    | { readonly kind: 'not-found' | 'cancelled' }
  );

export interface GuessOptions {
  /** Whether `key` signed the cookie. */
  readonly test: (key: SecretKey) => boolean;
  /** Milliseconds from any fixed origin (`performance.now`). */
  readonly clock: () => number;
  /** Resolves after the host had a chance to deliver messages such as a cancel request. */
  readonly pause: () => Promise<void>;
  readonly cancelled: () => boolean;
  readonly onProgress: (progress: GuessProgress) => void;
  /** Keys tested between two pauses. */
  readonly batchSize?: number;
  /** Least time between two progress reports; the first batch and the end always report. */
  readonly progressEveryMs?: number;
}

export const DEFAULT_BATCH_SIZE = 2_000;
export const DEFAULT_PROGRESS_EVERY_MS = 100;

/**
 * Tests `keys` in order until one matches, all were tried, or `cancelled()` turns true (checked
 * after every pause, so a cancel takes effect within one batch).
 */
export async function runGuesses(
  keys: readonly SecretKey[],
  options: GuessOptions,
): Promise<GuessOutcome> {
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  const every = options.progressEveryMs ?? DEFAULT_PROGRESS_EVERY_MS;
  const total = keys.length;
  const started = options.clock();
  let lastReport = -Infinity;
  let tried = 0;
  const progress = () => ({ tried, total, elapsedMs: options.clock() - started });
  while (tried < total) {
    const end = Math.min(total, tried + batchSize);
    for (; tried < end; tried++) {
      const key = keys[tried]!;
      if (options.test(key)) {
        tried += 1;
        return { kind: 'found', key, ...progress() };
      }
    }
    if (tried === total) break;
    const now = options.clock();
    if (now - lastReport >= every) {
      lastReport = now;
      options.onProgress(progress());
    }
    await options.pause();
    if (options.cancelled()) return { kind: 'cancelled', ...progress() };
  }
  return { kind: 'not-found', ...progress() };
}
