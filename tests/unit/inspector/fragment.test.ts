import { describe, expect, test } from 'vitest';
import { vectors } from '../../conformance/vectors.ts';
import { cookieFragment, readFragment, shareUrl } from '../../../src/lib/inspector/fragment.ts';
import { MAX_COOKIE_INPUT_CHARS } from '../../../src/lib/inspector/limits.ts';

describe('the #cookie= fragment', () => {
  test('every real Flask cookie survives the trip through a link', () => {
    for (const { cookie } of vectors.cookies) {
      expect(readFragment(cookieFragment(cookie))).toEqual({ kind: 'cookie', cookie });
    }
  });

  test('characters that mean something in a URL are percent-encoded', () => {
    const odd = 'a b#c&d=e%f/é"<>';
    expect(cookieFragment(odd)).toBe('#cookie=a%20b%23c%26d%3De%25f%2F%C3%A9%22%3C%3E');
    expect(readFragment(cookieFragment(odd))).toEqual({ kind: 'cookie', cookie: odd });
  });

  test('a share link replaces any fragment the page had', () => {
    expect(shareUrl('https://x.org/sub/tools/cookie-inspector/#verify', 'a.b.c')).toBe(
      'https://x.org/sub/tools/cookie-inspector/#cookie=a.b.c',
    );
    expect(shareUrl('http://localhost:4321/tools/cookie-inspector/', 'a.b.c')).toBe(
      'http://localhost:4321/tools/cookie-inspector/#cookie=a.b.c',
    );
  });

  test('other fragments are not the inspector’s', () => {
    expect(readFragment('')).toEqual({ kind: 'none' });
    expect(readFragment('#verify')).toEqual({ kind: 'none' });
    expect(readFragment('#cookies=x')).toEqual({ kind: 'none' });
  });

  test('an empty cookie fragment restores an empty input', () => {
    expect(readFragment('#cookie=')).toEqual({ kind: 'cookie', cookie: '' });
  });

  test('broken percent-encoding is reported, not thrown', () => {
    expect(readFragment('#cookie=%E0%A4%A')).toEqual({
      kind: 'invalid',
      message: 'The link’s #cookie= part is not valid percent-encoding, so it was not read.',
    });
  });

  test('a cookie over the input limit is refused', () => {
    const result = readFragment(cookieFragment('x'.repeat(MAX_COOKIE_INPUT_CHARS + 1)));
    expect(result).toEqual({
      kind: 'invalid',
      message:
        'The cookie in the link is 16,385 characters long; the inspector reads at most 16,384.',
    });
  });
});
