import { describe, expect, test } from 'vitest';
import { vectors } from '../../conformance/vectors.ts';
import { readCookieInput } from '../../../src/lib/inspector/cookie-input.ts';
import { MAX_COOKIE_INPUT_CHARS } from '../../../src/lib/inspector/limits.ts';

const NOW = 1700000000;
const COOKIE = 'eyJjb3VudCI6MX0.ZVPxAA.Xss3LkRekfPz2zxJbqRLrfLUhuI';
const read = (input: string) => readCookieInput(input, NOW);
const message = (input: string) => {
  const result = read(input);
  if (result.ok) throw new Error(`expected a problem, got ${result.cookie}`);
  return result.message;
};

describe('reading what was pasted into Decode', () => {
  test('a bare cookie value is used as it is, surrounding space dropped', () => {
    expect(read(`  ${COOKIE}\n`)).toEqual({ ok: true, cookie: COOKIE, source: null });
    expect(read('.eJyrVqpQslJKRAJKtQBD7Qa_.ZVPxAA.ZUFCO6aNoZwTGE7MVM1WmkCOCtA')).toMatchObject({
      ok: true,
      cookie: '.eJyrVqpQslJKRAJKtQBD7Qa_.ZVPxAA.ZUFCO6aNoZwTGE7MVM1WmkCOCtA',
    });
  });

  // Werkzeug is the oracle: each header's `session` as Flask 2.2 read it (vectors.cookie_headers).
  // Headers with a line break are left out: a pasted line break starts a new header line here.
  test.each(vectors.cookie_headers.filter((vector) => !vector.header.includes('\n')))(
    'Cookie: $header → the session cookie Flask reads',
    ({ header, session }) => {
      const result = read(`Cookie: ${header}`);
      if (session === null) expect(result.ok).toBe(false);
      else expect(result).toMatchObject({ ok: true, cookie: session });
    },
  );

  test('a header without its label is read as a Cookie header', () => {
    expect(read(`theme=dark; session=${COOKIE}`)).toEqual({
      ok: true,
      cookie: COOKIE,
      source: 'Read the session cookie from a Cookie header holding 2 cookies.',
    });
  });

  test('duplicate session cookies: the first wins, as in Flask, and the page says so', () => {
    expect(read(`Cookie: session=${COOKIE}; session=garbage`)).toEqual({
      ok: true,
      cookie: COOKIE,
      source:
        'The Cookie header holds 2 cookies named session; Flask (Werkzeug) uses the first one, and so did the inspector.',
    });
  });

  test('several Cookie header lines are joined, as Werkzeug joins them', () => {
    const input = `GET / HTTP/1.1\nHost: localhost\nCookie: theme=dark\ncookie: session=${COOKIE}`;
    expect(read(input)).toMatchObject({ ok: true, cookie: COOKIE });
  });

  test('a Set-Cookie header Flask sent gives its value and names the attributes', () => {
    const header =
      'session=eyJfcGVybWFuZW50Ijp0cnVlLCJ1c2VyIjoiYWxpY2UifQ.ZVPxAA.XRBlA2ydFh9xLo7lltA_otD4FyA; Expires=Fri, 15 Dec 2023 22:13:20 GMT; HttpOnly; Path=/';
    expect(read(`Set-Cookie: ${header}`)).toEqual({
      ok: true,
      cookie: 'eyJfcGVybWFuZW50Ijp0cnVlLCJ1c2VyIjoiYWxpY2UifQ.ZVPxAA.XRBlA2ydFh9xLo7lltA_otD4FyA',
      source:
        'Read from the Set-Cookie header (attributes: Expires=Fri, 15 Dec 2023 22:13:20 GMT; HttpOnly; Path=/).',
    });
    expect(read(header)).toMatchObject({ ok: true });
  });

  test('several Set-Cookie headers: the last session one wins, as in a browser', () => {
    const input = `Set-Cookie: session=old.ZVPxAA.x; Path=/\nSet-Cookie: lang=en\nSet-Cookie: session=${COOKIE}; HttpOnly; Path=/`;
    expect(read(input)).toEqual({
      ok: true,
      cookie: COOKIE,
      source:
        'The input has 2 Set-Cookie headers for session; a browser keeps the last one, so the inspector used it.',
    });
  });

  test('with both request and response headers, the Set-Cookie cookie is used', () => {
    const result = read(`Cookie: session=older.ZVPxAA.x\nSet-Cookie: session=${COOKIE}; Path=/`);
    expect(result).toMatchObject({ ok: true, cookie: COOKIE });
    expect(result.ok && result.source).toContain('the Set-Cookie one is newer');
  });

  test('a quoted value is unquoted like Werkzeug does', () => {
    expect(read(`"${COOKIE}"`)).toMatchObject({ ok: true, cookie: COOKIE });
  });

  test('a deletion header has nothing to decode', () => {
    expect(
      message(
        'Set-Cookie: session=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; HttpOnly; Path=/',
      ),
    ).toContain('deletes the session cookie');
  });

  test('headers without a session cookie name the cookies they have', () => {
    expect(message('Cookie: theme=dark; lang=en')).toBe(
      'The Cookie header has no cookie named session, only theme, lang. Flask’s session cookie is called session unless SESSION_COOKIE_NAME says otherwise.',
    );
    expect(message('Set-Cookie: lang=en; Path=/')).toBe(
      'The Set-Cookie header sets lang, not a cookie named session.',
    );
    expect(message('Set-Cookie: no pair here')).toContain('malformed');
  });

  test('empty input asks for a cookie', () => {
    expect(message('')).toContain('Paste a session cookie');
    expect(message(' \n\t ')).toContain('Paste a session cookie');
  });

  test('text that cannot be a cookie value says why', () => {
    expect(message('hello world, this is not a cookie')).toContain('This is not a cookie value');
    expect(message('<img src=x onerror=alert(1)>')).toContain('This is not a cookie value');
  });

  test('input beyond the limit is refused with the limit named', () => {
    expect(message('a'.repeat(MAX_COOKIE_INPUT_CHARS + 1))).toBe(
      'The input is 16,385 characters long; the inspector reads at most 16,384.',
    );
    expect(read(`${COOKIE}${'A'.repeat(MAX_COOKIE_INPUT_CHARS - COOKIE.length)}`).ok).toBe(true);
  });

  test('a value with base64 padding is a value, not a name=value pair', () => {
    const padded = 'eyJhZG1pbiI6dHJ1ZX0=.ZVPxAA.8YLHq9CwIRt0KyGkIlt-cJ_5MkA';
    expect(read(padded)).toEqual({ ok: true, cookie: padded, source: null });
    expect(read(`.eJyrVkosLcmILypNLVKyUkpKLCrJzEtXqgUAPL0GRA==.ZVPxAA.sig`)).toMatchObject({
      ok: true,
      source: null,
    });
    expect(read(`session=${padded}`)).toMatchObject({ ok: true, cookie: padded });
    expect(read(`session=${padded}; Path=/`)).toMatchObject({ ok: true, cookie: padded });
  });

  test('Max-Age=0 with a value still shows the value, with the browser’s view said', () => {
    const result = read(`Set-Cookie: session=${COOKIE}; Max-Age=0; Path=/`);
    expect(result).toMatchObject({ ok: true, cookie: COOKIE });
    expect(result.ok && result.source).toMatch(/a browser would have dropped this cookie/);
  });

  test('percent-encoding inside a header value is decoded and said', () => {
    const result = read(`Cookie: theme=dark; session=${COOKIE.replaceAll('.', '%2E')}`);
    expect(result).toMatchObject({ ok: true, cookie: COOKIE });
    expect(result.ok && result.source).toMatch(/percent-encoded; it was decoded first/);
  });
});
