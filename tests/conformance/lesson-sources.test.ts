/** The vectors were measured on the very Python sources the lesson shows. */
import { expect, test } from 'vitest';
import { LESSON_APP_SOURCES } from '../../src/lib/lesson-apps/sources.ts';
import { vectors } from './vectors.ts';

test('every lesson app was run in Flask with its exact source', () => {
  const measured = Object.fromEntries(
    Object.entries(vectors.lesson_apps).map(([id, app]) => [id, app.source]),
  );
  expect(measured).toEqual(LESSON_APP_SOURCES);
});
