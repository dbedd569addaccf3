import type { StoredCookie } from './set-cookie.ts';

// Kept apart from cookie-jar.ts, which needs the Set-Cookie parser: the playground's clock and
// restart buttons use these before any request, without downloading the parser.

/** Cookies whose `Expires`/`Max-Age` time has passed are gone. */
export function dropExpired(jar: readonly StoredCookie[], now: number): readonly StoredCookie[] {
  return jar.filter((cookie) => cookie.expires === undefined || cookie.expires > now);
}

/** Closing the browser drops session cookies (those without an expiry); persistent ones stay. */
export function closeBrowser(jar: readonly StoredCookie[]): readonly StoredCookie[] {
  return jar.filter((cookie) => cookie.expires !== undefined);
}
