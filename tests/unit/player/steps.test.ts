import { describe, expect, test } from 'vitest';
import {
  advance,
  atFirstStep,
  atFirstVisit,
  atLastStep,
  atLastVisit,
  autoplayDelay,
  initialPlayerState,
  keyAction,
  positionText,
  stepFromHash,
  stepHash,
  type PlayerAction,
  type PlayerShape,
  type PlayerState,
} from '../../../src/lib/player/steps.ts';

const shape: PlayerShape = {
  visits: 5,
  stages: ['request', 'receive', 'load', 'view', 'process', 'save', 'respond'],
};
const at = (visit: number, stage: number, playing = false): PlayerState => ({
  visit,
  stage,
  playing,
});
const run = (state: PlayerState, ...actions: PlayerAction[]) =>
  actions.reduce((current, action) => advance(current, action, shape), state);

describe('moving through visits and stages', () => {
  test('the player starts at the first stage of the first visit, paused', () => {
    expect(initialPlayerState).toEqual(at(0, 0));
    expect(atFirstStep(initialPlayerState) && atFirstVisit(initialPlayerState)).toBe(true);
  });

  test('next and back move one stage, across the end of a visit', () => {
    expect(run(at(0, 0), { type: 'next' })).toEqual(at(0, 1));
    expect(run(at(0, 6), { type: 'next' })).toEqual(at(1, 0));
    expect(run(at(1, 0), { type: 'previous' })).toEqual(at(0, 6));
  });

  test('all 5 × 7 steps are visited in order, and the ends hold', () => {
    const seen: string[] = [];
    let state = at(0, 0);
    for (let i = 0; i < 40; i++) {
      seen.push(`${state.visit}:${state.stage}`);
      state = run(state, { type: 'next' });
    }
    expect(new Set(seen).size).toBe(35);
    expect(state).toEqual(at(4, 6));
    expect(atLastStep(state, shape) && atLastVisit(state, shape)).toBe(true);
    expect(run(at(0, 0), { type: 'previous' })).toEqual(at(0, 0));
  });

  test('next visit opens the following visit at its first stage; previous visit goes back', () => {
    expect(run(at(1, 4), { type: 'next-visit' })).toEqual(at(2, 0));
    expect(run(at(4, 3), { type: 'next-visit' })).toEqual(at(4, 0));
    expect(run(at(2, 3), { type: 'previous-visit' })).toEqual(at(2, 0));
    expect(run(at(2, 0), { type: 'previous-visit' })).toEqual(at(1, 0));
    expect(run(at(0, 0), { type: 'previous-visit' })).toEqual(at(0, 0));
  });

  test('restart, last and go stay within the player', () => {
    expect(run(at(3, 3), { type: 'restart' })).toEqual(at(0, 0));
    expect(run(at(0, 0), { type: 'last' })).toEqual(at(4, 6));
    expect(run(at(0, 0), { type: 'go', visit: 2, stage: 3 })).toEqual(at(2, 3));
    expect(run(at(0, 0), { type: 'go', visit: 99, stage: 0 })).toEqual(at(4, 6));
    expect(run(at(0, 0), { type: 'go', visit: 1, stage: 99 })).toEqual(at(1, 6));
  });
});

describe('autoplay', () => {
  test('play starts it, each tick moves one stage, and it stops at the end', () => {
    expect(run(at(0, 0), { type: 'play' }, { type: 'tick' })).toEqual(at(0, 1, true));
    expect(run(at(4, 5, true), { type: 'tick' })).toEqual(at(4, 6, false));
    expect(run(at(4, 6), { type: 'play' })).toEqual(at(4, 6, false));
  });

  test('pause, or stepping by hand, stops it; a late tick changes nothing', () => {
    expect(run(at(1, 2, true), { type: 'pause' }, { type: 'tick' })).toEqual(at(1, 2));
    expect(run(at(1, 2, true), { type: 'next' })).toEqual(at(1, 3));
    expect(run(at(1, 2, true), { type: 'next-visit' })).toEqual(at(2, 0));
  });

  test('waits longer between steps when the learner prefers reduced motion', () => {
    expect(autoplayDelay(true)).toBeGreaterThan(autoplayDelay(false));
  });
});

describe('keyboard shortcuts', () => {
  test('arrows step through stages, Page Up/Down through visits, Home and End to the ends', () => {
    expect(['ArrowRight', 'ArrowLeft', 'PageDown', 'PageUp', 'Home', 'End'].map(keyAction)).toEqual(
      [
        { type: 'next' },
        { type: 'previous' },
        { type: 'next-visit' },
        { type: 'previous-visit' },
        { type: 'restart' },
        { type: 'last' },
      ],
    );
  });

  test('other keys, including Space, Enter and Tab, are left alone', () => {
    for (const key of [' ', 'Enter', 'Tab', 'a', 'ArrowUp']) expect(keyAction(key)).toBeUndefined();
  });
});

describe('the position in the URL', () => {
  test('#step-N opens visit N at its first stage; #step-N-<stage> opens that stage', () => {
    expect(stepFromHash('#step-3', shape)).toEqual({ visit: 2, stage: 0 });
    expect(stepFromHash('#step-3-view', shape)).toEqual({ visit: 2, stage: 3 });
    expect(stepFromHash('#step-5-respond', shape)).toEqual({ visit: 4, stage: 6 });
  });

  test('fragments naming no visit or stage name nothing', () => {
    for (const hash of ['', '#', '#step-0', '#step-6', '#step-x', '#step-2-nowhere', '#row-1']) {
      expect(stepFromHash(hash, shape), hash).toBeUndefined();
    }
  });

  test('every position written into the URL reads back as the same position', () => {
    for (let visit = 0; visit < 5; visit++) {
      for (let stage = 0; stage < 7; stage++) {
        expect(stepFromHash(stepHash({ visit, stage }, shape), shape)).toEqual({ visit, stage });
      }
    }
    expect(stepHash({ visit: 2, stage: 3 }, shape)).toBe('#step-3-view');
  });

  test('the position in words', () => {
    expect(positionText(at(2, 3), shape)).toBe('Visit 3 of 5, stage 4 of 7');
  });
});
