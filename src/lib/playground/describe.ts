import type { StoredCookie } from '../browser/set-cookie.ts';
import { formatAge, formatUtc } from '../time-format.ts';
import type { Row } from './state.ts';

/** The sentence a screen reader hears after a request, e.g. "Third visit, GET /: Count: 3. …". */
export function announceRow(row: Row): string {
  return `${row.label}, ${row.request}: ${row.output}. ${row.note}`;
}

/** How long the browser keeps a cookie, in words. */
export function cookieLifetime(cookie: StoredCookie, now: number): string {
  return cookie.expires === undefined
    ? 'Session cookie: kept until the browser closes.'
    : `Expires ${formatUtc(cookie.expires)} (${formatAge(cookie.expires, now)}).`;
}
