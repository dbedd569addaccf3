/**
 * Whole requests through Flask's test client (`vectors.requests`): the lesson apps' exact
 * sources and one-behaviour scenario views, visit after visit. Status line, body, headers in
 * order and Werkzeug's warnings must match; so must the session flags, contents and exception
 * the trace reports.
 */
import { describe, expect, test } from 'vitest';
import { handleRequest, pyRepr, type View } from '../../src/lib/flask/index.ts';
import { LESSON_APPS, type LessonAppId } from '../../src/lib/lesson-apps.ts';
import { SCENARIO_VIEWS } from './scenario-views.ts';
import { flaskConfig, vectors, type RequestVector, type StepVector } from './vectors.ts';

function viewFor(app: string, step: StepVector): View {
  if (app === 'scenario') {
    const view = SCENARIO_VIEWS[step.endpoint];
    if (view === undefined) throw new Error(`no scenario view ${step.endpoint}`);
    return view;
  }
  const lesson = LESSON_APPS[app.replace('lesson:', '') as LessonAppId];
  const view = lesson.views[step.endpoint];
  if (view === undefined) throw new Error(`no view ${step.endpoint} in ${app}`);
  return (session) => view(session, step.args);
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

describe('a request sequence answers exactly like Flask', () => {
  test.each(vectors.requests.map((r) => [r.name, r] as const))('%s', async (_name, sequence) => {
    for (const step of sequence.steps) await expectStep(sequence, step);
  });
});
