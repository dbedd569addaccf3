import { describe, expect, test } from 'vitest';
import { neighbours, sortLessons } from '../../../src/lib/lesson/catalogue.ts';

const lesson = (id: string, order: number) => ({ id, data: { order } });

describe('catalogue order', () => {
  test('lessons are listed by their order field, ties by id', () => {
    const sorted = sortLessons([lesson('c', 2), lesson('b', 1), lesson('a', 2), lesson('z', -1)]);
    expect(sorted.map((l) => l.id)).toEqual(['z', 'b', 'a', 'c']);
  });

  test('dozens of lessons keep a stable order', () => {
    const many = Array.from({ length: 60 }, (_, i) =>
      lesson(`lesson-${String(i).padStart(2, '0')}`, i % 7),
    );
    const sorted = sortLessons(many);
    expect(sorted).toHaveLength(60);
    expect(sortLessons([...many].reverse())).toEqual(sorted);
  });

  test('previous and next follow catalogue order and stop at the ends', () => {
    const sorted = sortLessons([lesson('a', 1), lesson('b', 2), lesson('c', 3)]);
    expect(neighbours(sorted, 'b')).toEqual({ previous: sorted[0], next: sorted[2] });
    expect(neighbours(sorted, 'a').previous).toBeUndefined();
    expect(neighbours(sorted, 'c').next).toBeUndefined();
  });
});
