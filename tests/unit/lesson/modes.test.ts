import { describe, expect, test } from 'vitest';
import { fullLessonMode, lessonModes, modePath } from '../../../src/lib/lesson/modes.ts';
import { isLessonSectionId, lessonSections } from '../../../src/lib/lesson/sections.ts';
import { lessonHref } from '../../../src/lib/links.ts';

describe('learning modes', () => {
  test('the full lesson comes first and shows every section', () => {
    expect(lessonModes[0]).toBe(fullLessonMode);
    expect(fullLessonMode.sections).toEqual(lessonSections.map((section) => section.id));
  });

  test('mode ids are unique and usable as a URL path segment', () => {
    const ids = lessonModes.map((mode) => mode.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  test('every mode shows at least one section, and only sections that exist', () => {
    for (const mode of lessonModes) {
      expect(mode.sections.length).toBeGreaterThan(0);
      for (const section of mode.sections) expect(isLessonSectionId(section)).toBe(true);
    }
  });

  test('the full lesson lives at the lesson’s address, every other mode in its own folder', () => {
    expect(modePath('visualize')).toBe('');
    expect(modePath('step-through')).toBe('step-through/');
    expect(lessonHref('flask-session', modePath('quiz'))).toBe('/lessons/flask-session/quiz/');
    expect(lessonHref('flask-session')).toBe('/lessons/flask-session/');
  });
});
