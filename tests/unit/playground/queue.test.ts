import { describe, expect, test } from 'vitest';
import { createStepQueue, type Step } from '../../../src/lib/playground/queue.ts';

/** A queue over a list of numbers, recording what the playground would show. */
function harness() {
  let shown: number[] | null = [];
  const settled: Array<[number[], number[]]> = [];
  const busy: boolean[] = [];
  const failures: unknown[] = [];
  let idleNow: () => void = () => {};
  let idle = new Promise<void>((resolve) => (idleNow = resolve));
  const queue = createStepQueue<number[]>({
    current: () => shown,
    settle: (before, after) => {
      settled.push([before, after]);
      shown = after;
    },
    fail: (_state, error) => failures.push(error),
    busy: (value) => {
      busy.push(value);
      if (!value) {
        idleNow();
        idle = new Promise<void>((resolve) => (idleNow = resolve));
      }
    },
  });
  return {
    queue,
    settled,
    busy,
    failures,
    shown: () => shown,
    /** Resolves when the queue next reports that every step is done. */
    idle: () => idle,
    clear: () => {
      shown = null;
    },
  };
}

const append =
  (n: number): Step<number[]> =>
  (state) => [...state, n];
const later =
  (n: number, ms: number): Step<number[]> =>
  (state) =>
    new Promise((resolve) => setTimeout(() => resolve([...state, n]), ms));

describe('the playground’s step queue', () => {
  test('a synchronous step with nothing queued settles before run returns', () => {
    const h = harness();
    h.queue.run(append(1));
    expect(h.shown()).toEqual([1]);
    expect(h.busy).toEqual([]);
  });

  test('steps clicked during a slow request run afterwards, in order, on its result', async () => {
    const h = harness();
    h.queue.run(later(1, 20));
    h.queue.run(append(2));
    h.queue.run(later(3, 1));
    h.queue.run(append(4));
    expect(h.shown()).toEqual([]);
    await h.idle();
    expect(h.shown()).toEqual([1, 2, 3, 4]);
    expect(h.settled.map(([before]) => before)).toEqual([[], [1], [1, 2], [1, 2, 3]]);
    expect(h.busy).toEqual([true, false]);
  });

  test('a step that throws is reported and the queue carries on', async () => {
    const h = harness();
    const broken: Step<number[]> = async () => {
      throw new Error('bug');
    };
    h.queue.run(broken);
    h.queue.run(append(5));
    await h.idle();
    expect(h.failures).toEqual([new Error('bug')]);
    expect(h.shown()).toEqual([5]);
    expect(h.busy.at(-1)).toBe(false);
  });

  test('a synchronous step that throws is reported too', () => {
    const h = harness();
    h.queue.run(() => {
      throw new Error('sync bug');
    });
    expect(h.failures).toEqual([new Error('sync bug')]);
    expect(h.shown()).toEqual([]);
  });

  test('steps before the first state is shown are dropped, not run on nothing', async () => {
    const h = harness();
    h.clear();
    let ran = false;
    h.queue.run((state) => {
      ran = true;
      return state;
    });
    await h.idle();
    expect(ran).toBe(false);
    expect(h.settled).toEqual([]);
  });
});
