/**
 * Sentences about a guessing run. A rate (and the time left) is only given once the run has
 * lasted a second: over a few milliseconds the clock's resolution makes any keys-per-second
 * figure meaningless.
 */
import type { GuessProgress } from '../guess/pool.ts';

/** Shortest run, in milliseconds, whose rate is worth showing. */
export const MIN_RATE_MS = 1_000;

const count = (n: number) => n.toLocaleString('en-US');
const keys = (n: number) => `${count(n)} key${n === 1 ? '' : 's'}`;
const rate = (progress: Pick<GuessProgress, 'tried' | 'elapsedMs'>) =>
  Math.round(progress.tried / (progress.elapsedMs / 1000));

/** `55,982 keys in 1.5 s, 36,830 keys per second`, or `2 keys in under a second`. */
export function triedIn(progress: Pick<GuessProgress, 'tried' | 'elapsedMs'>): string {
  if (progress.elapsedMs < MIN_RATE_MS) return `${keys(progress.tried)} in under a second`;
  const seconds = progress.elapsedMs / 1000;
  return `${keys(progress.tried)} in ${seconds.toFixed(1)} s, ${count(rate(progress))} keys per second`;
}

/** How much of the word lists was read, in whole percent (100 only when all was). */
export const percentRead = (progress: GuessProgress) =>
  progress.totalBytes === 0 ? 100 : Math.floor((progress.bytesDone / progress.totalBytes) * 100);

/** `3 s`, `2 min 5 s`, `1 h 4 min`. */
export function duration(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/**
 * `1,000 keys tried, 12% of the word lists read`, then once it means something the rate and the
 * time left at the rate the lists have been read so far.
 */
export function progressLine(progress: GuessProgress): string {
  const done = `${keys(progress.tried)} tried, ${percentRead(progress)}% of the word lists read`;
  if (progress.elapsedMs < MIN_RATE_MS || progress.bytesDone === 0) return `${done}.`;
  const left =
    ((progress.totalBytes - progress.bytesDone) / progress.bytesDone) * progress.elapsedMs;
  return `${done}, ${count(rate(progress))} keys per second, about ${duration(left)} left.`;
}
