import type { StoredCookie } from '../browser/set-cookie.ts';
import { formatAge, formatUtc } from '../time-format.ts';

/** How long the browser keeps a cookie, in words. */
export function cookieLifetime(cookie: StoredCookie, now: number): string {
  return cookie.expires === undefined
    ? 'Session cookie: kept until the browser closes.'
    : `Expires ${formatUtc(cookie.expires)} (${formatAge(cookie.expires, now)}).`;
}
