/** `Cookie` headers split the way Werkzeug splits them (`vectors.cookie_headers`). */
import { describe, expect, test } from 'vitest';
import { getCookie, parseCookieHeader } from '../../src/lib/flask/cookies.ts';
import { vectors } from './vectors.ts';

describe('a Cookie header is parsed like Werkzeug 2.2 (Debian) parses it', () => {
  test.each(vectors.cookie_headers.map((v) => [JSON.stringify(v.header), v] as const))(
    '%s',
    (_name, v) => {
      expect(parseCookieHeader(v.header)).toEqual(v.pairs);
      expect(getCookie(v.header, 'session')).toBe(v.session);
    },
  );
});
