import { describe, expect, test } from 'vitest';
import { orderNote, reviewOrder } from '../../../src/lib/review/order.ts';

describe('review card order', () => {
  const ids = ['a', 'b', 'c', 'd'];

  test('without ratings the lesson’s order stays and nothing is said', () => {
    expect(reviewOrder(ids, {})).toEqual(ids);
    expect(orderNote(ids, {})).toBe('');
  });

  test('"Not yet" cards come first, known cards last, each group in the lesson’s order', () => {
    const ratings = { a: 'knew', c: 'not-yet', d: 'not-yet' } as const;
    expect(reviewOrder(ids, ratings)).toEqual(['c', 'd', 'b', 'a']);
    expect(orderNote(ids, ratings)).toBe('The 2 cards you marked “Not yet” last time come first.');
    expect(orderNote(ids, { b: 'not-yet' })).toBe(
      'The card you marked “Not yet” last time comes first.',
    );
  });

  test('ratings of cards that no longer exist are ignored', () => {
    expect(reviewOrder(ids, { gone: 'not-yet' })).toEqual(ids);
    expect(orderNote(ids, { gone: 'not-yet' })).toBe('');
  });
});
