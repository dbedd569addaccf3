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

  test('every visit steps through the seven stages, verified from the second visit on', async () => {
    const lesson = await flaskLesson();
    const frames = lesson.execution.steps.map((step) => step.frames!);
    expect(frames.map((visit) => visit.map((frame) => frame.line))).toEqual([
      [null, 5, null, 7, 8, 3, null],
      ...Array.from({ length: 4 }, () => [null, 5, 3, 7, 8, 3, null]),
    ]);
    const say = (visit: number, stage: number) =>
      frames[visit]![stage]!.narration.map((run) => run.text).join('');
    expect(say(0, 0)).toContain('sends no Cookie header');
    expect(say(0, 2)).toContain('a new, empty session, {}');
    expect(say(3, 2)).toContain('the current secret key (line 3)');
    expect(say(3, 3)).toContain("The session goes from {'count': 3} to {'count': 4}");
  });

  test('the tracker starts at "not set": Python has no "undefined"', async () => {
    const lesson = await flaskLesson();
    expect(lesson.tracker.start).toBe('not set');
  });
});
