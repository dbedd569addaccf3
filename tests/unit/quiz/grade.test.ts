import { describe, expect, test } from 'vitest';
import {
  answerKey,
  feedbackFor,
  keepCurrentAnswers,
  rightChoice,
  scoreAgainstKey,
  scoreQuiz,
} from '../../../src/lib/quiz/grade.ts';
import { validLesson } from '../fixtures/lesson.ts';

/** Three questions shaped like the Flask lesson's: four choices each. */
function quiz() {
  const question = (id: string, answer: string) => ({
    id,
    answer,
    explanation: `Why ${answer} answers ${id}.`,
    choices: ['a', 'b', 'c', 'd'].map((choice) => ({
      id: choice,
      text: `Option ${choice}`,
      explanation: `About ${choice}.`,
    })),
  });
  return [question('third', 'b'), question('first', 'a'), question('secret', 'a')];
}

describe('checking one answer', () => {
  test('the right choice is correct and names itself as the right one', () => {
    const [question] = validLesson().quiz;
    expect(feedbackFor(question!, 'a')).toEqual({
      correct: true,
      chosen: { letter: 'A', text: 'One', explanation: 'Right.' },
      right: { letter: 'A', text: 'One', explanation: 'Right.' },
      explanation: 'Because one.',
    });
  });

  test('a wrong choice is not correct and carries both explanations', () => {
    const [question] = validLesson().quiz;
    const feedback = feedbackFor(question!, 'b');
    expect(feedback?.correct).toBe(false);
    expect(feedback?.chosen).toEqual({ letter: 'B', text: 'Two', explanation: 'Wrong.' });
    expect(feedback?.right).toEqual({ letter: 'A', text: 'One', explanation: 'Right.' });
  });

  test('a choice the question does not have gets no feedback', () => {
    const [question] = validLesson().quiz;
    expect(feedbackFor(question!, 'z')).toBeUndefined();
  });

  test('the right choice is named with its letter', () => {
    const [, second] = quiz();
    expect(rightChoice(second!)).toEqual({
      letter: 'A',
      text: 'Option a',
      explanation: 'About a.',
    });
  });
});

describe('scoring a quiz', () => {
  test('nothing answered scores zero of the number of questions', () => {
    expect(scoreQuiz(quiz(), {})).toEqual({ correct: 0, answered: 0, total: 3 });
  });

  test('all three right', () => {
    expect(scoreQuiz(quiz(), { third: 'b', first: 'a', secret: 'a' })).toEqual({
      correct: 3,
      answered: 3,
      total: 3,
    });
  });

  test('all three wrong still counts them as answered', () => {
    expect(scoreQuiz(quiz(), { third: 'a', first: 'd', secret: 'c' })).toEqual({
      correct: 0,
      answered: 3,
      total: 3,
    });
  });

  test('a mix of right, wrong and unanswered', () => {
    expect(scoreQuiz(quiz(), { third: 'b', first: 'c' })).toEqual({
      correct: 1,
      answered: 2,
      total: 3,
    });
  });

  test('answers to removed questions or choices do not count', () => {
    expect(scoreQuiz(quiz(), { gone: 'a', third: 'x', first: 'a' })).toEqual({
      correct: 1,
      answered: 1,
      total: 3,
    });
  });

  test('when a question’s right answer changes, the saved choice is graded against the new one', () => {
    const changed = quiz();
    changed[0]!.answer = 'c';
    expect(scoreQuiz(changed, { third: 'b' }).correct).toBe(0);
    expect(scoreQuiz(changed, { third: 'c' }).correct).toBe(1);
  });
});

describe('answers that still fit the questions', () => {
  test('keeps answers whose question and choice exist, drops the rest', () => {
    expect(
      keepCurrentAnswers(quiz(), { third: 'b', first: 'z', removed: 'a', secret: 'd' }),
    ).toEqual({ third: 'b', secret: 'd' });
  });

  test('ignores inherited keys such as toString or __proto__', () => {
    const answers = JSON.parse('{"__proto__": "a", "third": "b"}') as Record<string, string>;
    const questions = [...quiz(), { id: 'toString', answer: 'a', choices: [{ id: 'a' }] }];
    expect(keepCurrentAnswers(questions, answers)).toEqual({ third: 'b' });
  });
});

describe('counting right answers against an answer key', () => {
  test('the key lists each question’s right choice', () => {
    expect(answerKey(quiz())).toEqual({ third: 'b', first: 'a', secret: 'a' });
  });

  test('only answers to questions in the key count', () => {
    const key = answerKey(quiz());
    expect(scoreAgainstKey({ third: 'b', first: 'b', secret: 'a', extra: 'a' }, key)).toEqual({
      correct: 2,
      answered: 3,
      total: 3,
    });
    expect(scoreAgainstKey({}, key)).toEqual({ correct: 0, answered: 0, total: 3 });
  });

  test('an answer naming a removed choice is answered but not right', () => {
    expect(scoreAgainstKey({ third: 'gone' }, answerKey(quiz()))).toEqual({
      correct: 0,
      answered: 1,
      total: 3,
    });
  });
});
