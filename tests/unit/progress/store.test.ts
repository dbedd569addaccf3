import { describe, expect, test } from 'vitest';
import { progressKey, readProgress, savedAnswers } from '../../../src/lib/progress/read.ts';
import { browserStorage, loadAnswers, saveAnswers } from '../../../src/lib/progress/store.ts';
import { MemoryStorage } from '../fixtures/memory-storage.ts';

/** Storage as a browser in private mode or with site data blocked: every access throws. */
const blockedStorage = {
  getItem(): string | null {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  },
  setItem(): void {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  },
};

/** Storage that is full: reading works, writing throws. */
class FullStorage extends MemoryStorage {
  override setItem(): void {
    throw new DOMException('Quota exceeded', 'QuotaExceededError');
  }
}

const questions = [
  { id: 'after-third-visit', answer: 'b', choices: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] },
  { id: 'first-count-one', answer: 'a', choices: [{ id: 'a' }, { id: 'b' }] },
];

function storageHolding(value: unknown): MemoryStorage {
  const storage = new MemoryStorage();
  storage.setItem(progressKey, typeof value === 'string' ? value : JSON.stringify(value));
  return storage;
}

describe('saving and loading answers', () => {
  test('answers saved for a lesson load back', () => {
    const storage = new MemoryStorage();
    expect(saveAnswers(storage, 'flask-session', { 'after-third-visit': 'b' })).toBe(true);
    expect(loadAnswers(storage, 'flask-session', questions)).toEqual({ 'after-third-visit': 'b' });
  });

  test('the stored record has the documented shape under a versioned key', () => {
    const storage = new MemoryStorage();
    saveAnswers(storage, 'flask-session', { 'after-third-visit': 'b' });
    expect(progressKey).toMatch(/v1$/);
    expect(JSON.parse(storage.getItem(progressKey)!)).toEqual({
      version: 1,
      lessons: { 'flask-session': { answers: { 'after-third-visit': 'b' } } },
    });
  });

  test('saving one lesson keeps the others', () => {
    const storage = new MemoryStorage();
    saveAnswers(storage, 'other-lesson', { q: 'a' });
    saveAnswers(storage, 'flask-session', { 'first-count-one': 'a' });
    expect(savedAnswers(readProgress(storage), 'other-lesson')).toEqual({ q: 'a' });
  });

  test('saving replaces the lesson’s earlier answers', () => {
    const storage = new MemoryStorage();
    saveAnswers(storage, 'flask-session', { 'after-third-visit': 'a', 'first-count-one': 'b' });
    saveAnswers(storage, 'flask-session', { 'after-third-visit': 'b' });
    expect(loadAnswers(storage, 'flask-session', questions)).toEqual({ 'after-third-visit': 'b' });
  });

  test('saving no answers (a retry) removes the lesson’s entry', () => {
    const storage = new MemoryStorage();
    saveAnswers(storage, 'flask-session', { 'after-third-visit': 'b' });
    saveAnswers(storage, 'flask-session', {});
    expect(readProgress(storage).lessons).toEqual({});
  });

  test('a lesson nobody answered loads as no answers', () => {
    expect(loadAnswers(new MemoryStorage(), 'flask-session', questions)).toEqual({});
  });
});

describe('storage that cannot be used reads as empty and never throws', () => {
  test.each([
    ['text that is not JSON', '{"version": 1, "lessons": {'],
    ['JSON null', 'null'],
    ['a number', '42'],
    ['an array', '[1, 2]'],
    ['no version', { lessons: { 'flask-session': { answers: { 'first-count-one': 'a' } } } }],
    [
      'an older version',
      { version: 0, lessons: { 'flask-session': { answers: { 'first-count-one': 'a' } } } },
    ],
    [
      'a newer version',
      { version: 2, lessons: { 'flask-session': { answers: { 'first-count-one': 'a' } } } },
    ],
    ['lessons that are not an object', { version: 1, lessons: ['flask-session'] }],
  ])('%s', (_, stored) => {
    const storage = storageHolding(stored);
    expect(readProgress(storage)).toEqual({ version: 1, lessons: {} });
    expect(loadAnswers(storage, 'flask-session', questions)).toEqual({});
  });

  test('progress saved under an earlier version’s key is ignored', () => {
    const storage = new MemoryStorage();
    storage.setItem(
      'lessons.progress.v0',
      JSON.stringify({ 'flask-session': { 'first-count-one': 'a' } }),
    );
    expect(loadAnswers(storage, 'flask-session', questions)).toEqual({});
  });

  test('a lesson entry of the wrong shape is dropped, the others are kept', () => {
    const storage = storageHolding({
      version: 1,
      lessons: {
        'flask-session': { answers: 'b' },
        broken: 'yes',
        other: { answers: { q: 'a', bad: 3, worse: null } },
      },
    });
    expect(readProgress(storage).lessons).toEqual({ other: { answers: { q: 'a' } } });
  });

  test('a "__proto__" entry stays plain data', () => {
    const storage = storageHolding(
      '{"version":1,"lessons":{"__proto__":{"answers":{"x":"a"}},"flask-session":{"answers":{"first-count-one":"a"}}}}',
    );
    const progress = readProgress(storage);
    expect(Object.getPrototypeOf(progress.lessons)).toBe(Object.prototype);
    expect(savedAnswers(progress, 'flask-session')).toEqual({ 'first-count-one': 'a' });
    expect(savedAnswers(progress, 'toString')).toEqual({});
  });

  test('missing storage (server rendering, no localStorage)', () => {
    expect(readProgress(undefined).lessons).toEqual({});
    expect(saveAnswers(undefined, 'flask-session', { 'first-count-one': 'a' })).toBe(false);
  });

  test('storage that throws on every access (private mode, blocked site data)', () => {
    expect(loadAnswers(blockedStorage, 'flask-session', questions)).toEqual({});
    expect(saveAnswers(blockedStorage, 'flask-session', { 'first-count-one': 'a' })).toBe(false);
  });

  test('a full storage refuses the write without throwing', () => {
    const storage = new FullStorage();
    expect(saveAnswers(storage, 'flask-session', { 'first-count-one': 'a' })).toBe(false);
    expect(loadAnswers(storage, 'flask-session', questions)).toEqual({});
  });

  test('saving over a corrupt record replaces it with a valid one', () => {
    const storage = storageHolding('not json at all');
    saveAnswers(storage, 'flask-session', { 'first-count-one': 'a' });
    expect(JSON.parse(storage.getItem(progressKey)!)).toEqual({
      version: 1,
      lessons: { 'flask-session': { answers: { 'first-count-one': 'a' } } },
    });
  });

  test('browserStorage gives undefined when reading localStorage itself throws', () => {
    const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'localStorage');
    Object.defineProperty(globalThis, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('Access is denied', 'SecurityError');
      },
    });
    try {
      expect(browserStorage()).toBeUndefined();
    } finally {
      if (descriptor) Object.defineProperty(globalThis, 'localStorage', descriptor);
      else delete (globalThis as { localStorage?: unknown }).localStorage;
    }
  });
});

describe('when the lesson’s questions change', () => {
  test('answers to removed questions and removed choices are dropped on load', () => {
    const storage = new MemoryStorage();
    saveAnswers(storage, 'flask-session', {
      'after-third-visit': 'd',
      'first-count-one': 'a',
      'removed-question': 'a',
    });
    expect(loadAnswers(storage, 'flask-session', questions)).toEqual({ 'first-count-one': 'a' });
  });

  test('the dropped answers are gone from storage after the next save', () => {
    const storage = new MemoryStorage();
    saveAnswers(storage, 'flask-session', { 'removed-question': 'a', 'first-count-one': 'a' });
    const loaded = loadAnswers(storage, 'flask-session', questions);
    saveAnswers(storage, 'flask-session', { ...loaded, 'after-third-visit': 'b' });
    expect(savedAnswers(readProgress(storage), 'flask-session')).toEqual({
      'first-count-one': 'a',
      'after-third-visit': 'b',
    });
  });

  test('a new question starts unanswered', () => {
    const storage = new MemoryStorage();
    saveAnswers(storage, 'flask-session', { 'first-count-one': 'a' });
    const withNew = [...questions, { id: 'new-one', answer: 'a', choices: [{ id: 'a' }] }];
    expect(loadAnswers(storage, 'flask-session', withNew)).toEqual({ 'first-count-one': 'a' });
  });
});
