import { describe, expect, test } from 'vitest';
import {
  noSecretKeyExperiment,
  rotateKeyExperiment,
  tamperExperiment,
} from '../../../src/lib/playground/experiments.ts';
import { sendRequest } from '../../../src/lib/playground/run.ts';
import { LESSON_CONFIG } from '../../../src/lib/playground/config.ts';
import { initialState, type PlaygroundState } from '../../../src/lib/playground/state.ts';
import { traceSteps } from '../../../src/lib/playground/trace-steps.ts';

const clock = 1_700_000_000;
const steps = (state: PlaygroundState) => traceSteps(state.last!.trace, state.config);
const stage = (state: PlaygroundState, name: string) =>
  steps(state).filter((step) => step.stage === name);

/** Each step's code line as the app's program (the code the learner reads) has it. */
function linesMatchProgram(state: PlaygroundState) {
  const program = state.last!.program.split('\n');
  for (const step of steps(state)) {
    if (step.code !== null) expect(program[step.code.line - 1]!.trim()).toBe(step.code.python);
  }
}

describe('the last request’s trace in words', () => {
  test('a new visitor: every stage in order, each view line with the session before and after', async () => {
    const state = await sendRequest(initialState(clock));
    expect(steps(state).map((step) => step.stage)).toEqual([
      'request',
      'receive',
      'load',
      'view',
      'view',
      'process',
      'save',
      'respond',
    ]);
    expect(stage(state, 'request')[0]!.facts).toContain(
      'No Cookie header: the browser has no cookie for this site.',
    );
    const [write, ret] = stage(state, 'view');
    expect(write!.code!.python).toBe("session['count'] = session.get('count', 0) + 1");
    expect(write!.facts).toEqual([
      'Reads the session once and writes it once.',
      "session: {} → {'count': 1}",
    ]);
    expect(ret!.title).toBe('The view returns');
    expect(stage(state, 'save')[0]!.facts[0]).toBe(
      'Flask signs the session into a new cookie, because session.modified is True.',
    );
    expect(stage(state, 'respond')[0]!.facts).toContain(
      'The browser stores the new session cookie.',
    );
    linesMatchProgram(state);
  });

  test('no Set-Cookie: a browser that sent no cookie still has none, one that sent one keeps it', async () => {
    // The counter's save stage as it reads when the view changed nothing (a view that raised).
    const unchanged = (state: PlaygroundState) =>
      traceSteps(
        state.last!.trace.map((event) =>
          event.stage === 'save'
            ? { ...event, outcome: 'unchanged' as const, reason: 'not-modified' as const }
            : event,
        ),
        state.config,
      ).find((step) => step.stage === 'save')!.facts[0];
    const first = await sendRequest(initialState(clock));
    expect(unchanged(first)).toMatch(/, so the browser still has no session cookie\.$/);
    expect(unchanged(await sendRequest(first))).toMatch(/, so the browser keeps its cookie\.$/);
  });

  test('a tampered cookie: the exact itsdangerous error, and the view starts empty', async () => {
    const state = await tamperExperiment(initialState(clock));
    const [load] = stage(state, 'load');
    expect(load!.facts[0]).toMatch(/^BadTimeSignature: Signature b'.+' does not match$/);
    expect(load!.facts).toContain('session = {}');
  });

  test('a rotated key: the fallback that verified the cookie, by name and index', async () => {
    const state = await rotateKeyExperiment(initialState(clock));
    expect(stage(state, 'load')[0]!.facts[0]).toBe(
      "The signature checks out with the fallback key 'secret' (SECRET_KEY_FALLBACKS[0]).",
    );
    linesMatchProgram(state);
  });

  test('no secret key: RuntimeError at the writing line, a 500 page, nothing saved', async () => {
    const state = await noSecretKeyExperiment(initialState(clock));
    const [write, ...rest] = stage(state, 'view');
    expect(rest).toEqual([]);
    expect(write!.code!.python).toBe("session['count'] = session.get('count', 0) + 1");
    expect(write!.facts.at(-1)).toMatch(/^Raises RuntimeError: The session is unavailable/);
    expect(stage(state, 'process')[0]!.facts).toEqual([
      '500 INTERNAL SERVER ERROR',
      'RuntimeError was not caught, so the body is Flask’s 500 page.',
    ]);
    expect(stage(state, 'save')[0]!.facts).toEqual([
      'Nothing saved: there is no secret key (the session is a NullSession).',
    ]);
    linesMatchProgram(state);
  });

  test('with the program, the route step quotes its line as written (a learner’s @app.get)', () => {
    const program =
      "from flask import Flask\napp = Flask(__name__)\n\n@app.get('/hi')\ndef hi():\n";
    const receive = {
      stage: 'receive',
      path: '/hi',
      rule: '/hi',
      routeLine: 4,
      endpoint: 'hi',
      args: {},
    } as const;
    expect(traceSteps([receive], LESSON_CONFIG, program)[0]!.code).toEqual({
      line: 4,
      python: "@app.get('/hi')",
    });
    expect(traceSteps([receive], LESSON_CONFIG)[0]!.code).toEqual({
      line: 4,
      python: "@app.route('/hi')",
    });
  });
});
