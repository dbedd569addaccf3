/**
 * Cookies Flask's own signing serializer made (`vectors.cookies`): the engine writes the same
 * bytes from the same session, reads them back, and writes them again unchanged.
 */
import { describe, expect, test } from 'vitest';
import { decodeSessionCookie, dumpSessionCookie } from '../../src/lib/flask/index.ts';
import { expectLoadLikeFlask } from './expect-load.ts';
import { fromDescription, secretKey, vectors, type CookieVector } from './vectors.ts';

const withValue = vectors.cookies.filter((c) => c.value !== null);

describe('a session dumps to the cookie Flask wrote', () => {
  test.each(withValue.map((c) => [c.name, c] as const))('%s', async (_name, c: CookieVector) => {
    const session = fromDescription(c.value!);
    const dumped = await dumpSessionCookie(session as never, {
      secretKey: secretKey(c.secret_key),
      timestamp: c.timestamp,
    });
    expect(dumped).toEqual({ ok: true, cookie: c.cookie });
  });
});

describe('the cookie loads back as Flask loads it (normally to itself, byte for byte)', () => {
  test.each(vectors.cookies.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const clock = { now: c.timestamp, maxAge: 2678400 };
    await expectLoadLikeFlask(c.cookie, [secretKey(c.secret_key)], clock, c.reload);
  });
});

describe("the cookie's tagged JSON and compression flag read without the key", () => {
  test.each(vectors.cookies.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const decoded = await decodeSessionCookie(c.cookie);
    if (!decoded.ok) throw new Error(`${decoded.error}: ${decoded.message}`);
    expect(decoded.json).toBe(c.tagged_json);
    expect(decoded.compressed).toBe(c.compressed);
    expect(decoded.timestamp).toBe(c.timestamp);
  });
});
