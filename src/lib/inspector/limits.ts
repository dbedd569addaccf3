/**
 * The largest inputs the cookie inspector reads, each named so the page can say it. They keep a
 * stray paste (a whole log file, a binary) from freezing the tab; real inputs are far smaller.
 */

/** A pasted cookie value or header. Browsers keep cookies of at most about 4 KB. */
export const MAX_COOKIE_INPUT_CHARS = 16_384;

/** A secret key, and each fallback key. */
export const MAX_SECRET_CHARS = 1_024;

/** How many fallback keys Verify accepts. */
export const MAX_FALLBACK_KEYS = 32;

/** The session data (tagged JSON) the signer reads. */
export const MAX_SESSION_JSON_CHARS = 65_536;

/** A word list pasted into the page. */
export const MAX_PASTED_LIST_CHARS = 1_000_000;

const format = (count: number) => count.toLocaleString('en-US');

/**
 * A sentence when `text` is longer than `limit` characters, else `null`. `what` names the field
 * as it would start a sentence ("The cookie", "The session data").
 */
export function tooLong(what: string, text: string, limit: number): string | null {
  if (text.length <= limit) return null;
  return `${what} is ${format(text.length)} characters long; the inspector reads at most ${format(limit)}.`;
}
