import { describe, expect, test } from 'vitest';
import { LESSON_APP_BODIES } from '../../../src/lib/lesson-apps/apps.ts';
import { appProgram, matchRoute } from '../../../src/lib/lesson-apps/layout.ts';
import {
  sourceSettings,
  timedeltaPython,
  type AppSettings,
} from '../../../src/lib/lesson-apps/program.ts';
import { LESSON_APP_SOURCES, type LessonAppId } from '../../../src/lib/lesson-apps/sources.ts';
import { lineView } from '../../../src/lib/lesson-apps/visit.ts';

const apps = Object.keys(LESSON_APP_SOURCES) as LessonAppId[];

/** Settings that move every line: no key, two fallbacks, a custom lifetime, permanent views. */
const shifted: AppSettings = {
  secretKey: null,
  fallbacks: ['old', 'older'],
  lifetime: 3600,
  permanent: true,
};

describe('the lesson apps', () => {
  test.each(apps)('%s: its Python is plain template text the generator can extract', (app) => {
    expect(LESSON_APP_SOURCES[app]).not.toMatch(/[`\\]|\$\{/);
  });

  test.each(apps)('%s: every Python view has its statements, and no more', (app) => {
    const pythonViews = [
      ...LESSON_APP_SOURCES[app].matchAll(/@app\.route\([^)]*\)\ndef (\w+)\(/g),
    ].map((m) => m[1]);
    expect(Object.keys(LESSON_APP_BODIES[app].views).sort()).toEqual(pythonViews.sort());
  });

  test.each(
    apps.flatMap(
      (app) =>
        [
          [app, 'as written'],
          [app, 'with settings'],
        ] as const,
    ),
  )('%s %s: every line number points at the statement it claims', (app, variant) => {
    const settings = variant === 'as written' ? sourceSettings(app) : shifted;
    const program = appProgram(app, settings);
    const lines = program.source.split('\n');
    const at = (line: number) => lines[line - 1] ?? '';
    for (const route of program.routes) {
      expect(at(route.routeLine)).toBe(`@app.route('${route.rule}')`);
      expect(at(route.routeLine + 1)).toMatch(new RegExp(`^def ${route.endpoint}\\(`));
      const view = lineView(app, route, {});
      expect(view.lines.map(({ line, python }) => [line, python])).toEqual(
        view.lines.map(({ line }) => [line, at(line).trim()]),
      );
      // the view's own statements, in order, after the settings' `session.permanent = True`
      const own = LESSON_APP_BODIES[app].views[route.endpoint]!.map((s) => s.python);
      const inserted = settings.permanent ? ['session.permanent = True'] : [];
      expect(view.lines.map((l) => l.python)).toEqual([...inserted, ...own]);
    }
    expect(at(program.secretKeyLine)).toBe(
      settings.secretKey === null
        ? '# app.secret_key is not set'
        : `app.secret_key = '${settings.secretKey}'`,
    );
  });

  test.each(apps)('%s: as written, the program is the source itself', (app) => {
    expect(appProgram(app, sourceSettings(app)).source).toBe(LESSON_APP_SOURCES[app]);
    expect(LESSON_APP_SOURCES[app]).toContain(
      `app.secret_key = '${sourceSettings(app).secretKey}'`,
    );
  });

  test('settings are written into the program as Python', () => {
    expect(appProgram('counter', shifted).source).toBe(
      [
        'from datetime import timedelta',
        'from flask import Flask, session',
        'app = Flask(__name__)',
        '# app.secret_key is not set',
        "app.config['SECRET_KEY_FALLBACKS'] = ['old', 'older']",
        'app.permanent_session_lifetime = timedelta(hours=1)',
        '',
        "@app.route('/')",
        'def index():',
        '    session.permanent = True',
        "    session['count'] = session.get('count', 0) + 1",
        '    return f"Count: {session[\'count\']}"',
        '',
      ].join('\n'),
    );
    expect([60, 3600, 86400, 7 * 86400, 90].map(timedeltaPython)).toEqual([
      'timedelta(minutes=1)',
      'timedelta(hours=1)',
      'timedelta(days=1)',
      'timedelta(days=7)',
      'timedelta(seconds=90)',
    ]);
  });

  test('a path picks its route and URL arguments, as Werkzeug routes them', () => {
    const login = appProgram('login', sourceSettings('login'));
    expect(matchRoute(login, '/login/alice')).toMatchObject({
      route: { endpoint: 'login', rule: '/login/<name>' },
      args: { name: 'alice' },
    });
    expect(matchRoute(login, '/logout')).toMatchObject({ route: { endpoint: 'logout' }, args: {} });
    expect(matchRoute(login, '/login/a/b')).toBeNull();
    expect(matchRoute(login, '/')).toBeNull();
  });

  test('the counter is the seed lesson verbatim', () => {
    expect(LESSON_APP_SOURCES.counter).toContain(
      "    session['count'] = session.get('count', 0) + 1\n    return f\"Count: {session['count']}\"",
    );
  });
});
