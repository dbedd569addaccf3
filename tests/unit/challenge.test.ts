import { describe, expect, test } from 'vitest';
import {
  badgeEarned,
  challengeScore,
  keepCurrentTries,
  outcome,
  stateFromTries,
} from '../../src/lib/challenge/progress.ts';
import { resolveAnswers } from '../../src/lib/challenge/resolve.ts';
import { clock, timeLeft, timerStep } from '../../src/lib/challenge/timer.ts';

const choices = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
const problems = [
  { id: 'p1', answer: 'a', choices },
  { id: 'p2', answer: 'b', choices },
  { id: 'p3', answer: 'c', choices },
];

describe('challenge rules', () => {
  test('two attempts: right on either solves, two misses fail, later tries do not count', () => {
    expect(outcome(problems[0]!, [])).toEqual({ status: 'open', attemptsLeft: 2 });
    expect(outcome(problems[0]!, ['b'])).toEqual({ status: 'open', attemptsLeft: 1 });
    expect(outcome(problems[0]!, ['a'])).toEqual({ status: 'solved', attempt: 1 });
    expect(outcome(problems[0]!, ['b', 'a'])).toEqual({ status: 'solved', attempt: 2 });
    expect(outcome(problems[0]!, ['b', 'c'])).toEqual({ status: 'failed' });
    expect(outcome(problems[0]!, ['b', 'c', 'a'])).toEqual({ status: 'failed' });
  });

  test('the score and the badge come from the saved tries', () => {
    const tries = { p1: ['a'], p2: ['a', 'b'], p3: ['a', 'b'] };
    const score = challengeScore(problems, tries);
    expect(score).toEqual({ right: 2, finished: 3, total: 3 });
    expect(badgeEarned(score, 2)).toBe(true);
    expect(badgeEarned(score, 3)).toBe(false);
  });

  test('saved tries that no longer fit are dropped', () => {
    expect(
      keepCurrentTries(problems, { p1: ['z', 'a'], gone: ['a'], p2: ['a', 'c', 'b'], p3: [] }),
    ).toEqual({ p1: ['a'], p2: ['a', 'c'] });
  });

  test('restored state: last choice checked, misses counted, the answer open after two', () => {
    const state = stateFromTries(problems, { p1: ['b'], p2: ['a', 'c'] });
    expect(state.questions['p1']).toMatchObject({ checked: 'b', misses: 1, answerOpen: false });
    expect(state.questions['p2']).toMatchObject({ checked: 'c', misses: 2, answerOpen: true });
    expect(state.questions['p3']).toBeUndefined();
  });
});

describe('predicted answers', () => {
  const predicted = [
    {
      choices: [
        { id: 'a', text: 'Count: 1' },
        { id: 'b', text: 'Count: 3' },
      ],
      predict: 'x',
    },
  ];

  test('the right choice is the one whose text is the computed response', () => {
    expect(resolveAnswers(predicted, { x: 'Count: 3' })).toEqual({ answers: ['b'], issues: [] });
  });

  test('no matching choice, or two, fails naming the problem’s choices', () => {
    expect(resolveAnswers(predicted, { x: 'Count: 2' }).issues).toEqual([
      {
        path: ['challenge', 'problems', 0, 'choices'],
        message: 'none is the response the simulator computes for "x": "Count: 2"',
      },
    ]);
    const twice = [
      { ...predicted[0]!, choices: [...predicted[0]!.choices, { id: 'c', text: 'Count: 3' }] },
    ];
    expect(resolveAnswers(twice, { x: 'Count: 3' }).issues[0]?.message).toBe(
      '2 choices read "Count: 3"; exactly one must',
    );
  });
});

describe('optional timer', () => {
  test('counts down in m:ss and stops at zero', () => {
    expect(clock(timerStep)).toBe('5:00');
    expect(clock(61_000)).toBe('1:01');
    expect(clock(500)).toBe('0:01');
    expect(clock(timeLeft(1_000, 5_000))).toBe('0:00');
  });
});
