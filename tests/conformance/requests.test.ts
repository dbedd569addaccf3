/**
 * Whole requests through Flask's test client (`vectors.requests`): the lesson apps' exact
 * sources and one-behaviour scenario views, visit after visit. Status line, body, headers in
 * order and Werkzeug's warnings must match; so must the session flags, contents and exception
 * the trace reports, the key that verified the cookie and the source line that raised.
 */
import { describe, expect, test } from 'vitest';
import {
  TRACE_STAGES,
  handleRequest,
  pyRepr,
  stageEvent,
  viewLines,
  type RequestTrace,
  type View,
} from '../../src/lib/flask/index.ts';
import { sourceView } from '../../src/lib/lesson-apps/visit.ts';
import type { LessonAppId } from '../../src/lib/lesson-apps/sources.ts';
import { SCENARIO_VIEWS } from './scenario-views.ts';
import { flaskConfig, vectors, type RequestVector, type StepVector } from './vectors.ts';

function viewFor(app: string, step: StepVector): View {
  if (app === 'scenario') {
    const view = SCENARIO_VIEWS[step.endpoint];
    if (view === undefined) throw new Error(`no scenario view ${step.endpoint}`);
    return view;
  }
  return sourceView(app.replace('lesson:', '') as LessonAppId, step.endpoint, step.args);
}

async function expectStep(sequence: RequestVector, step: StepVector): Promise<void> {
  const result = await handleRequest(
    flaskConfig(sequence.config),
    { cookieHeader: step.cookie_header, now: step.now },
    viewFor(sequence.app, step),
  );
  if (!result.ok) throw new Error(`not simulated: ${result.message}`);
  const { response, trace } = result;
  expect({ status: response.status, headers: response.headers, body: response.body }).toEqual(
    step.response,
  );
  expect(trace.warnings).toEqual(step.warnings);
  const flask = step.session;
  expectTraceDecisions(sequence, step, trace);
  expect(trace.error).toEqual(
    flask.error === undefined
      ? null
      : expect.objectContaining({
          pythonClass: flask.error.class,
          pythonMessage: flask.error.message,
        }),
  );
  if (!flask.present) {
    expect(trace.sessionAfter).toBeNull();
    return;
  }
  expect({ accessed: trace.accessed, modified: trace.modified }).toEqual({
    accessed: flask.accessed,
    modified: flask.modified,
  });
  if (flask.repr_comparable) expect(pyRepr(trace.sessionAfter!)).toBe(flask.repr);
}

/** The trace's decisions against what Flask observably did in this step. */
function expectTraceDecisions(sequence: RequestVector, step: StepVector, trace: RequestTrace) {
  const { events } = trace;
  const order = [...new Set(events.map((event) => event.stage))];
  expect(order).toEqual(
    trace.sessionBefore === null ? TRACE_STAGES.filter((stage) => stage !== 'view') : TRACE_STAGES,
  );
  const load = stageEvent(events, 'load');
  const fallbacks = (sequence.config['SECRET_KEY_FALLBACKS'] as unknown[] | undefined) ?? [];
  const verifiedBy = step.session.verified_by;
  if (verifiedBy === undefined) {
    expect(load.outcome.kind).not.toBe('verified');
  } else if (load.outcome.kind === 'verified') {
    expect(load.outcome.key).toEqual(
      verifiedBy === fallbacks.length
        ? { kind: 'current' }
        : { kind: 'fallback', index: verifiedBy },
    );
  } else if (load.outcome.kind === 'rejected') {
    // The signature matched, then the age check failed: itsdangerous checks in that order.
    expect(load.outcome.failure.error).toBe('SignatureExpired');
  } else {
    // The signature matched, then loading the data raised (HTTP 500 before the view).
    expect(load.outcome.kind).toBe('error');
  }
  const raisedAt = step.session.error?.line;
  if (raisedAt !== undefined) {
    const last = viewLines(events).at(-1);
    expect({ line: last?.line, error: last?.error?.pythonClass }).toEqual({
      line: raisedAt,
      error: step.session.error?.class,
    });
  }
  const setCookie = step.response.headers.find(([name]) => name === 'Set-Cookie')?.[1];
  const save = stageEvent(events, 'save');
  expect(save.setCookie ?? undefined).toBe(setCookie);
  expect(save.outcome).toEqual(
    setCookie === undefined
      ? expect.stringMatching(/^(unchanged|not-saved|failed)$/)
      : setCookie.startsWith('session=;') || /^[^=]+=;/.test(setCookie)
        ? 'deleted'
        : 'set',
  );
}

describe('a request sequence answers exactly like Flask', () => {
  test.each(vectors.requests.map((r) => [r.name, r] as const))('%s', async (_name, sequence) => {
    for (const step of sequence.steps) await expectStep(sequence, step);
  });
});
