import { describe, expect, test } from 'vitest';
import {
  advance,
  atFirstStep,
  atLastStep,
  autoplayDelay,
  clampStep,
  initialPlayerState,
  keyAction,
  stepFromHash,
  stepHash,
  stepValueText,
  type PlayerAction,
  type PlayerState,
} from '../../../src/lib/player/steps.ts';

const count = 5;
const at = (step: number, playing = false): PlayerState => ({ step, playing });
const run = (state: PlayerState, ...actions: PlayerAction[]) =>
  actions.reduce((current, action) => advance(current, action, count), state);

describe('moving between steps', () => {
  test('the player starts at the first step, paused', () => {
    expect(initialPlayerState).toEqual(at(0));
    expect(atFirstStep(initialPlayerState)).toBe(true);
  });

  test('next and previous move one step', () => {
    expect(run(at(0), { type: 'next' })).toEqual(at(1));
    expect(run(at(3), { type: 'previous' })).toEqual(at(2));
  });

  test('next stops at the last step and previous at the first', () => {
    expect(run(at(4), { type: 'next' })).toEqual(at(4));
    expect(run(at(0), { type: 'previous' })).toEqual(at(0));
    expect(atLastStep(at(4), count)).toBe(true);
    expect(atLastStep(at(3), count)).toBe(false);
  });

  test('restart goes to the first step and "last" to the last', () => {
    expect(run(at(3), { type: 'restart' })).toEqual(at(0));
    expect(run(at(1), { type: 'last' })).toEqual(at(4));
  });

  test('jumping to a step keeps it within the steps', () => {
    expect(run(at(0), { type: 'go', step: 2 })).toEqual(at(2));
    expect(run(at(0), { type: 'go', step: 99 })).toEqual(at(4));
    expect(run(at(2), { type: 'go', step: -3 })).toEqual(at(0));
    expect(run(at(2), { type: 'go', step: Number.NaN })).toEqual(at(0));
    expect(clampStep(2.7, count)).toBe(2);
  });

  test('a lesson with a single step stays on it', () => {
    expect(advance(at(0), { type: 'next' }, 1)).toEqual(at(0));
    expect(advance(at(0), { type: 'play' }, 1)).toEqual(at(0));
  });
});

describe('autoplay', () => {
  test('play starts it and each tick moves one step', () => {
    expect(run(at(1), { type: 'play' })).toEqual(at(1, true));
    expect(run(at(1), { type: 'play' }, { type: 'tick' }, { type: 'tick' })).toEqual(at(3, true));
  });

  test('it stops by itself on reaching the last step', () => {
    expect(run(at(3, true), { type: 'tick' })).toEqual(at(4, false));
  });

  test('play on the last step does nothing', () => {
    expect(run(at(4), { type: 'play' })).toEqual(at(4, false));
  });

  test('pause stops it where it is, and a late tick changes nothing', () => {
    expect(run(at(2, true), { type: 'pause' })).toEqual(at(2));
    expect(run(at(2), { type: 'tick' })).toEqual(at(2));
  });

  test('stepping by hand stops it', () => {
    for (const action of [
      { type: 'next' },
      { type: 'previous' },
      { type: 'restart' },
      { type: 'go', step: 3 },
    ] as const) {
      expect(run(at(2, true), action).playing).toBe(false);
    }
  });

  test('waits longer between steps when the learner prefers reduced motion', () => {
    expect(autoplayDelay(true)).toBeGreaterThan(autoplayDelay(false));
    expect(autoplayDelay(false)).toBeGreaterThanOrEqual(4000);
  });
});

describe('keyboard shortcuts', () => {
  test('arrows step, Home and End jump to the ends', () => {
    expect(keyAction('ArrowRight')).toEqual({ type: 'next' });
    expect(keyAction('ArrowLeft')).toEqual({ type: 'previous' });
    expect(keyAction('Home')).toEqual({ type: 'restart' });
    expect(keyAction('End')).toEqual({ type: 'last' });
  });

  test('other keys, including Space, Enter and Tab, are left alone', () => {
    for (const key of [' ', 'Enter', 'Tab', 'ArrowUp', 'a']) {
      expect(keyAction(key)).toBeUndefined();
    }
  });
});

describe('the step in the URL', () => {
  test('#step-N names step N, counted from 1', () => {
    expect(stepHash(2)).toBe('#step-3');
    expect(stepFromHash('#step-3', count)).toBe(2);
    expect(stepFromHash('#step-1', count)).toBe(0);
    expect(stepFromHash('#step-5', count)).toBe(4);
  });

  test.each(['#step-99', '#step-6', '#step-0', '#step-x', '#step-', '#step-3x', '#step--1'])(
    '%s names no step',
    (hash) => {
      expect(stepFromHash(hash, count)).toBeUndefined();
    },
  );

  test('other fragments and no fragment name no step', () => {
    for (const hash of ['', '#', '#row-visit-3', '#step-03', '#STEP-3', '#step-2.5', 'step-2']) {
      expect(stepFromHash(hash, count)).toBeUndefined();
    }
  });

  test('a step written into the URL reads back as the same step', () => {
    for (let step = 0; step < count; step++) {
      expect(stepFromHash(stepHash(step), count)).toBe(step);
    }
  });
});

describe('what the slider announces', () => {
  const lesson = {
    steps: ['First', 'Second', 'Third', 'Fourth', 'Fifth'].map((n) => ({ request: `${n} visit` })),
    tracker: { variable: "session['count']", values: ['1', '2', '3', '4', '5'] },
  };

  test('the step, its request and the tracked value', () => {
    expect(stepValueText(lesson, 2)).toBe("Step 3 of 5, Third visit: session['count'] = 3");
    expect(stepValueText(lesson, 0)).toBe("Step 1 of 5, First visit: session['count'] = 1");
  });

  test('without a tracked value it names the step only', () => {
    const untracked = { ...lesson, tracker: { variable: 'x', values: [] } };
    expect(stepValueText(untracked, 4)).toBe('Step 5 of 5, Fifth visit');
  });
});
