import { describe, expect, test } from 'vitest';
import { suggestPage, type KnownPage } from '../../src/lib/not-found.ts';

const pages: KnownPage[] = [
  { path: '', title: 'Lessons' },
  { path: 'lessons/flask-session/', title: 'Flask session object' },
  { path: 'lessons/flask-session/quiz/', title: 'Flask session object: Quiz' },
  { path: 'tools/cookie-inspector/', title: 'Cookie inspector' },
];
const suggest = (pathname: string, base = '/') => suggestPage(pathname, base, pages)?.path;

describe('the page a mistyped address meant', () => {
  test('a missing trailing slash', () => {
    expect(suggest('/lessons/flask-session')).toBe('lessons/flask-session/');
    expect(suggest('/lessons/flask-session/quiz')).toBe('lessons/flask-session/quiz/');
    expect(suggest('/tools/cookie-inspector')).toBe('tools/cookie-inspector/');
  });

  test('other case, doubled slashes and index.html', () => {
    expect(suggest('/Lessons/Flask-Session/')).toBe('lessons/flask-session/');
    expect(suggest('/lessons//flask-session/quiz/')).toBe('lessons/flask-session/quiz/');
    expect(suggest('/lessons/flask-session/index.html')).toBe('lessons/flask-session/');
  });

  test('an unknown page under a known one leads to the known one', () => {
    expect(suggest('/lessons/flask-session/quizz/')).toBe('lessons/flask-session/');
    expect(suggest('/lessons/flask-session/quiz/extra')).toBe('lessons/flask-session/quiz/');
  });

  test('under a sub-path, the base is kept out of the match', () => {
    expect(suggest('/lessons-site/lessons/flask-session', '/lessons-site/')).toBe(
      'lessons/flask-session/',
    );
    expect(suggest('/lessons-site', '/lessons-site/')).toBe('');
    expect(suggest('/lessons/flask-session', '/lessons-site/')).toBeUndefined();
  });

  test('nothing for an address that matches no page', () => {
    expect(suggest('/no-such-page/')).toBeUndefined();
    expect(suggest('/lessons/')).toBeUndefined();
  });
});
