import { describe, expect, test } from 'vitest';
import { parseSetCookie } from '../../../src/lib/browser/set-cookie.ts';
import {
  applySetCookies,
  closeBrowser,
  cookieHeader,
  replaceValue,
  type CookieJar,
} from '../../../src/lib/browser/cookie-jar.ts';

// Set-Cookie headers below are real Flask 2.2 output at time 1700000000 (Werkzeug's `dump_cookie` via Flask's `save_session`).
const now = 1_700_000_000;
const counterCookie =
  'session=eyJjb3VudCI6MX0.ZVPxAA.Xss3LkRekfPz2zxJbqRLrfLUhuI; HttpOnly; Path=/';
const permanentCookie =
  'session=eyJfcGVybWFuZW50Ijp0cnVlLCJ1c2VyIjoiYWxpY2UifQ.ZVPxAA.XRBlA2ydFh9xLo7lltA_otD4FyA; Expires=Fri, 15 Dec 2023 22:13:20 GMT; HttpOnly; Path=/';
const deletion = 'session=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; HttpOnly; Path=/';

describe('reading Set-Cookie like a browser', () => {
  test("Flask's session cookie without Expires is a session cookie", () => {
    expect(parseSetCookie(counterCookie, now)).toEqual({
      kind: 'store',
      cookie: {
        name: 'session',
        value: 'eyJjb3VudCI6MX0.ZVPxAA.Xss3LkRekfPz2zxJbqRLrfLUhuI',
        expires: undefined,
        attributes: ['HttpOnly', 'Path=/'],
        httpOnly: true,
        secure: false,
        path: '/',
        domain: undefined,
        sameSite: undefined,
      },
    });
  });

  test('a permanent session cookie expires 31 days after it was set', () => {
    const effect = parseSetCookie(permanentCookie, now);
    expect(effect.kind === 'store' && effect.cookie.expires).toBe(now + 31 * 24 * 3600);
  });

  test("Flask's deletion header deletes the cookie", () => {
    expect(parseSetCookie(deletion, now)).toEqual({
      kind: 'delete',
      name: 'session',
      attributes: ['Expires=Thu, 01 Jan 1970 00:00:00 GMT', 'Max-Age=0', 'HttpOnly', 'Path=/'],
    });
  });

  test('Max-Age wins over Expires', () => {
    const effect = parseSetCookie('a=1; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=60', now);
    expect(effect.kind === 'store' && effect.cookie.expires).toBe(now + 60);
  });

  test('a "Set-Cookie:" label, odd spacing and attribute case are accepted', () => {
    const effect = parseSetCookie(
      'Set-Cookie:  sid = v ;  secure; SAMESITE=Lax; domain=example.com',
      now,
    );
    expect(effect).toMatchObject({
      kind: 'store',
      cookie: { name: 'sid', value: 'v', secure: true, sameSite: 'Lax', domain: 'example.com' },
    });
  });

  test('a header without a name=value pair is reported, not stored', () => {
    expect(parseSetCookie('HttpOnly', now)).toEqual({
      kind: 'invalid',
      reason: 'it has no "name=value" pair before the first ";"',
    });
    expect(parseSetCookie('=x', now)).toEqual({
      kind: 'invalid',
      reason: 'the cookie name is empty',
    });
  });
});

describe('the browser cookie jar', () => {
  test('stores a cookie and sends it back in the Cookie header', () => {
    const jar = applySetCookies([], [counterCookie], now);
    expect(cookieHeader(jar, now)).toBe(
      'session=eyJjb3VudCI6MX0.ZVPxAA.Xss3LkRekfPz2zxJbqRLrfLUhuI',
    );
  });

  test('sends no Cookie header when empty', () => {
    expect(cookieHeader([], now)).toBeUndefined();
  });

  test('a new cookie of the same name replaces the old one', () => {
    const jar = applySetCookies(applySetCookies([], [counterCookie], now), [permanentCookie], now);
    expect(jar).toHaveLength(1);
    expect(jar[0]?.value).toMatch(/^eyJfcGVybWFuZW50/);
  });

  test('the deletion header empties the jar', () => {
    const jar = applySetCookies(applySetCookies([], [counterCookie], now), [deletion], now);
    expect(jar).toEqual([]);
  });

  test('a permanent cookie is still sent a second before it expires and gone at expiry', () => {
    const jar = applySetCookies([], [permanentCookie], now);
    const expiry = now + 2_678_400;
    expect(cookieHeader(jar, expiry - 1)).toMatch(/^session=/);
    expect(cookieHeader(jar, expiry)).toBeUndefined();
  });

  test('closing the browser drops session cookies but keeps persistent ones', () => {
    const jar: CookieJar = applySetCookies([], [counterCookie, 'theme=dark; Max-Age=600'], now);
    expect(closeBrowser(jar).map((cookie) => cookie.name)).toEqual(['theme']);
  });

  test('editing a value keeps the attributes', () => {
    const jar = replaceValue(applySetCookies([], [counterCookie], now), 'session', 'edited');
    expect(jar[0]).toMatchObject({ value: 'edited', httpOnly: true, path: '/' });
  });
});
