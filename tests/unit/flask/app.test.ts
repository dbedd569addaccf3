import { describe, expect, test } from 'vitest';
import { INTERNAL_SERVER_ERROR_BODY, handleRequest } from '../../../src/lib/flask/app.ts';
import { flaskOutcome } from '../../../src/lib/flask/exceptions.ts';
import type { PyValue } from '../../../src/lib/flask/python.ts';
import type { SecureCookieSession } from '../../../src/lib/flask/sessions.ts';
import { sourceView } from '../../../src/lib/lesson-apps/visit.ts';

const T0 = 1700000000;
const counter = sourceView('counter', 'index');
const offline = () => Promise.reject(new Error('offline'));

/** Real Flask 2.2's Set-Cookie values for the counter with dev-secret-key, visits 1 to 5. */
const FLASK_COOKIES = [
  'eyJjb3VudCI6MX0.ZVPxAA.Xss3LkRekfPz2zxJbqRLrfLUhuI',
  'eyJjb3VudCI6Mn0.ZVPxAA.z7prsjUM0AfUsf9E-cHqGZKNU3M',
  'eyJjb3VudCI6M30.ZVPxAA.42CGiUD2F3wax79M66ivgIpi6fA',
  'eyJjb3VudCI6NH0.ZVPxAA.sOpQYxPZiBAXBy1sPJG0E7UJrpk',
  'eyJjb3VudCI6NX0.ZVPxAA.cvyYCmt0RhMx8oTMph5XJ6heOxM',
];

describe('one request through a Flask app', () => {
  test('the counter, visited five times, sends the cookies real Flask sends', async () => {
    let cookieHeader: string | null = null;
    for (const [visit, cookie] of FLASK_COOKIES.entries()) {
      const result = await handleRequest(
        { SECRET_KEY: 'dev-secret-key' },
        { cookieHeader, now: T0 },
        counter,
      );
      expect(result.ok && result.response).toEqual({
        status: '200 OK',
        statusCode: 200,
        headers: [
          ['Content-Type', 'text/html; charset=utf-8'],
          ['Content-Length', '8'],
          ['Vary', 'Cookie'],
          ['Set-Cookie', `session=${cookie}; HttpOnly; Path=/`],
        ],
        body: `Count: ${visit + 1}`,
      });
      cookieHeader = `session=${cookie}`;
    }
  });

  test('without a secret key the counter fails with RuntimeError and a 265-byte 500 page', async () => {
    const result = await handleRequest(
      { SECRET_KEY: null },
      { cookieHeader: null, now: T0 },
      counter,
    );
    expect(result.ok && result.response).toEqual({
      status: '500 INTERNAL SERVER ERROR',
      statusCode: 500,
      headers: [
        ['Content-Type', 'text/html; charset=utf-8'],
        ['Content-Length', '265'],
      ],
      body: INTERNAL_SERVER_ERROR_BODY,
    });
    expect(result.ok && result.trace.error?.pythonClass).toBe('RuntimeError');
  });

  test('the trace keeps the session before the view, unaffected by its changes', async () => {
    const view = (s: SecureCookieSession) => {
      (s.get('cart') as PyValue[]).push('pear');
      return 'ok';
    };
    const cookie = 'session=eyJjYXJ0IjpbImFwcGxlIl19.ZVPxAA.Ouxx7AdrGDfRktK8cJrmclmaerA';
    const result = await handleRequest(
      { SECRET_KEY: 'dev-secret-key' },
      { cookieHeader: cookie, now: T0 },
      view,
    );
    if (!result.ok) throw new Error(result.message);
    expect(result.trace.sessionBefore).toEqual(
      Object.assign(Object.create(null), { cart: ['apple'] }),
    );
    expect(result.trace.sessionAfter).toEqual(
      Object.assign(Object.create(null), { cart: ['apple', 'pear'] }),
    );
    expect(result.trace.verification).toEqual({
      kind: 'ok',
      key: { kind: 'current' },
      timestamp: T0,
    });
  });

  test('Content-Length counts UTF-8 bytes', async () => {
    const result = await handleRequest(
      { SECRET_KEY: 'k' },
      { cookieHeader: null, now: T0 },
      () => 'zoë',
    );
    expect(result.ok && result.response.headers[1]).toEqual(['Content-Length', '4']);
  });

  test('a session that needs compressing while pako is offline is reported, not simulated', async () => {
    const view = (s: SecureCookieSession) => {
      s.setitem('big', 'ab'.repeat(500));
      return 'ok';
    };
    const result = await handleRequest(
      { SECRET_KEY: 'k' },
      { cookieHeader: null, now: T0, loadZlib: offline },
      view,
    );
    expect(result).toMatchObject({ ok: false, error: 'ZlibUnavailable' });
  });

  test('what Flask does with each load failure', () => {
    expect(flaskOutcome('BadSignature')).toBe('new-empty-session');
    expect(flaskOutcome('SignatureExpired')).toBe('new-empty-session');
    expect(flaskOutcome('BadPayload')).toBe('http-500');
    expect(flaskOutcome('PayloadTooLarge')).toBe('not-simulated');
  });
});
