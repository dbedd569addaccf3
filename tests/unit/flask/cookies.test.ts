import { describe, expect, test } from 'vitest';
import {
  dumpCookie,
  getCookie,
  parseCookieHeader,
  type CookieAttributes,
} from '../../../src/lib/flask/cookies.ts';

const plain: CookieAttributes = {
  domain: null,
  expires: null,
  maxAge: null,
  secure: false,
  httpOnly: true,
  path: '/',
  sameSite: null,
};
const VALUE = 'eyJjb3VudCI6MX0.ZVPxAA.Xss3LkRekfPz2zxJbqRLrfLUhuI';

describe("Werkzeug's dump_cookie (`werkzeug/http.py`)", () => {
  test('a session cookie: HttpOnly; Path=/', () => {
    expect(dumpCookie('session', VALUE, plain, 4093).header).toBe(
      `session=${VALUE}; HttpOnly; Path=/`,
    );
  });

  test('attributes come in the order Domain, Expires, Max-Age, Secure, HttpOnly, Path, SameSite', () => {
    const all: CookieAttributes = {
      domain: '.example.com',
      expires: new Date(0),
      maxAge: 0,
      secure: true,
      httpOnly: true,
      path: '/',
      sameSite: 'Strict',
    };
    expect(dumpCookie('session', '', all, 4093).header).toBe(
      'session=; Domain=.example.com; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Secure; HttpOnly; Path=/; SameSite=Strict',
    );
  });

  test('a header of exactly 4093 characters draws no warning', () => {
    expect(dumpCookie('session', 'a'.repeat(4067), plain, 4093).warning).toBeNull();
  });

  test('one more character draws the size warning, and the header is still sent', () => {
    const dumped = dumpCookie('session', 'a'.repeat(4068), plain, 4093);
    expect(dumped.header).toHaveLength(4094);
    expect(dumped.warning).toBe(
      "The 'session' cookie is too large: the value was 4068 bytes but the header required 26 " +
        'extra bytes. The final size was 4094 bytes but the limit is 4093 bytes. Browsers may ' +
        'silently ignore cookies larger than this.',
    );
  });

  test('MAX_COOKIE_SIZE 0 turns the warning off', () => {
    expect(dumpCookie('session', 'a'.repeat(9000), plain, 0).warning).toBeNull();
  });
});

describe("Werkzeug's Cookie header parsing (`werkzeug/http.py`: `parse_cookie`)", () => {
  test('the first occurrence of a name wins', () => {
    expect(getCookie('session=good; session=garbage', 'session')).toBe('good');
    expect(getCookie('session=garbage; session=good', 'session')).toBe('garbage');
  });

  test('quoted values are unescaped', () => {
    expect(parseCookieHeader('a="x\\"y"; b="\\101\\102"')).toEqual([
      ['a', 'x"y'],
      ['b', 'AB'],
    ]);
  });

  test('pairs without a name are skipped', () => {
    expect(parseCookieHeader('=x; a=1')).toEqual([['a', '1']]);
  });

  test('names are case-sensitive and whitespace around them is dropped', () => {
    expect(getCookie('  Session = x ; session = y ', 'session')).toBe('y');
  });
});
