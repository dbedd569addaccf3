/**
 * Guessing a weak secret key, as plain logic: merge word lists into one list without repeats,
 * then test candidates in batches, reporting progress now and then and stopping when a key
 * matches or when asked to. The worker (`src/workers/guess-secret.worker.ts`) supplies the key
 * test, the clock and the pause between batches; the tests supply fakes.
 */
import { MAX_CANDIDATES } from './limits.ts';

/**
 * The candidates in `lists` (each a text with one key per line), in order, each once. Lines are
 * tried exactly as written except for a trailing carriage return; empty lines are skipped (Flask
 * has no session at all with an empty key). Stops after `max` keys.
 */
export function mergeWordLists(
  lists: readonly string[],
  max: number = MAX_CANDIDATES,
): { keys: string[]; truncated: boolean } {
  const seen = new Set<string>();
  for (const text of lists) {
    for (const line of text.split('\n')) {
      const key = line.endsWith('\r') ? line.slice(0, -1) : line;
      if (key === '' || seen.has(key)) continue;
      if (seen.size === max) return { keys: [...seen], truncated: true };
      seen.add(key);
    }
  }
  return { keys: [...seen], truncated: false };
}

export interface GuessProgress {
  readonly tried: number;
  readonly total: number;
  /** Time spent testing keys so far, in milliseconds. */
  readonly elapsedMs: number;
}

/** How a run ended; `tried` counts the matching key too. */
export type GuessOutcome = GuessProgress &
  ({ readonly kind: 'found'; readonly key: string } | { readonly kind: 'not-found' | 'cancelled' });

export interface GuessOptions {
  /** Whether `key` signed the cookie. */
  readonly test: (key: string) => boolean;
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
  keys: readonly string[],
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
