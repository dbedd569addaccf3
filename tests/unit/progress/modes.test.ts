import { describe, expect, test } from 'vitest';
import {
  modesKey,
  readCards,
  readChallenge,
  readDone,
  withModeDone,
  writePart,
} from '../../../src/lib/progress/modes.ts';
import type { ProgressStorage } from '../../../src/lib/progress/storage.ts';

function memory(initial?: string): ProgressStorage & { text: string | null } {
  return {
    text: initial ?? null,
    getItem(key) {
      return key === modesKey ? this.text : null;
    },
    setItem(key, value) {
      if (key === modesKey) this.text = value;
    },
  };
}

describe('mode progress', () => {
  test('nothing saved reads as nothing done, rated or tried', () => {
    expect(readDone(memory(), 'a')).toEqual([]);
    expect(readCards(memory(), 'a')).toEqual({});
    expect(readChallenge(memory(), 'a')).toEqual({});
  });

  test('each part is written alone and survives a fresh read; other lessons are kept', () => {
    const storage = memory();
    writePart(storage, 'a', 'done', withModeDone([], 'learn', true));
    writePart(storage, 'b', 'done', ['why']);
    writePart(storage, 'a', 'cards', { x: 'not-yet' });
    writePart(storage, 'a', 'done', withModeDone(readDone(storage, 'a'), 'review', true));
    expect(readDone(storage, 'a')).toEqual(['learn', 'review']);
    expect(readCards(storage, 'a')).toEqual({ x: 'not-yet' });
    expect(readDone(storage, 'b')).toEqual(['why']);
    writePart(storage, 'a', 'done', withModeDone(readDone(storage, 'a'), 'learn', false));
    expect(readDone(storage, 'a')).toEqual(['review']);
  });

  test('malformed parts are dropped one by one, never thrown', () => {
    const text = JSON.stringify({
      version: 1,
      lessons: {
        a: {
          done: ['learn', 3, 'learn'],
          cards: { x: 'knew', y: 'maybe', z: 'not-yet' },
          challenge: { p: ['a'], q: [1], r: 'b' },
        },
      },
    });
    expect(readDone(memory(text), 'a')).toEqual(['learn']);
    expect(readCards(memory(text), 'a')).toEqual({ x: 'knew', z: 'not-yet' });
    expect(readChallenge(memory(text), 'a')).toEqual({ p: ['a'] });
    for (const bad of ['not json', '[]', '{"version":2,"lessons":{}}', '{"version":1}']) {
      expect(readDone(memory(bad), 'a')).toEqual([]);
    }
    expect(readDone(memory(JSON.stringify({ version: 1, lessons: { a: [] } })), 'a')).toEqual([]);
  });

  test('storage that throws reads as empty and a refused write says so', () => {
    const broken: ProgressStorage = {
      getItem() {
        throw new Error('blocked');
      },
      setItem() {
        throw new Error('quota');
      },
    };
    expect(readDone(broken, 'a')).toEqual([]);
    expect(writePart(broken, 'a', 'done', ['learn'])).toBe(false);
    expect(writePart(undefined, 'a', 'done', ['learn'])).toBe(false);
  });
});
