/**
 * The Challenge's optional timer. The Challenge is untimed by default; a learner may start a
 * timer, extend it or turn it off at any time, and when it runs out nothing is locked (WCAG 2.2.1
 * Timing Adjustable).
 */

/** A timer's length, and what "Add time" adds: five minutes, in milliseconds. */
export const timerStep = 5 * 60 * 1000;

/** Milliseconds left until `endsAt` at `now` (never negative). */
export function timeLeft(endsAt: number, now: number): number {
  return Math.max(0, endsAt - now);
}

/** `m:ss`, rounding up so a timer shows 0:00 only when it has run out. */
export function clock(milliseconds: number): string {
  const seconds = Math.ceil(milliseconds / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
