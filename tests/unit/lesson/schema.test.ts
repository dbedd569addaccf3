import { describe, expect, test } from 'vitest';
import { lessonSchema } from '../../../src/schemas/lesson.ts';
import { LESSON_APP_SOURCES } from '../../../src/lib/lesson-apps/sources.ts';
import { validLesson } from '../fixtures/lesson.ts';

type Lesson = ReturnType<typeof validLesson>;

/** The problems the schema reports for a lesson, as "path: message" lines. */
async function problems(change: (lesson: Lesson) => void): Promise<string[]> {
  const lesson = validLesson();
  change(lesson);
  const result = await lessonSchema.safeParseAsync(lesson);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('lesson schema', () => {
  test('accepts a consistent lesson', async () => {
    expect(await problems(() => {})).toEqual([]);
  });

  test('rejects a quiz answer that is not one of the choices', async () => {
    expect(await problems((l) => (l.quiz[0]!.answer = 'z'))).toEqual([
      'quiz.0.answer: is "z", which is not one of the choices (a, b)',
    ]);
  });

  test('rejects a hint that points at a step that does not exist', async () => {
    expect(await problems((l) => (l.quiz[0]!.hint.ref = 'table:visit-9:after'))).toEqual([
      'quiz.0.hint.ref: points at execution step "visit-9", which does not exist (steps: visit-1, visit-2)',
    ]);
  });

  test('rejects a key moment that cites a flow stage that does not exist', async () => {
    expect(await problems((l) => (l.keyMoments[0]!.cites = 'flow:respond'))).toEqual([
      'keyMoments.0.cites: points at flow stage "respond", which does not exist (stages: load, save)',
    ]);
  });

  test('rejects a reference to a missing key moment or section', async () => {
    expect(await problems((l) => (l.quiz[0]!.hint.ref = 'moment:nope'))).toEqual([
      'quiz.0.hint.ref: points at key moment "nope", which does not exist (moments: why)',
    ]);
    expect(await problems((l) => (l.keyMoments[0]!.cites = 'section:appendix'))).toEqual([
      'keyMoments.0.cites: points at section "appendix", which does not exist',
    ]);
  });

  test('rejects a reference that is not written in the reference format', async () => {
    const [problem] = await problems((l) => (l.quiz[0]!.hint.ref = 'the table, row 1'));
    expect(problem).toMatch(/^quiz\.0\.hint\.ref: must look like "flow:<stage>"/);
  });

  test('rejects a reference to a column the table does not have', async () => {
    const [problem] = await problems((l) => (l.quiz[0]!.hint.ref = 'table:visit-1:cookie'));
    expect(problem).toMatch(/^quiz\.0\.hint\.ref: must look like/);
  });

  test('accepts an execution step that names the flow stage it is about', async () => {
    expect(await problems((l) => Object.assign(l.execution.steps[0]!, { stage: 'save' }))).toEqual(
      [],
    );
  });

  test('rejects duplicate step ids', async () => {
    expect(await problems((l) => (l.execution.steps[1]!.id = 'visit-1'))).toEqual([
      'execution.steps.1.id: repeats the execution step id "visit-1"; ids must be unique',
    ]);
  });

  test('rejects duplicate flow stage, question and choice ids', async () => {
    expect(await problems((l) => (l.conceptFlow.stages[1]!.id = 'load'))).toContain(
      'conceptFlow.stages.1.id: repeats the flow stage id "load"; ids must be unique',
    );
    expect(await problems((l) => l.quiz.push({ ...l.quiz[0]! }))).toContain(
      'quiz.1.id: repeats the question id "q-one"; ids must be unique',
    );
    expect(await problems((l) => (l.quiz[0]!.choices[1]!.id = 'a'))).toContain(
      'quiz.0.choices.1.id: repeats the choice id "a"; ids must be unique',
    );
  });

  test('rejects two choices with the same text', async () => {
    expect(await problems((l) => (l.quiz[0]!.choices[1]!.text = 'One'))).toEqual([
      'quiz.0.choices.1.text: repeats the text of an earlier choice ("One")',
    ]);
  });

  test('rejects a tracker without one value per step', async () => {
    expect(await problems((l) => l.tracker.values.pop())).toEqual([
      'tracker.values: has 1 values but the execution table has 2 steps; give one value per step',
    ]);
  });

  test('rejects ids that cannot be used as anchors', async () => {
    const [problem] = await problems((l) => (l.keyMoments[0]!.id = 'Why Not'));
    expect(problem).toMatch(/^keyMoments\.0\.id: must be lowercase letters, digits and hyphens/);
  });

  test('rejects a missing required field', async () => {
    const [problem] = await problems((l) => delete (l as Partial<Lesson>).title);
    expect(problem).toMatch(/^title: /);
  });

  test('rejects a misspelt field instead of ignoring it', async () => {
    const [problem] = await problems((l) => Object.assign(l, { sumary: 'typo' }));
    expect(problem).toMatch(/sumary/);
  });

  test('rejects an estimated time that is not a whole positive number of minutes', async () => {
    expect((await problems((l) => (l.minutes = 0)))[0]).toMatch(/^minutes: /);
    expect((await problems((l) => (l.minutes = 2.5)))[0]).toMatch(/^minutes: /);
  });

  test('rejects a question with a single choice', async () => {
    expect((await problems((l) => l.quiz[0]!.choices.splice(1)))[0]).toMatch(/^quiz\.0\.choices: /);
  });
});

/** The fixture turned into a table computed from the counter scenario (values removed). */
/** One template per stage and case the counter's first two visits reach. */
const COUNTER_NARRATION = {
  request: { 'no-cookie': 'GET {path}, no cookie.', cookie: 'GET {path} with {cookieHeader}.' },
  receive: { route: '{path} matches line {routeLine}.' },
  load: { 'no-cookie': 'New session {session}.', verified: 'Verified by {key}: {session}.' },
  view: { line: 'Line {line}: {before} → {after}.' },
  process: { ok: 'Line {line} returns {body}.' },
  save: { set: 'Saved because {reason}.' },
  respond: { store: 'The browser stores {cookie}.' },
};

/** The `load` stage's narration templates of a lesson set up by {@link withCounterScenario}. */
const loadTemplates = (lesson: Lesson) =>
  (lesson.conceptFlow.stages[2] as unknown as { narration: Record<string, string> }).narration;

function withCounterScenario(lesson: Lesson) {
  const execution = lesson.execution as Lesson['execution'] & { scenario?: string };
  execution.scenario = 'counter';
  for (const step of lesson.execution.steps) {
    const loose = step as Partial<typeof step>;
    delete loose.before;
    delete loose.action;
    delete loose.after;
    delete loose.output;
  }
  delete (lesson.tracker as Partial<Lesson['tracker']>).values;
  lesson.code.source = LESSON_APP_SOURCES.counter;
  lesson.conceptFlow.stages = Object.entries(COUNTER_NARRATION).map(([id, narration]) => ({
    id,
    label: id,
    detail: `The ${id} stage.`,
    narration: { ...narration },
  }));
  lesson.execution.steps[0]!.narration = 'No cookie yet; the view stores 1.';
  lesson.execution.steps[1]!.narration = 'Count 1 comes in, count 2 goes out.';
}

describe('execution tables computed from a scenario', () => {
  test('the engine fills in each step and the tracker', async () => {
    const lesson = validLesson();
    withCounterScenario(lesson);
    const parsed = await lessonSchema.parseAsync(lesson);
    expect(
      parsed.execution.steps.map(({ before, action, after, output }) => [
        before,
        action,
        after,
        output,
      ]),
    ).toEqual([
      ['{}', "session.get('count', 0) + 1 = 1", "{'count': 1}", 'Count: 1'],
      ["{'count': 1}", "session.get('count', 0) + 1 = 2", "{'count': 2}", 'Count: 2'],
    ]);
    expect(parsed.tracker.values).toEqual(['1', '2']);
  });

  test('each step carries the player’s frames: every stage, its narration, line and cookie', async () => {
    const lesson = validLesson();
    withCounterScenario(lesson);
    const parsed = await lessonSchema.parseAsync(lesson);
    const second = parsed.execution.steps[1]!.frames!;
    expect(second.map((frame) => [frame.stage, frame.line, frame.flight])).toEqual([
      ['request', null, 'request'],
      ['receive', 5, 'server'],
      ['load', 3, 'server'],
      ['view', 7, 'server'],
      ['process', 8, 'server'],
      ['save', 3, 'server'],
      ['respond', null, 'response'],
    ]);
    const text = (index: number) => second[index]!.narration.map((run) => run.text).join('');
    expect(text(2)).toBe("Verified by the current secret key: {'count': 1}.");
    expect(text(3)).toBe("Line 7: {'count': 1} → {'count': 2}.");
    expect(text(5)).toBe('Saved because the view modified the session.');
    expect(second[3]).toMatchObject({ before: "{'count': 1}", after: "{'count': 2}" });
  });

  test('rejects a narration whose numbers or cookie the trace contradicts', async () => {
    expect(
      await problems((l) => {
        withCounterScenario(l);
        l.execution.steps[1]!.narration = 'No cookie comes in, so the count becomes 3.';
      }),
    ).toEqual([
      'execution.steps.1.narration: names 3, but in this visit the session only held 1, 2, 0 (the engine computed each value from the code)',
      'execution.steps.1.narration: says "no cookie", but in this visit the browser sends the cookie the last response set',
    ]);
  });

  test('rejects a stage template for a case the trace reaches but nobody wrote', async () => {
    expect(
      await problems((l) => {
        withCounterScenario(l);
        delete loadTemplates(l)['verified'];
      }),
    ).toEqual([
      'conceptFlow.stages.2.narration.verified: is missing: visit 2 reaches stage "load" as case "verified"',
    ]);
  });

  test('rejects unknown cases, unknown placeholders and stages other than the trace’s', async () => {
    expect(
      await problems((l) => {
        withCounterScenario(l);
        const load = loadTemplates(l);
        load['maybe'] = 'Perhaps.';
        load['verified'] = 'Signed at {when}.';
        l.conceptFlow.stages[6]!.id = 'reply';
      }),
    ).toEqual([
      "conceptFlow.stages: are request, receive, load, view, process, save, reply; an execution table with a scenario is stepped through the request's stages, so they must be request, receive, load, view, process, save, respond",
      'conceptFlow.stages.2.narration.verified: uses {when}, which stage "load" does not fill (it fills {session}, {key}, {keyLine}, {error}, {signedAt})',
      'conceptFlow.stages.2.narration.maybe: is not a case of stage "load" (cases: no-secret-key, no-cookie, verified, rejected, error)',
      'conceptFlow.stages.6.narration.store: narrates stage "reply", which the request trace does not have',
    ]);
  });

  test('rejects hand-written values next to a scenario (two sources of truth)', async () => {
    expect(
      await problems((l) => {
        withCounterScenario(l);
        l.execution.steps[1]!.after = "{'count': 7}";
        l.tracker.values = ['1', '7'];
      }),
    ).toEqual([
      'execution.steps.1.after: is computed from scenario "counter"; remove it from the frontmatter',
      'tracker.values: are computed from scenario "counter"; remove them from the frontmatter',
    ]);
  });

  test('rejects a code sample that is not the Python the scenario runs', async () => {
    const [problem] = await problems((l) => {
      withCounterScenario(l);
      l.code.source = LESSON_APP_SOURCES.counter.replace("'secret'", "'other'");
    });
    expect(problem).toMatch(/^code\.source: differs from the Python that scenario "counter" runs/);
  });

  test('rejects an unknown scenario', async () => {
    const [problem] = await problems((l) =>
      Object.assign(l.execution, { scenario: 'shopping-mall' }),
    );
    expect(problem).toMatch(/^execution\.scenario: /);
  });

  test('without a scenario every value must be written by hand', async () => {
    expect(
      await problems((l) => {
        delete (l.execution.steps[0] as Partial<Lesson['execution']['steps'][number]>).output;
        delete (l.tracker as Partial<Lesson['tracker']>).values;
      }),
    ).toEqual([
      'execution.steps.0.output: is required when the execution table has no scenario to compute it from',
      'tracker.values: are required when the execution table has no scenario to compute them from',
    ]);
  });
});
