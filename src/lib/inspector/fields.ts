/**
 * The inspector's text fields read into values, each with the sentence shown next to the field
 * when it cannot be read. Secret keys are read in `secret-keys.ts`.
 */

export type Parsed<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(message: string): Parsed<T> => ({ ok: false, message });

/** The last second Python's `datetime` can represent, 9999-12-31 23:59:59 UTC. */
export const LAST_TIMESTAMP = 253_402_300_799;

/** A maximum age in whole seconds (`PERMANENT_SESSION_LIFETIME`). */
export function parseMaxAge(text: string): Parsed<number> {
  const trimmed = text.trim();
  const seconds = /^\d+$/.test(trimmed) ? Number(trimmed) : NaN;
  if (!Number.isSafeInteger(seconds)) {
    return bad('Enter the maximum age as whole seconds, such as 2678400 for 31 days.');
  }
  return ok(seconds);
}

const UTC_DATE = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?(?:\s*(?:Z|UTC))?$/i;

/**
 * A signing time: whole Unix seconds, or a UTC date and time such as `2023-11-14 22:13:20`.
 * It must lie between 1970 and the end of 9999, the years Python can turn back into a date.
 */
export function parseTimestamp(text: string): Parsed<number> {
  const trimmed = text.trim();
  let seconds = NaN;
  if (/^\d+$/.test(trimmed)) {
    seconds = Number(trimmed);
  } else {
    const match = UTC_DATE.exec(trimmed);
    if (match !== null) {
      const [year, month, day, hour, minute, second] = match
        .slice(1)
        .map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
      const millis = Date.UTC(year, month - 1, day, hour, minute, second);
      const date = new Date(millis);
      // Date.UTC rolls 31 February over into March and 24:00 into the next day; a real date and
      // time reads back unchanged.
      const readBack = [
        date.getUTCMonth() + 1,
        date.getUTCDate(),
        date.getUTCHours(),
        date.getUTCMinutes(),
        date.getUTCSeconds(),
      ];
      if (readBack.join() === [month, day, hour, minute, second].join()) seconds = millis / 1000;
    }
  }
  if (!Number.isSafeInteger(seconds) || seconds < 0 || seconds > LAST_TIMESTAMP) {
    return bad(
      'Enter the time as whole Unix seconds (such as 1700000000) or as a UTC date and time ' +
        '(such as 2023-11-14 22:13:20), between 1970 and the year 9999.',
    );
  }
  return ok(seconds);
}
