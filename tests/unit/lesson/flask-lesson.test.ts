import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { lessonSchema } from '../../../src/schemas/lesson.ts';

/** The Flask lesson as the build sees it: frontmatter parsed, execution table computed by the engine. */
async function flaskLesson() {
  const text = readFileSync('content/lessons/flask-session.mdx', 'utf8');
  const frontmatter = /^---\n([\s\S]*?)\n---\n/.exec(text)?.[1] ?? '';
  return lessonSchema.parseAsync(parse(frontmatter));
}

describe('the Flask session lesson', () => {
  test('its execution table is computed from the counter app the code sample shows', async () => {
    const lesson = await flaskLesson();
    expect(lesson.execution.scenario).toBe('counter');
    expect(lesson.execution.steps.map((step) => step.output)).toEqual([
      'Count: 1',
      'Count: 2',
      'Count: 3',
      'Count: 4',
      'Count: 5',
    ]);
    expect(lesson.tracker.values).toEqual(['1', '2', '3', '4', '5']);
  });

  test('each narration names the count the engine computed for its step', async () => {
    const lesson = await flaskLesson();
    lesson.execution.steps.forEach((step, index) => {
      const after = lesson.tracker.values[index]!;
      expect(step.narration, `step ${index + 1}`).toMatch(new RegExp(`\\b${after}\\b`));
      if (index > 0) {
        const before = lesson.tracker.values[index - 1]!;
        expect(step.narration, `step ${index + 1}`).toMatch(new RegExp(`count ${before}\\b`, 'i'));
      }
    });
  });

  test('the first narration starts from an empty session, as the first computed row does', async () => {
    const lesson = await flaskLesson();
    expect(lesson.execution.steps[0]!.before).toBe('{}');
    expect(lesson.execution.steps[0]!.narration).toMatch(/no cookie yet, so the session is empty/i);
  });

  test('the tracker starts at "not set": Python has no "undefined"', async () => {
    const lesson = await flaskLesson();
    expect(lesson.tracker.start).toBe('not set');
  });
});
