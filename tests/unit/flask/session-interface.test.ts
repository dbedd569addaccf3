import { describe, expect, test } from 'vitest';
import { base64UrlEncode, utf8Encode } from '../../../src/lib/flask/encoding.ts';
import { newDict } from '../../../src/lib/flask/python.ts';
import {
  openSession,
  saveSession,
  type FlaskConfig,
} from '../../../src/lib/flask/session-interface.ts';
import { NullSession, SecureCookieSession } from '../../../src/lib/flask/sessions.ts';
import { TimestampSigner } from '../../../src/lib/flask/timed.ts';

const T0 = 1700000000;
const config: FlaskConfig = { SECRET_KEY: 'dev-secret-key' };
const COUNT_1 = 'eyJjb3VudCI6MX0.ZVPxAA.Xss3LkRekfPz2zxJbqRLrfLUhuI';
const PERMANENT_ALICE =
  'eyJfcGVybWFuZW50Ijp0cnVlLCJ1c2VyIjoiYWxpY2UifQ.ZVPxAA.XRBlA2ydFh9xLo7lltA_otD4FyA';

async function opened(cookie: string, settings: FlaskConfig = config) {
  const result = await openSession(settings, `session=${cookie}`, T0);
  if (result.session === null) throw new Error('no session');
  return result.session;
}

describe('open_session', () => {
  test('without a secret key the cookie is ignored and the session is a NullSession', async () => {
    const result = await openSession({ SECRET_KEY: '' }, `session=${COUNT_1}`, T0);
    expect(result.session).toBeInstanceOf(NullSession);
    expect(result.verification).toEqual({ kind: 'no-secret-key' });
  });

  test('a valid cookie gives its session with both flags false', async () => {
    const s = await opened(COUNT_1);
    expect([s.toDict(), s.accessed, s.modified]).toEqual([
      Object.assign(newDict(), { count: 1 }),
      false,
      false,
    ]);
  });

  test('a rejected cookie gives a new empty session and says why', async () => {
    const result = await openSession(config, `session=${COUNT_1}x`, T0);
    expect(result.session?.len()).toBe(0);
    expect(result.verification).toMatchObject({
      kind: 'rejected',
      failure: { error: 'BadTimeSignature' },
    });
  });

  test('a validly signed cookie with bad contents gives no session (HTTP 500)', async () => {
    const signed = new TimestampSigner('dev-secret-key').sign(
      utf8Encode(base64UrlEncode(utf8Encode('{x'))),
      T0,
    );
    const result = await openSession(config, `session=${new TextDecoder().decode(signed)}`, T0);
    expect(result.session).toBeNull();
    expect(result.verification).toMatchObject({ kind: 'error', failure: { error: 'BadPayload' } });
  });

  test('fallback keys are accepted (Flask >= 3.1.1)', async () => {
    const s = await opened(COUNT_1, {
      SECRET_KEY: 'new-key',
      SECRET_KEY_FALLBACKS: ['dev-secret-key'],
    });
    expect(s.get('count')).toBe(1);
  });
});

describe('save_session (`flask/sessions.py`: `SecureCookieSessionInterface.save_session`)', () => {
  test('an untouched, non-permanent session sends nothing', async () => {
    const saved = await saveSession(config, await opened(COUNT_1), T0);
    expect(saved.headers).toEqual([]);
  });

  test('reading adds only Vary: Cookie', async () => {
    const s = await opened(COUNT_1);
    s.get('count');
    expect((await saveSession(config, s, T0)).headers).toEqual([['Vary', 'Cookie']]);
  });

  test('a modified session: Vary first, then Set-Cookie', async () => {
    const s = new SecureCookieSession();
    s.setitem('count', 1);
    expect((await saveSession(config, s, T0)).headers).toEqual([
      ['Vary', 'Cookie'],
      ['Set-Cookie', `session=${COUNT_1}; HttpOnly; Path=/`],
    ]);
  });

  test('an untouched permanent session is re-signed: Set-Cookie with Expires, then Vary', async () => {
    const s = await opened(PERMANENT_ALICE);
    expect((await saveSession(config, s, T0)).headers).toEqual([
      [
        'Set-Cookie',
        `session=${PERMANENT_ALICE}; Expires=Fri, 15 Dec 2023 22:13:20 GMT; HttpOnly; Path=/`,
      ],
      ['Vary', 'Cookie'],
    ]);
  });

  test('SESSION_REFRESH_EACH_REQUEST off: an untouched permanent session sends nothing', async () => {
    const settings = { ...config, SESSION_REFRESH_EACH_REQUEST: false };
    expect((await saveSession(settings, await opened(PERMANENT_ALICE), T0)).headers).toEqual([]);
  });

  test('clearing a session on a request without a cookie still sends a deletion', async () => {
    const s = new SecureCookieSession();
    s.clear();
    expect((await saveSession(config, s, T0)).headers).toEqual([
      ['Vary', 'Cookie'],
      [
        'Set-Cookie',
        'session=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; HttpOnly; Path=/',
      ],
    ]);
  });

  test('a NullSession is never saved', async () => {
    const s = new NullSession();
    s.modified = true;
    expect((await saveSession({ SECRET_KEY: null }, s, T0)).headers).toEqual([]);
  });

  test('with fallback keys the cookie is signed with SECRET_KEY', async () => {
    const s = new SecureCookieSession();
    s.setitem('count', 1);
    const settings = { SECRET_KEY: 'dev-secret-key', SECRET_KEY_FALLBACKS: ['old-key'] };
    expect((await saveSession(settings, s, T0)).headers[1]?.[1]).toContain(COUNT_1);
  });
});
