/**
 * The one comparison every load vector gets: the engine loads a cookie exactly as Flask did —
 * same session (by repr), same timestamp, same re-dumped cookie — or fails with the same
 * exception class and message.
 */
import { expect } from 'vitest';
import {
  dumpSessionCookie,
  loadSessionCookie,
  pyRepr,
  type SecretKey,
} from '../../src/lib/flask/index.ts';
import type { LoadResult } from './vectors.ts';

const ITSDANGEROUS = new Set([
  'BadSignature',
  'BadTimeSignature',
  'SignatureExpired',
  'BadPayload',
]);

export async function expectLoadLikeFlask(
  cookie: string,
  keys: readonly SecretKey[],
  clock: { now: number; maxAge: number },
  flask: LoadResult,
): Promise<void> {
  const secretKey = keys.at(-1)!;
  const loaded = await loadSessionCookie(cookie, {
    secretKey,
    secretKeyFallbacks: keys.slice(0, -1),
    now: clock.now,
    maxAge: clock.maxAge,
  });
  if (!flask.ok) {
    // itsdangerous classes are the error kind itself; other Python errors keep their class.
    const kind =
      flask.stage === 'session'
        ? 'NotASessionDict'
        : ITSDANGEROUS.has(flask.class)
          ? flask.class
          : 'TimestampOutOfRange';
    expect(loaded).toMatchObject({
      ok: false,
      error: kind,
      pythonClass: flask.class,
      pythonMessage: flask.message,
    });
    return;
  }
  if (flask.non_str_keys) {
    // Flask accepts keys that are not text; the simulator reports that it cannot model them.
    expect(loaded).toMatchObject({ ok: false, error: 'NonStringKey' });
    return;
  }
  if (!loaded.ok) throw new Error(`expected a session, got ${loaded.error}: ${loaded.message}`);
  expect(loaded.timestamp).toBe(flask.timestamp);
  if (flask.repr_comparable) expect(pyRepr(loaded.session)).toBe(flask.repr);
  const redump = flask.redump!;
  const dumped = await dumpSessionCookie(loaded.session, { secretKey, timestamp: flask.timestamp });
  expect(dumped).toMatchObject(
    redump.ok ? { ok: true, cookie: redump.value } : { ok: false, error: redump.class },
  );
}
