import { describe, expect, test } from 'vitest';
import {
  allAnswersOpen,
  checkedAnswers,
  initialQuizState,
  questionView,
  quizStatus,
  reduceQuiz,
  type QuizAction,
  type QuizState,
} from '../../../src/lib/quiz/state.ts';

/** A question shaped like the Flask lesson's: the right answer is `b` of four. */
const question = {
  id: 'third',
  answer: 'b',
  explanation: 'Each visit adds one.',
  choices: ['a', 'b', 'c', 'd'].map((id) => ({
    id,
    text: `Option ${id}`,
    explanation: `About ${id}.`,
  })),
};
const other = { ...question, id: 'first', answer: 'a' };

const run = (...actions: QuizAction[]): QuizState => actions.reduce(reduceQuiz, initialQuizState);
const select = (choice: string, id = question.id): QuizAction => ({
  type: 'select',
  question: id,
  choice,
});
const check = (target = question): QuizAction => ({ type: 'check', question: target });
const view = (state: QuizState, target = question) => questionView(state, target);

describe('checking answers', () => {
  test('an untouched question shows nothing and hides its answer', () => {
    expect(view(initialQuizState)).toEqual({
      verdict: { kind: 'none' },
      hintOpen: false,
      answerOpen: false,
    });
  });

  test('checking with nothing picked asks for a choice and records no answer', () => {
    const state = run(check());
    expect(view(state).verdict).toEqual({ kind: 'unchosen' });
    expect(checkedAnswers(state)).toEqual({});
    expect(state.revision).toBe(0);
  });

  test('a right check is correct, names the choice and is saved', () => {
    const state = run(select('b'), check());
    const { verdict, answer } = view(state);
    expect(verdict.kind).toBe('correct');
    expect(verdict.kind === 'correct' && verdict.feedback.chosen).toEqual({
      letter: 'B',
      text: 'Option b',
      explanation: 'About b.',
    });
    expect(answer).toBeUndefined();
    expect(checkedAnswers(state)).toEqual({ third: 'b' });
    expect(state.revision).toBe(1);
  });

  test('a first wrong check says try again and keeps the right answer hidden', () => {
    const state = run(select('a'), check());
    expect(view(state).verdict.kind).toBe('try-again');
    expect(view(state).answer).toBeUndefined();
    expect(view(state).answerOpen).toBe(false);
    expect(view(state).selected).toBe('a');
    expect(checkedAnswers(state)).toEqual({ third: 'a' });
  });

  test('a second wrong check opens the answer with its explanation', () => {
    const state = run(select('a'), check(), select('c'), check());
    expect(view(state).verdict.kind).toBe('wrong');
    expect(view(state).answer).toEqual({
      right: { letter: 'B', text: 'Option b', explanation: 'About b.' },
      explanation: 'Each visit adds one.',
    });
    expect(checkedAnswers(state)).toEqual({ third: 'c' });
  });

  test('a right check after a miss is correct and does not add the answer twice', () => {
    const state = run(select('a'), check(), select('b'), check());
    expect(view(state).verdict.kind).toBe('correct');
    expect(view(state).answer).toBeUndefined();
  });

  test('picking another choice clears the feedback but keeps the checked answer', () => {
    const state = run(select('a'), check(), select('c'));
    expect(view(state).verdict).toEqual({ kind: 'none' });
    expect(view(state).selected).toBe('c');
    expect(checkedAnswers(state)).toEqual({ third: 'a' });
  });

  test('picking a choice clears the request to choose one', () => {
    expect(view(run(check(), select('a'))).verdict).toEqual({ kind: 'none' });
  });

  test('questions are graded independently', () => {
    const state = run(select('a'), check(), select('a', other.id), check(other));
    expect(view(state).verdict.kind).toBe('try-again');
    expect(view(state, other).verdict.kind).toBe('correct');
    expect(checkedAnswers(state)).toEqual({ third: 'a', first: 'a' });
  });
});

describe('hints and answers on request', () => {
  test('the hint opens and closes', () => {
    const hint: QuizAction = { type: 'toggleHint', question: question.id };
    expect(view(run(hint)).hintOpen).toBe(true);
    expect(view(run(hint, hint)).hintOpen).toBe(false);
  });

  test('"Show the answer" opens the answer before any check, and a first miss then shows it too', () => {
    const show: QuizAction = { type: 'toggleAnswer', question: question.id };
    expect(view(run(show)).answer?.right.letter).toBe('B');
    expect(view(run(show)).answerOpen).toBe(true);
    expect(view(run(show, select('a'), check())).verdict.kind).toBe('wrong');
    expect(view(run(show, show)).answer).toBeUndefined();
  });

  test('"Show answers" opens every answer and says so; pressed again it hides them all', () => {
    const all: QuizAction = { type: 'toggleAllAnswers', questions: [question.id, other.id] };
    const shown = run(select('a'), check(), select('c'), check(), all);
    expect(allAnswersOpen(shown, [question.id, other.id])).toBe(true);
    expect(shown.status).toBe(quizStatus.answersShown);
    expect(view(shown, other).answerOpen).toBe(true);
    const hidden = reduceQuiz(shown, all);
    expect(hidden.status).toBe(quizStatus.answersHidden);
    expect(view(hidden).answerOpen).toBe(false);
    expect(view(hidden, other).answerOpen).toBe(false);
  });

  test('closing one answer while all are shown closes only that one', () => {
    const state = run(
      { type: 'toggleAllAnswers', questions: [question.id, other.id] },
      { type: 'toggleAnswer', question: question.id },
    );
    expect(allAnswersOpen(state, [question.id, other.id])).toBe(false);
    expect(view(state).answerOpen).toBe(false);
    expect(view(state, other).answerOpen).toBe(true);
  });
});

describe('saved answers and retry', () => {
  test('restored answers show their verdicts without counting as a change to save', () => {
    const state = run({
      type: 'restore',
      answers: { third: 'a', first: 'a' },
      questions: [question, other],
    });
    expect(view(state).verdict.kind).toBe('try-again');
    expect(view(state, other).verdict.kind).toBe('correct');
    expect(view(state).selected).toBe('a');
    expect(state.revision).toBe(0);
  });

  test('a restored wrong answer counts as the first miss', () => {
    const state = run(
      { type: 'restore', answers: { third: 'a' }, questions: [question, other] },
      check(),
    );
    expect(view(state).verdict.kind).toBe('wrong');
  });

  test('retry clears answers, misses, hints and shown answers, and says so', () => {
    const state = run(
      select('a'),
      check(),
      { type: 'toggleHint', question: question.id },
      { type: 'toggleAllAnswers', questions: [question.id, other.id] },
      { type: 'retry' },
    );
    expect(checkedAnswers(state)).toEqual({});
    expect(view(state)).toEqual({ verdict: { kind: 'none' }, hintOpen: false, answerOpen: false });
    expect(state.status).toBe(quizStatus.retried);
    expect(state.revision).toBe(2);
    expect(view(reduceQuiz(state, select('a')), question).verdict.kind).toBe('none');
    expect(
      view(run(...[select('a'), check(), { type: 'retry' as const }, select('c'), check()])).verdict
        .kind,
    ).toBe('try-again');
  });
});
