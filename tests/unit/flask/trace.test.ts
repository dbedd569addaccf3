/**
 * The request trace: each stage's decision, in order, for the lesson apps. Where real Flask's
 * decision is observable (headers, the key that verified, the line that raised) the conformance
 * test `tests/conformance/requests.test.ts` checks the trace against the vectors too.
 */
import { describe, expect, test } from 'vitest';
import {
  PythonException,
  TRACE_STAGES,
  handleRequest,
  stageEvent,
  viewLines,
  type TraceEvent,
} from '../../../src/lib/flask/index.ts';
import { appProgram } from '../../../src/lib/lesson-apps/layout.ts';
import { sourceSettings, type AppSettings } from '../../../src/lib/lesson-apps/program.ts';
import type { LessonAppId } from '../../../src/lib/lesson-apps/sources.ts';
import { visit, type Visit } from '../../../src/lib/lesson-apps/visit.ts';

const T0 = 1_700_000_000;
const dict = (value: object) => Object.assign(Object.create(null), value);
const stagesOf = (events: readonly TraceEvent[]) => events.map((event) => event.stage);

async function go(
  app: LessonAppId,
  path: string,
  cookieHeader: string | null,
  settings: Partial<AppSettings> = {},
  now = T0,
): Promise<Extract<Visit, { ok: true }>> {
  const result = await visit(appProgram(app, { ...sourceSettings(app), ...settings }), {
    path,
    cookieHeader,
    now,
  });
  if (!result.ok) throw new Error(result.message);
  return result;
}

/** The `session=…` pair a browser sends back after this visit. */
function cookieAfter(result: Extract<Visit, { ok: true }>): string {
  const saved = stageEvent(result.trace.events, 'save');
  if (saved.cookie === null) throw new Error('no cookie was set');
  return `session=${saved.cookie}`;
}

describe('the counter, first and second visit', () => {
  test('a new visitor: every stage in order, line by line', async () => {
    const first = await go('counter', '/', null);
    const { events } = first.trace;
    expect(stagesOf(events)).toEqual([
      'request',
      'receive',
      'load',
      'view',
      'view',
      'process',
      'save',
      'respond',
    ]);
    expect(stageEvent(events, 'request')).toEqual({
      stage: 'request',
      method: 'GET',
      path: '/',
      cookieHeader: null,
    });
    expect(stageEvent(events, 'receive')).toMatchObject({
      rule: '/',
      routeLine: 5,
      endpoint: 'index',
    });
    expect(stageEvent(events, 'load')).toMatchObject({
      cookie: null,
      parts: null,
      outcome: { kind: 'no-cookie' },
      session: dict({}),
    });
    const [assign, render] = viewLines(events);
    expect(assign).toMatchObject({
      line: 7,
      python: "session['count'] = session.get('count', 0) + 1",
      before: dict({}),
      after: dict({ count: 1 }),
      flagsBefore: { accessed: false, modified: false },
      flagsAfter: { accessed: true, modified: true },
      returned: false,
      error: null,
    });
    expect(assign!.accesses).toEqual([
      { kind: 'read', method: 'get', key: 'count' },
      { kind: 'write', method: '__setitem__', key: 'count' },
    ]);
    expect(render).toMatchObject({ line: 8, returned: true, after: dict({ count: 1 }) });
    expect(render!.accesses).toEqual([{ kind: 'read', method: '__getitem__', key: 'count' }]);
    expect(stageEvent(events, 'process')).toMatchObject({ statusCode: 200, body: 'Count: 1' });
    const saved = stageEvent(events, 'save');
    expect(saved).toMatchObject({ outcome: 'set', reason: 'modified', vary: true, expires: null });
    expect(saved.setCookie).toBe(`${cookieAfter(first)}; HttpOnly; Path=/`);
    expect(stageEvent(events, 'respond')).toMatchObject({
      status: '200 OK',
      headers: first.response.headers,
      browser: { kind: 'store', cookie: saved.cookie, expires: null },
    });
  });

  test('a returning visitor: the cookie is split into its parts and verified by the current key', async () => {
    const first = await go('counter', '/', null);
    const second = await go('counter', '/', cookieAfter(first));
    const load = stageEvent(second.trace.events, 'load');
    const [payload, timestamp, signature] = stageEvent(first.trace.events, 'save').cookie!.split(
      '.',
    );
    expect(load).toMatchObject({
      parts: { payload, timestamp, signature, compressed: false },
      outcome: { kind: 'verified', key: { kind: 'current' }, signedAt: T0 },
      session: dict({ count: 1 }),
    });
    expect(viewLines(second.trace.events)[0]).toMatchObject({
      before: dict({ count: 1 }),
      after: dict({ count: 2 }),
    });
  });
});

describe('which key verified the cookie', () => {
  const signedBy = async (key: string) =>
    cookieAfter(await go('counter', '/', null, { secretKey: key }));

  test('a fallback, counted in SECRET_KEY_FALLBACKS order', async () => {
    const settings = { secretKey: 'newest', fallbacks: ['oldest', 'old'] };
    for (const [key, expected] of [
      ['oldest', { kind: 'fallback', index: 0 }],
      ['old', { kind: 'fallback', index: 1 }],
      ['newest', { kind: 'current' }],
    ] as const) {
      const result = await go('counter', '/', await signedBy(key), settings);
      expect(stageEvent(result.trace.events, 'load').outcome).toMatchObject({
        kind: 'verified',
        key: expected,
      });
    }
  });

  test('the newest key wins when the current key is also a fallback', async () => {
    const result = await go('counter', '/', await signedBy('shared'), {
      secretKey: 'shared',
      fallbacks: ['shared'],
    });
    expect(stageEvent(result.trace.events, 'load').outcome).toMatchObject({
      key: { kind: 'current' },
    });
  });

  test('an unknown key: BadTimeSignature (a BadSignature), and the view starts from an empty session', async () => {
    const result = await go('counter', '/', await signedBy('other'));
    expect(stageEvent(result.trace.events, 'load')).toMatchObject({
      outcome: { kind: 'rejected', failure: { error: 'BadTimeSignature' } },
      session: dict({}),
    });
    expect(stageEvent(result.trace.events, 'save').outcome).toBe('set');
  });

  test('an expired cookie: SignatureExpired', async () => {
    const old = await signedBy('secret');
    const result = await go('counter', '/', old, {}, T0 + 31 * 86400 + 1);
    expect(stageEvent(result.trace.events, 'load').outcome).toMatchObject({
      kind: 'rejected',
      failure: { error: 'SignatureExpired' },
    });
  });
});

describe('errors stop the view at the line that raised', () => {
  test('no secret key: the write on line 7 raises RuntimeError; nothing is saved', async () => {
    const result = await go('counter', '/', null, { secretKey: null });
    const { events } = result.trace;
    expect(stageEvent(events, 'load').outcome).toEqual({ kind: 'no-secret-key' });
    const lines = viewLines(events);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ line: 7, error: { pythonClass: 'RuntimeError' } });
    expect(lines[0]!.accesses).toEqual([
      { kind: 'read', method: 'get', key: 'count' },
      { kind: 'write', method: '__setitem__', key: 'count' },
    ]);
    expect(stageEvent(events, 'process')).toMatchObject({
      statusCode: 500,
      error: { pythonClass: 'RuntimeError' },
    });
    expect(stageEvent(events, 'save')).toMatchObject({
      outcome: 'not-saved',
      reason: 'no-secret-key',
      setCookie: null,
    });
    expect(stageEvent(events, 'respond').browser).toEqual({ kind: 'keep' });
  });

  test('a KeyError on the second line: the third never runs', async () => {
    const result = await handleRequest(
      { SECRET_KEY: 'k' },
      { cookieHeader: null, now: T0 },
      {
        endpoint: 'show',
        rule: '/show',
        routeLine: 1,
        args: {},
        lines: [
          { line: 3, python: "session['a'] = 1", run: (s) => void s.setitem('a', 1) },
          { line: 4, python: "x = session['missing']", run: (s) => void s.getitem('missing') },
          { line: 5, python: 'return "never"', run: () => 'never' },
        ],
      },
    );
    if (!result.ok) throw new Error(result.message);
    const lines = viewLines(result.trace.events);
    expect(lines.map((line) => [line.line, line.error?.pythonClass ?? null])).toEqual([
      [3, null],
      [4, 'KeyError'],
    ]);
    expect(lines[1]!.error?.pythonMessage).toBe("'missing'");
    // Flask still saves the session of a failed request
    expect(stageEvent(result.trace.events, 'save')).toMatchObject({ outcome: 'set' });
    expect(result.response.statusCode).toBe(500);
  });

  test('a signed cookie whose data cannot be loaded: 500 before the view', async () => {
    const result = await handleRequest(
      { SECRET_KEY: 'dev-secret-key' },
      { cookieHeader: 'session=e3g.ZVPxAA.B9Jnr6RUmaCEfTxTakLqs41WY_U', now: T0 },
      () => {
        throw new PythonException('RuntimeError', 'the view must not run');
      },
    );
    if (!result.ok) throw new Error(result.message);
    expect(stagesOf(result.trace.events)).toEqual(TRACE_STAGES.filter((stage) => stage !== 'view'));
    expect(stageEvent(result.trace.events, 'load').outcome).toMatchObject({
      kind: 'error',
      failure: { error: 'BadPayload' },
    });
    expect(stageEvent(result.trace.events, 'save')).toMatchObject({
      outcome: 'not-saved',
      reason: 'load-error',
    });
  });
});

describe('save_session: set, deleted or not sent, and why', () => {
  test('reading only: nothing sent, but Vary: Cookie', async () => {
    const result = await go('read-only', '/', null);
    expect(stageEvent(result.trace.events, 'save')).toMatchObject({
      outcome: 'unchanged',
      reason: 'empty',
      vary: true,
    });
  });

  test('logging out: the emptied session deletes the cookie', async () => {
    const login = await go('login', '/login/alice', null);
    expect(stageEvent(login.trace.events, 'receive')).toMatchObject({
      rule: '/login/<name>',
      args: { name: 'alice' },
    });
    const logout = await go('login', '/logout', cookieAfter(login));
    expect(stageEvent(logout.trace.events, 'save')).toMatchObject({
      outcome: 'deleted',
      reason: 'modified',
    });
    expect(stageEvent(logout.trace.events, 'respond').browser).toEqual({ kind: 'delete' });
  });

  test('a list changed in place: not modified, so not sent', async () => {
    const first = await go('cart-lost-update', '/add/apple', null);
    const second = await go('cart-lost-update', '/add/pear', cookieAfter(first));
    const [append] = viewLines(second.trace.events);
    expect(append).toMatchObject({
      before: dict({ cart: ['apple'] }),
      after: dict({ cart: ['apple', 'pear'] }),
      flagsAfter: { accessed: true, modified: false },
    });
    expect(append!.accesses).toEqual([{ kind: 'read', method: 'setdefault', key: 'cart' }]);
    expect(stageEvent(second.trace.events, 'save')).toMatchObject({
      outcome: 'unchanged',
      reason: 'not-modified',
    });
  });

  test('session.modified = True: set again', async () => {
    const first = await go('cart-modified', '/add/apple', null);
    const second = await go('cart-modified', '/add/pear', cookieAfter(first));
    expect(viewLines(second.trace.events)[1]).toMatchObject({
      python: 'session.modified = True',
      flagsBefore: { modified: false },
      flagsAfter: { modified: true },
    });
    expect(stageEvent(second.trace.events, 'save')).toMatchObject({
      outcome: 'set',
      reason: 'modified',
    });
  });

  test('a permanent session is refreshed on every request, unless SESSION_REFRESH_EACH_REQUEST is off', async () => {
    const remember = await go('permanent', '/remember/alice', null);
    expect(stageEvent(remember.trace.events, 'save')).toMatchObject({
      outcome: 'set',
      reason: 'modified',
      expires: T0 + 31 * 86400,
    });
    const hello = await go('permanent', '/hello', cookieAfter(remember), {}, T0 + 60);
    expect(stageEvent(hello.trace.events, 'save')).toMatchObject({
      outcome: 'set',
      reason: 'permanent-refresh',
      expires: T0 + 60 + 31 * 86400,
    });
    const noRefresh = await handleRequest(
      { SECRET_KEY: 'secret', SESSION_REFRESH_EACH_REQUEST: false },
      { cookieHeader: cookieAfter(remember), now: T0 + 60 },
      () => 'Hello',
    );
    if (!noRefresh.ok) throw new Error(noRefresh.message);
    expect(stageEvent(noRefresh.trace.events, 'save')).toMatchObject({
      outcome: 'unchanged',
      reason: 'refresh-off',
    });
  });
});
