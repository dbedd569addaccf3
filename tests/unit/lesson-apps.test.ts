import { describe, expect, test } from 'vitest';
import { LESSON_APP_SOURCES } from '../../src/lib/lesson-app-sources.ts';
import { LESSON_APPS } from '../../src/lib/lesson-apps.ts';

const apps = Object.values(LESSON_APPS).map((app) => ({
  ...app,
  python: LESSON_APP_SOURCES[app.id],
}));

describe('the lesson apps', () => {
  test.each(apps.map((app) => [app.id, app] as const))(
    '%s: its Python is plain template text the generator can extract',
    (_id, app) => {
      expect(app.python).not.toMatch(/[`\\]|\$\{/);
    },
  );

  test.each(apps.map((app) => [app.id, app] as const))(
    '%s: every Python view has a TypeScript twin, and no more',
    (_id, app) => {
      const pythonViews = [...app.python.matchAll(/@app\.route\([^)]*\)\ndef (\w+)\(/g)].map(
        (m) => m[1],
      );
      expect(Object.keys(app.views).sort()).toEqual(pythonViews.sort());
    },
  );

  test.each(apps.map((app) => [app.id, app] as const))(
    "%s: secretKey matches the source's app.secret_key",
    (_id, app) => {
      expect(app.python).toContain(`app.secret_key = '${app.secretKey}'`);
    },
  );

  test('the counter is the seed lesson verbatim', () => {
    expect(LESSON_APP_SOURCES.counter).toContain(
      "    session['count'] = session.get('count', 0) + 1\n    return f\"Count: {session['count']}\"",
    );
  });
});
