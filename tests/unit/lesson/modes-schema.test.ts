import { describe, expect, test } from 'vitest';
import { lessonSchema } from '../../../src/schemas/lesson.ts';
import { validLesson } from '../fixtures/lesson.ts';

/** The fixture lesson with a simulator and every mode that has content of its own. */
function lessonWithModes() {
  return {
    ...validLesson(),
    simulator: 'flask-session',
    modes: ['learn', 'visualize', 'review'],
    learn: {
      intro: ['A session keeps data between requests.'],
      api: [{ id: 'get', name: 'session.get(key)', text: 'Reads a key.', example: 'get' }],
    },
    review: {
      prompts: [{ id: 'why-sign', prompt: 'Why sign it?', model: 'So it cannot change.' }],
    },
  } as Record<string, unknown> & {
    modes: string[];
    learn?: { intro: string[]; api: Record<string, unknown>[] };
    review: { prompts: Record<string, unknown>[] };
  };
}

type Lesson = ReturnType<typeof lessonWithModes>;

async function problems(change: (lesson: Lesson) => void): Promise<string[]> {
  const lesson = lessonWithModes();
  change(lesson);
  const result = await lessonSchema.safeParseAsync(lesson);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('lesson modes in the schema', () => {
  test('accepts a lesson whose modes have their content', async () => {
    expect(await problems(() => {})).toEqual([]);
  });

  test('a lesson that lists no modes gets the full lesson, Step-through and Review', async () => {
    const lesson = validLesson();
    const parsed = await lessonSchema.parseAsync(lesson);
    expect(parsed.modes).toEqual(['visualize', 'step-through', 'review']);
  });

  test('rejects an unknown mode and a list without the full lesson', async () => {
    expect((await problems((l) => (l.modes = ['learn', 'reading'])))[0]).toMatch(/^modes\.1: /);
    expect(await problems((l) => (l.modes = ['learn', 'review']))).toEqual([
      'modes: must include "visualize", the lesson\'s own page',
    ]);
  });

  test('rejects a listed mode without its content, and content without its mode', async () => {
    expect(await problems((l) => delete l.learn)).toEqual([
      'learn: is required because `modes` lists "learn"',
    ]);
    expect(await problems((l) => (l.modes = ['visualize', 'review']))).toEqual([
      'learn: belongs to the "learn" mode, which `modes` does not list',
    ]);
  });

  test('rejects the Playground mode when the simulator is missing', async () => {
    expect(
      await problems((l) => {
        l.modes = ['visualize', 'playground', 'review'];
        delete l.learn;
        delete l.simulator;
      }),
    ).toEqual([
      'modes.1: is "playground", which needs a simulator with a playground (set `simulator`)',
    ]);
  });

  test('learn: rejects a missing field, an unknown example and a repeated id', async () => {
    expect(await problems((l) => delete l.learn!.api[0]!['text'])).toEqual([
      'learn.api.0.text: Invalid input: expected string, received undefined',
    ]);
    const [unknown] = await problems((l) => (l.learn!.api[0]!['example'] = 'session-get'));
    expect(unknown).toMatch(
      /^learn\.api\.0\.example: is "session-get", which simulator "flask-session" does not offer \(examples: setitem, /,
    );
    expect(await problems((l) => l.learn!.api.push({ ...l.learn!.api[0], name: 'again' }))).toEqual(
      ['learn.api.1.id: repeats the API entry id "get"; ids must be unique'],
    );
    expect(await problems((l) => delete l.simulator)).toEqual([
      'learn.api.0.example: names the example "get", but the lesson declares no `simulator` to compute it',
    ]);
  });

  test('review: rejects a prompt without a model answer', async () => {
    expect(await problems((l) => delete l.review.prompts[0]!['model'])).toEqual([
      'review.prompts.0.model: Invalid input: expected string, received undefined',
    ]);
  });
});

describe('explaining modes (Why, Deep Dive, Performance) in the schema', () => {
  const article = () => ({
    intro: ['Why it matters.'],
    sections: [
      { id: 'shared', title: 'Shared', paragraphs: ['One count.'], figure: 'two-visitors' },
      {
        id: 'small',
        title: 'Small',
        paragraphs: ['Keep it small.'],
        avoid: 'Big.',
        prefer: 'Ids.',
      },
    ],
  });

  async function articleProblems(change: (a: ReturnType<typeof article>) => void) {
    const why = article();
    change(why);
    const lesson = { ...lessonWithModes(), modes: ['learn', 'why', 'visualize', 'review'], why };
    const result = await lessonSchema.safeParseAsync(lesson);
    return result.success
      ? []
      : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  }

  test('accepts sections with and without a figure', async () => {
    expect(await articleProblems(() => {})).toEqual([]);
  });

  test('rejects an unknown figure, a repeated id, a missing title and an unknown field', async () => {
    expect((await articleProblems((a) => (a.sections[0]!.figure = 'two-browsers')))[0]).toMatch(
      /^why\.sections\.0\.figure: is "two-browsers", which simulator "flask-session" does not offer \(figures: two-visitors, /,
    );
    expect(await articleProblems((a) => (a.sections[1]!.id = 'shared'))).toEqual([
      'why.sections.1.id: repeats the section id "shared"; ids must be unique',
    ]);
    expect(
      await articleProblems((a) => delete (a.sections[0] as { title?: string }).title),
    ).toEqual(['why.sections.0.title: Invalid input: expected string, received undefined']);
    expect(
      (await articleProblems((a) => Object.assign(a.sections[0]!, { chart: 'x' })))[0],
    ).toMatch(/^why\.sections\.0: Unrecognized key: "chart"/);
  });
});

describe('the Challenge in the schema', () => {
  const choices = [
    { id: 'a', text: 'Count: 1', explanation: 'Starts over.' },
    { id: 'b', text: 'Count: 3', explanation: 'Keeps counting.' },
  ];
  const challenge = () => ({
    intro: ['Five problems.'],
    badge: { name: 'Keeper', minScore: 1 },
    problems: [
      {
        id: 'rotated',
        prompt: 'Visit 3 after the key changed?',
        predict: 'key-changed-visit-3',
        choices: choices.map((choice) => ({ ...choice })),
        explanation: 'The old cookie fails.',
        hint: { text: 'Which key checks it?', ref: 'flow:load' },
      } as Record<string, unknown>,
    ],
  });

  async function challengeProblems(change: (c: ReturnType<typeof challenge>) => void) {
    const value = challenge();
    change(value);
    const lesson = {
      ...lessonWithModes(),
      modes: ['learn', 'visualize', 'challenge', 'review'],
      challenge: value,
    };
    const result = await lessonSchema.safeParseAsync(lesson);
    return result.success
      ? { answers: result.data.challenge!.problems.map((p) => p.answer), issues: [] }
      : {
          answers: [],
          issues: result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
        };
  }

  test('a predicted problem’s right choice is the response the engine computes', async () => {
    expect(await challengeProblems(() => {})).toEqual({ answers: ['a'], issues: [] });
  });

  test('rejects a prediction no choice matches, an unknown prediction and both answer kinds', async () => {
    expect(
      (
        await challengeProblems(
          (c) => ((c.problems[0]!['choices'] as typeof choices)[0]!.text = 'Count: 9'),
        )
      ).issues,
    ).toEqual([
      'challenge.problems.0.choices: none is the response the simulator computes for "key-changed-visit-3": "Count: 1"',
    ]);
    expect(
      (await challengeProblems((c) => (c.problems[0]!['predict'] = 'visit-9'))).issues[0],
    ).toMatch(
      /^challenge\.problems\.0\.predict: is "visit-9", which simulator "flask-session" does not offer/,
    );
    expect((await challengeProblems((c) => (c.problems[0]!['answer'] = 'b'))).issues).toEqual([
      'challenge.problems.0: needs exactly one of `answer` (a choice id) or `predict` (a simulator request)',
    ]);
  });

  test('rejects a bad hint reference and an unreachable badge', async () => {
    expect(
      (await challengeProblems((c) => (c.problems[0]!['hint'] = { text: 'x', ref: 'flow:nope' })))
        .issues[0],
    ).toMatch(
      /^challenge\.problems\.0\.hint\.ref: points at flow stage "nope", which does not exist/,
    );
    expect((await challengeProblems((c) => (c.badge.minScore = 2))).issues).toEqual([
      'challenge.badge.minScore: is 2, more than the 1 problems',
    ]);
  });
});
