import { describe, expect, test } from 'vitest';
import {
  fullLessonMode,
  lessonModes,
  modePath,
  modesOf,
  movedModes,
  nextMode,
} from '../../../src/lib/lesson/modes.ts';
import { isLessonSectionId, lessonSections } from '../../../src/lib/lesson/sections.ts';
import { lessonHref } from '../../../src/lib/links.ts';

describe('learning modes', () => {
  test('the nine modes come in the recommended order', () => {
    expect(lessonModes.map((mode) => mode.label)).toEqual([
      'Learn',
      'Why',
      'Visualize',
      'Step-through',
      'Playground',
      'Deep Dive',
      'Challenge',
      'Performance',
      'Review',
    ]);
  });

  test('the full lesson is Visualize and shows every section', () => {
    expect(fullLessonMode.id).toBe('visualize');
    expect(fullLessonMode.sections).toEqual(lessonSections.map((section) => section.id));
  });

  test('mode ids are unique and usable as a URL path segment', () => {
    const ids = lessonModes.map((mode) => mode.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  test('modes show only sections that exist', () => {
    for (const mode of lessonModes) {
      for (const section of mode.sections) expect(isLessonSectionId(section)).toBe(true);
    }
  });

  test('the full lesson lives at the lesson’s address, every other mode in its own folder', () => {
    expect(modePath('visualize')).toBe('');
    expect(modePath('deep-dive')).toBe('deep-dive/');
    expect(lessonHref('flask-session', modePath('learn'))).toBe('/lessons/flask-session/learn/');
    expect(lessonHref('flask-session')).toBe('/lessons/flask-session/');
  });

  test('a lesson’s modes keep the recommended order whatever order it lists them in', () => {
    const declared = ['review', 'visualize', 'learn'] as const;
    expect(modesOf(declared).map((mode) => mode.id)).toEqual(['learn', 'visualize', 'review']);
    expect(nextMode(declared, 'learn')?.id).toBe('visualize');
    expect(nextMode(declared, 'visualize')?.id).toBe('review');
    expect(nextMode(declared, 'review')).toBeUndefined();
  });

  test('the old Read and Quiz addresses move to Learn and Challenge, which are real modes', () => {
    expect(movedModes).toEqual({ read: 'learn', quiz: 'challenge' });
    const ids: string[] = lessonModes.map((mode) => mode.id);
    for (const [old, target] of Object.entries(movedModes)) {
      expect(ids).toContain(target);
      expect(ids).not.toContain(old);
    }
  });
});
