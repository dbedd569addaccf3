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
