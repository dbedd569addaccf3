import { describe, expect, test } from 'vitest';
import { lessonSchema } from '../../../src/schemas/lesson.ts';
import { validLesson } from '../fixtures/lesson.ts';

type Lesson = ReturnType<typeof validLesson>;

/** The problems the schema reports for a lesson, as "path: message" lines. */
function problems(change: (lesson: Lesson) => void): string[] {
  const lesson = validLesson();
  change(lesson);
  const result = lessonSchema.safeParse(lesson);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('lesson schema', () => {
  test('accepts a consistent lesson', () => {
    expect(problems(() => {})).toEqual([]);
  });

  test('rejects a quiz answer that is not one of the choices', () => {
    expect(problems((l) => (l.quiz[0]!.answer = 'z'))).toEqual([
      'quiz.0.answer: is "z", which is not one of the choices (a, b)',
    ]);
  });

  test('rejects a hint that points at a step that does not exist', () => {
    expect(problems((l) => (l.quiz[0]!.hint.ref = 'table:visit-9:after'))).toEqual([
      'quiz.0.hint.ref: points at execution step "visit-9", which does not exist (steps: visit-1, visit-2)',
    ]);
  });

  test('rejects a key moment that cites a flow stage that does not exist', () => {
    expect(problems((l) => (l.keyMoments[0]!.cites = 'flow:respond'))).toEqual([
      'keyMoments.0.cites: points at flow stage "respond", which does not exist (stages: load, save)',
    ]);
  });

  test('rejects a reference to a missing key moment or section', () => {
    expect(problems((l) => (l.quiz[0]!.hint.ref = 'moment:nope'))).toEqual([
      'quiz.0.hint.ref: points at key moment "nope", which does not exist (moments: why)',
    ]);
    expect(problems((l) => (l.keyMoments[0]!.cites = 'section:appendix'))).toEqual([
      'keyMoments.0.cites: points at section "appendix", which does not exist',
    ]);
  });

  test('rejects a reference that is not written in the reference format', () => {
    const [problem] = problems((l) => (l.quiz[0]!.hint.ref = 'the table, row 1'));
    expect(problem).toMatch(/^quiz\.0\.hint\.ref: must look like "flow:<stage>"/);
  });

  test('rejects a reference to a column the table does not have', () => {
    const [problem] = problems((l) => (l.quiz[0]!.hint.ref = 'table:visit-1:cookie'));
    expect(problem).toMatch(/^quiz\.0\.hint\.ref: must look like/);
  });

  test('accepts an execution step that names the flow stage it is about', () => {
    expect(problems((l) => Object.assign(l.execution.steps[0]!, { stage: 'save' }))).toEqual([]);
  });

  test('rejects an execution step whose flow stage does not exist', () => {
    expect(problems((l) => Object.assign(l.execution.steps[1]!, { stage: 'respond' }))).toEqual([
      'execution.steps.1.stage: is "respond", which is not a flow stage (stages: load, save)',
    ]);
  });

  test('rejects duplicate step ids', () => {
    expect(problems((l) => (l.execution.steps[1]!.id = 'visit-1'))).toEqual([
      'execution.steps.1.id: repeats the execution step id "visit-1"; ids must be unique',
    ]);
  });

  test('rejects duplicate flow stage, question and choice ids', () => {
    expect(problems((l) => (l.conceptFlow.stages[1]!.id = 'load'))).toContain(
      'conceptFlow.stages.1.id: repeats the flow stage id "load"; ids must be unique',
    );
    expect(problems((l) => l.quiz.push({ ...l.quiz[0]! }))).toContain(
      'quiz.1.id: repeats the question id "q-one"; ids must be unique',
    );
    expect(problems((l) => (l.quiz[0]!.choices[1]!.id = 'a'))).toContain(
      'quiz.0.choices.1.id: repeats the choice id "a"; ids must be unique',
    );
  });

  test('rejects two choices with the same text', () => {
    expect(problems((l) => (l.quiz[0]!.choices[1]!.text = 'One'))).toEqual([
      'quiz.0.choices.1.text: repeats the text of an earlier choice ("One")',
    ]);
  });

  test('rejects a tracker without one value per step', () => {
    expect(problems((l) => l.tracker.values.pop())).toEqual([
      'tracker.values: has 1 values but the execution table has 2 steps; give one value per step',
    ]);
  });

  test('rejects ids that cannot be used as anchors', () => {
    const [problem] = problems((l) => (l.keyMoments[0]!.id = 'Why Not'));
    expect(problem).toMatch(/^keyMoments\.0\.id: must be lowercase letters, digits and hyphens/);
  });

  test('rejects a missing required field', () => {
    const [problem] = problems((l) => delete (l as Partial<Lesson>).title);
    expect(problem).toMatch(/^title: /);
  });

  test('rejects a misspelt field instead of ignoring it', () => {
    const [problem] = problems((l) => Object.assign(l, { sumary: 'typo' }));
    expect(problem).toMatch(/sumary/);
  });

  test('rejects an estimated time that is not a whole positive number of minutes', () => {
    expect(problems((l) => (l.minutes = 0))[0]).toMatch(/^minutes: /);
    expect(problems((l) => (l.minutes = 2.5))[0]).toMatch(/^minutes: /);
  });

  test('rejects a question with a single choice', () => {
    expect(problems((l) => l.quiz[0]!.choices.splice(1))[0]).toMatch(/^quiz\.0\.choices: /);
  });
});
