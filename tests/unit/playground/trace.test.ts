/**
 * What each playground experiment's request trace says Flask decided; the playground shows these
 * decisions (`state.last.trace`) instead of working them out again.
 */
import { describe, expect, test } from 'vitest';
import { stageEvent, viewLines } from '../../../src/lib/flask/index.ts';
import {
  changeKeyExperiment,
  expiryExperiment,
  noSecretKeyExperiment,
  rotateKeyExperiment,
  tamperExperiment,
} from '../../../src/lib/playground/experiments.ts';
import { sendRequest } from '../../../src/lib/playground/run.ts';
import {
  initialState,
  selectScenario,
  setPath,
  updateConfig,
  type PlaygroundState,
} from '../../../src/lib/playground/state.ts';

const T0 = 1_700_000_000;
const trace = (state: PlaygroundState) => state.last!.trace;

describe('the trace of each experiment', () => {
  test('a plain visit: verified by the current key, and the program the line numbers refer to', async () => {
    const state = await sendRequest(await sendRequest(initialState(T0)));
    expect(stageEvent(trace(state), 'load').outcome).toMatchObject({
      kind: 'verified',
      key: { kind: 'current' },
    });
    const lines = state.last!.program.split('\n');
    for (const line of viewLines(trace(state))) {
      expect(lines[line.line! - 1]!.trim()).toBe(line.python);
    }
    expect(state.last!.verification).toContain('checked with the current SECRET_KEY');
  });

  test('tampering: BadTimeSignature, the view starts empty, a new cookie is set', async () => {
    const state = await tamperExperiment(initialState(T0));
    expect(stageEvent(trace(state), 'load').outcome).toMatchObject({
      kind: 'rejected',
      failure: { error: 'BadTimeSignature' },
    });
    expect(viewLines(trace(state))[0]!.before).toEqual(Object.create(null));
    expect(stageEvent(trace(state), 'save').outcome).toBe('set');
  });

  test('changing the key rejects the old cookie; rotating it verifies by fallback 1', async () => {
    const changed = await changeKeyExperiment(initialState(T0));
    expect(stageEvent(trace(changed), 'load').outcome.kind).toBe('rejected');
    const rotated = await rotateKeyExperiment(initialState(T0));
    expect(stageEvent(trace(rotated), 'load').outcome).toMatchObject({
      kind: 'verified',
      key: { kind: 'fallback', index: 0 },
    });
    expect(rotated.last!.verification).toContain("the fallback key 'secret'");
  });

  test('no secret key: RuntimeError on line 7, nothing saved', async () => {
    const state = await noSecretKeyExperiment(initialState(T0));
    expect(viewLines(trace(state)).map((line) => [line.line, line.error?.pythonClass])).toEqual([
      [7, 'RuntimeError'],
    ]);
    expect(stageEvent(trace(state), 'save')).toMatchObject({
      outcome: 'not-saved',
      reason: 'no-secret-key',
    });
  });

  test('expiry: the browser still sends its session cookie, Flask finds SignatureExpired', async () => {
    const state = await expiryExperiment(initialState(T0));
    expect(stageEvent(trace(state), 'load').outcome).toMatchObject({
      kind: 'rejected',
      failure: { error: 'SignatureExpired' },
    });
  });

  test('permanent sessions: the inserted line runs first and the cookie gets an Expires', async () => {
    const state = await sendRequest(updateConfig(initialState(T0), { permanent: true }));
    expect(viewLines(trace(state)).map((line) => [line.line, line.python])).toEqual([
      [7, 'session.permanent = True'],
      [8, "session['count'] = session.get('count', 0) + 1"],
      [9, 'return f"Count: {session[\'count\']}"'],
    ]);
    expect(stageEvent(trace(state), 'save').expires).toBe(T0 + 31 * 86400);
  });

  test('logging out deletes the cookie; the lost update sends none', async () => {
    let login = selectScenario(initialState(T0), 'login');
    login = await sendRequest(login);
    login = await sendRequest(setPath(login, '/logout'));
    expect(stageEvent(trace(login), 'save').outcome).toBe('deleted');
    expect(login.rows.at(-1)!.note).toContain('delete the cookie');

    let cart = selectScenario(initialState(T0), 'cart-lost-update');
    cart = await sendRequest(cart);
    cart = await sendRequest(setPath(cart, '/add/pear'));
    expect(stageEvent(trace(cart), 'save')).toMatchObject({
      outcome: 'unchanged',
      reason: 'not-modified',
    });
  });
});
