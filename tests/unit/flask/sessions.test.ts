import { describe, expect, test } from 'vitest';
import { newDict, type PyDict, type PyValue } from '../../../src/lib/flask/python.ts';
import {
  NO_SECRET_KEY_MESSAGE,
  NullSession,
  PythonException,
  SecureCookieSession,
  sessionDataFrom,
} from '../../../src/lib/flask/sessions.ts';

const dict = (entries: Record<string, PyValue>): PyDict => Object.assign(newDict(), entries);
const session = (entries: Record<string, PyValue> = {}) => new SecureCookieSession(dict(entries));
const flags = (s: SecureCookieSession) => ({ accessed: s.accessed, modified: s.modified });
const raised = (action: () => unknown) => {
  try {
    action();
  } catch (error) {
    if (error instanceof PythonException) return `${error.pythonClass}: ${error.pythonMessage}`;
    throw error;
  }
  return 'nothing raised';
};

describe('SecureCookieSession flags (Debian Flask 2.2.2 = 2.2.5, `flask/sessions.py`)', () => {
  test('get() marks the session accessed but not modified', () => {
    const s = session({ count: 1 });
    expect(s.get('count', 0)).toBe(1);
    expect(flags(s)).toEqual({ accessed: true, modified: false });
  });

  test('session[k] on a missing key marks it accessed and raises KeyError', () => {
    const s = session();
    expect(raised(() => s.getitem('x'))).toBe("KeyError: 'x'");
    expect(flags(s)).toEqual({ accessed: true, modified: false });
  });

  test('session[k] = v modifies, even with the same value', () => {
    const s = session({ x: 1 });
    s.setitem('x', 1);
    expect(flags(s)).toEqual({ accessed: true, modified: true });
  });

  test('in, len, keys, values and items touch nothing', () => {
    const s = session({ x: 1 });
    expect([s.contains('x'), s.len(), s.keys(), s.values(), s.items()]).toEqual([
      true,
      1,
      ['x'],
      [1],
      [['x', 1]],
    ]);
    expect(flags(s)).toEqual({ accessed: false, modified: false });
  });

  test('clear() modifies even an empty session', () => {
    const s = session();
    s.clear();
    expect(flags(s)).toEqual({ accessed: true, modified: true });
  });

  test('del of a missing key raises KeyError and changes nothing', () => {
    const s = session();
    expect(raised(() => s.delitem('x'))).toBe("KeyError: 'x'");
    expect(flags(s)).toEqual({ accessed: false, modified: false });
  });

  test('pop() modifies only when the key existed', () => {
    const s = session();
    expect(s.pop('x', null)).toBeNull();
    expect(flags(s)).toEqual({ accessed: false, modified: false });
    expect(raised(() => s.pop('x'))).toBe("KeyError: 'x'");
    const t = session({ x: 1 });
    expect(t.pop('x')).toBe(1);
    expect(flags(t)).toEqual({ accessed: true, modified: true });
  });

  test('popitem() removes the last key, and raises KeyError when empty', () => {
    const s = session({ a: 1, b: 2 });
    expect(s.popitem()).toEqual(['b', 2]);
    expect(raised(() => session().popitem())).toBe("KeyError: 'popitem(): dictionary is empty'");
  });

  test('setdefault() always marks accessed, modifies only a missing key', () => {
    const present = session({ x: 1 });
    expect(present.setdefault('x', 0)).toBe(1);
    expect(flags(present)).toEqual({ accessed: true, modified: false });
    const missing = session();
    expect(missing.setdefault('x', 0)).toBe(0);
    expect(flags(missing)).toEqual({ accessed: true, modified: true });
  });

  test('update() modifies, even with nothing to update', () => {
    const s = session();
    s.update(newDict());
    expect(flags(s)).toEqual({ accessed: true, modified: true });
  });

  test('reading permanent counts as access; setting it stores _permanent', () => {
    const s = session();
    expect(s.permanent).toBe(false);
    expect(flags(s)).toEqual({ accessed: true, modified: false });
    s.permanent = true;
    expect(s.toDict()).toEqual(dict({ _permanent: true }));
    expect(s.modified).toBe(true);
  });

  test('changing a list inside the session does not set modified (the lost update)', () => {
    const s = session({ cart: ['apple'] });
    (s.get('cart') as PyValue[]).push('pear');
    expect(s.toDict()).toEqual(dict({ cart: ['apple', 'pear'] }));
    expect(flags(s)).toEqual({ accessed: true, modified: false });
  });

  test('new is always false', () => {
    expect(session().new).toBe(false);
  });
});

describe('NullSession (no secret key, `flask/sessions.py`: `NullSession`)', () => {
  test('reads see an empty session', () => {
    const s = new NullSession();
    expect([s.get('count'), s.contains('x'), s.len(), s.permanent]).toEqual([
      null,
      false,
      0,
      false,
    ]);
  });

  test.each([
    ['session[k] = v', (s: SecureCookieSession) => s.setitem('x', 1)],
    ['del session[k]', (s: SecureCookieSession) => s.delitem('x')],
    ['clear()', (s: SecureCookieSession) => s.clear()],
    ['pop() with a default', (s: SecureCookieSession) => s.pop('x', null)],
    ['popitem()', (s: SecureCookieSession) => s.popitem()],
    ['update()', (s: SecureCookieSession) => s.update(newDict())],
    ['setdefault()', (s: SecureCookieSession) => s.setdefault('x', 1)],
    ['permanent = True', (s: SecureCookieSession) => (s.permanent = true)],
  ])('%s raises RuntimeError', (_name, write) => {
    expect(raised(() => write(new NullSession()))).toBe(`RuntimeError: ${NO_SECRET_KEY_MESSAGE}`);
  });

  test('the message has two spaces after "set."', () => {
    expect(NO_SECRET_KEY_MESSAGE).toContain('no secret key was set.  Set the secret_key');
  });

  test('setting modified by hand is allowed', () => {
    const s = new NullSession();
    s.modified = true;
    expect(s.modified).toBe(true);
  });
});

describe('SecureCookieSession(data) from a loaded value (dict(data or ()))', () => {
  test('falsy values give an empty session', () => {
    for (const value of [null, [], 0, '', false]) {
      expect(sessionDataFrom(value)).toEqual({ ok: true, data: newDict() });
    }
  });

  test('a list of pairs becomes a dict', () => {
    expect(sessionDataFrom([['a', 1], 'bc'])).toEqual({ ok: true, data: dict({ a: 1, b: 'c' }) });
  });

  test('other values fail like dict() does', () => {
    expect(sessionDataFrom(1)).toMatchObject({
      error: 'NotASessionDict',
      pythonClass: 'TypeError',
      pythonMessage: "'int' object is not iterable",
    });
    expect(sessionDataFrom([[1, 2]])).toMatchObject({ error: 'NonStringKey' });
  });
});
