import { describe, expect, test } from 'vitest';
import { withBase } from '../../src/lib/links.ts';

describe('internal links', () => {
  test('at the site root, paths get a single leading slash', () => {
    expect(withBase('/', 'lessons/flask-session/')).toBe('/lessons/flask-session/');
    expect(withBase('/', '/lessons/flask-session/')).toBe('/lessons/flask-session/');
    expect(withBase('/', '')).toBe('/');
  });

  test('under a sub-path, every path is prefixed once', () => {
    expect(withBase('/lessons-site/', 'lessons/flask-session/')).toBe(
      '/lessons-site/lessons/flask-session/',
    );
    expect(withBase('/lessons-site', '/favicon.svg')).toBe('/lessons-site/favicon.svg');
    expect(withBase('/lessons-site/', '')).toBe('/lessons-site/');
  });

  test('fragments and queries are kept', () => {
    expect(withBase('/sub/', 'lessons/flask-session/#key-moments')).toBe(
      '/sub/lessons/flask-session/#key-moments',
    );
    expect(withBase('/sub/', 'tools/x/?a=1')).toBe('/sub/tools/x/?a=1');
  });
});
