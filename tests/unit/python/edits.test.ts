/** Edits survive a reload per app, Reset forgets them, and broken storage never throws. */
import { expect, test } from 'vitest';
import { MAX_SAVED_CHARS, forgetEdit, loadEdit, saveEdit } from '../../../src/lib/python/edits.ts';

function memoryStore(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

test('an edit is kept per app until it is reset', () => {
  const store = memoryStore();
  expect(saveEdit('counter', 'x = 1\n', store)).toBe(true);
  expect(loadEdit('counter', store)).toBe('x = 1\n');
  expect(loadEdit('login', store)).toBeNull();
  forgetEdit('counter', store);
  expect(loadEdit('counter', store)).toBeNull();
});

test('an edit too long to keep is not saved', () => {
  const store = memoryStore();
  expect(saveEdit('counter', 'x'.repeat(MAX_SAVED_CHARS + 1), store)).toBe(false);
  expect(loadEdit('counter', store)).toBeNull();
});

test('storage that throws (full, blocked) loses the edit but never breaks the page', () => {
  const broken = {
    getItem: () => {
      throw new Error('SecurityError');
    },
    setItem: () => {
      throw new Error('QuotaExceededError');
    },
    removeItem: () => {
      throw new Error('SecurityError');
    },
  };
  expect(saveEdit('counter', 'x', broken)).toBe(false);
  expect(loadEdit('counter', broken)).toBeNull();
  expect(() => forgetEdit('counter', broken)).not.toThrow();
  expect(saveEdit('counter', 'x', null)).toBe(false);
});
