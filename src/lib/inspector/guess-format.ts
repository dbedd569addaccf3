/**
 * Sentences about a guessing run. A rate is only given once the run has lasted a second: over a
 * few milliseconds the clock's resolution makes any keys-per-second figure meaningless.
 */
import type { GuessProgress } from './guess-runner.ts';

/** Shortest run, in milliseconds, whose rate is worth showing. */
export const MIN_RATE_MS = 1_000;

const count = (n: number) => n.toLocaleString('en-US');
const keys = (n: number) => `${count(n)} key${n === 1 ? '' : 's'}`;

/** `55,982 keys in 1.52 s, 36,830 keys per second`, or `2 keys in under a second`. */
export function triedIn(progress: GuessProgress): string {
  if (progress.elapsedMs < MIN_RATE_MS) return `${keys(progress.tried)} in under a second`;
  const seconds = progress.elapsedMs / 1000;
  const rate = Math.round(progress.tried / seconds);
  return `${keys(progress.tried)} in ${seconds.toFixed(1)} s, ${count(rate)} keys per second`;
}

/** `1,000 of 55,982 keys tried`, with the rate once it means something. */
export function progressLine(progress: GuessProgress): string {
  const done = `${count(progress.tried)} of ${keys(progress.total)} tried`;
  if (progress.elapsedMs < MIN_RATE_MS) return `${done}.`;
  const rate = Math.round(progress.tried / (progress.elapsedMs / 1000));
  return `${done}, ${count(rate)} keys per second.`;
}
