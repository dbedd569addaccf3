/** The vectors were measured on the very Python sources the lesson shows. */
import { expect, test } from 'vitest';
import { LESSON_APPS } from '../../src/lib/lesson-apps.ts';
import { vectors } from './vectors.ts';

test('every lesson app was run in Flask with its exact source', () => {
  const shown = Object.fromEntries(Object.values(LESSON_APPS).map((app) => [app.id, app.python]));
  const measured = Object.fromEntries(
    Object.entries(vectors.lesson_apps).map(([id, app]) => [id, app.source]),
  );
  expect(measured).toEqual(shown);
});
