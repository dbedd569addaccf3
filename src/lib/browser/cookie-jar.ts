import { dropExpired } from './expiry.ts';
import { parseSetCookie, type StoredCookie } from './set-cookie.ts';

export { closeBrowser, dropExpired } from './expiry.ts';

/**
 * The simulated browser's cookies for the one site it talks to, oldest first. A jar is a plain
 * immutable array: every operation returns a new one.
 */
export type CookieJar = readonly StoredCookie[];

/** The jar after a response's `Set-Cookie` headers (replacing same-named cookies, honouring deletes). */
export function applySetCookies(
  jar: CookieJar,
  headers: readonly string[],
  now: number,
): CookieJar {
  let next = dropExpired(jar, now);
  for (const header of headers) {
    const effect = parseSetCookie(header, now);
    if (effect.kind === 'invalid') continue;
    const name = effect.kind === 'store' ? effect.cookie.name : effect.name;
    next = next.filter((cookie) => cookie.name !== name);
    if (effect.kind === 'store') next = [...next, effect.cookie];
  }
  return next;
}

/** The `Cookie` request header the browser sends now, or undefined when it has no cookie to send. */
export function cookieHeader(jar: CookieJar, now: number): string | undefined {
  const live = dropExpired(jar, now);
  return live.length === 0
    ? undefined
    : live.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
}

/** The jar with one cookie's value replaced, as a learner editing it in developer tools would. */
export function replaceValue(jar: CookieJar, name: string, value: string): CookieJar {
  return jar.map((cookie) => (cookie.name === name ? { ...cookie, value } : cookie));
}
