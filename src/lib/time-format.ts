/** A Unix time (whole seconds) as `2023-11-14 22:13:20 UTC`; out-of-range times say so. */
export function formatUtc(seconds: number): string {
  const date = new Date(seconds * 1000);
  if (Number.isNaN(date.getTime())) return `${seconds} (outside the calendar)`;
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

const UNITS = [
  ['day', 24 * 60 * 60],
  ['hour', 60 * 60],
  ['minute', 60],
  ['second', 1],
] as const;

/**
 * A duration in words with at most two units, rounding down: `0 seconds`, `1 minute`,
 * `31 days`, `2 days 3 hours`. Negative durations are described by their size.
 */
export function formatDuration(seconds: number): string {
  let rest = Math.abs(Math.trunc(seconds));
  if (rest === 0) return '0 seconds';
  const parts: string[] = [];
  for (const [name, size] of UNITS) {
    const count = Math.floor(rest / size);
    if (count > 0 && parts.length < 2) {
      parts.push(`${count} ${name}${count === 1 ? '' : 's'}`);
      rest -= count * size;
    } else if (parts.length > 0) {
      break;
    }
  }
  return parts.join(' ');
}

/** How long ago `then` was at `now`, e.g. `3 seconds ago`, or `in 2 hours` for a future time. */
export function formatAge(then: number, now: number): string {
  const age = now - then;
  if (age === 0) return 'just now';
  return age > 0 ? `${formatDuration(age)} ago` : `in ${formatDuration(age)}`;
}
