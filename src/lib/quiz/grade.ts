import { choiceLetter } from './letters.ts';

/** A learner's checked answers: the chosen choice id, by question id. */
export type Answers = Readonly<Record<string, string>>;

/** The right choice id of each question, by question id: all that counting right answers needs. */
export type AnswerKey = Readonly<Record<string, string>>;

/** What grading needs from a question (a structural subset of the quiz schema). */
export interface GradedQuestion {
  id: string;
  answer: string;
  choices: readonly { id: string }[];
}

/** What feedback needs from a question: grading data plus the words to show. */
export interface ExplainedQuestion extends GradedQuestion {
  explanation: string;
  choices: readonly { id: string; text: string; explanation: string }[];
}

/** A choice as feedback names it: its letter ("B"), its text and why it is right or wrong. */
export interface NamedChoice {
  letter: string;
  text: string;
  explanation: string;
}

/** The result of checking one answer. */
export interface Feedback {
  correct: boolean;
  /** The choice the learner checked. */
  chosen: NamedChoice;
  /** The right choice (the same as `chosen` when the answer is correct). */
  right: NamedChoice;
  /** The question's general explanation. */
  explanation: string;
}

/** A lesson's quiz score. */
export interface QuizScore {
  /** Questions whose checked answer is right. */
  correct: number;
  /** Questions with a checked answer, right or wrong. */
  answered: number;
  /** Questions in the quiz. */
  total: number;
}

export function answerKey(questions: readonly GradedQuestion[]): AnswerKey {
  return Object.fromEntries(questions.map((question) => [question.id, question.answer]));
}

/**
 * The score of saved answers against an answer key. Only questions in the key count; an answer
 * that names a choice the question no longer has counts as answered but not right.
 */
export function scoreAgainstKey(answers: Answers, key: AnswerKey): QuizScore {
  const answered = Object.keys(key).filter((id) => Object.hasOwn(answers, id));
  return {
    correct: answered.filter((id) => answers[id] === key[id]).length,
    answered: answered.length,
    total: Object.keys(key).length,
  };
}

/**
 * The answers that still fit the questions: an answer whose question or choice no longer exists
 * is dropped, so saved progress can never point at something the page cannot show.
 */
export function keepCurrentAnswers(
  questions: readonly GradedQuestion[],
  answers: Answers,
): Record<string, string> {
  const kept: [string, string][] = [];
  for (const question of questions) {
    const choice = Object.hasOwn(answers, question.id) ? answers[question.id] : undefined;
    if (question.choices.some((candidate) => candidate.id === choice)) {
      kept.push([question.id, choice!]);
    }
  }
  return Object.fromEntries(kept);
}

/** The score of a lesson's quiz, counting only answers that still fit its questions. */
export function scoreQuiz(questions: readonly GradedQuestion[], answers: Answers): QuizScore {
  return scoreAgainstKey(keepCurrentAnswers(questions, answers), answerKey(questions));
}

/** Feedback for checking `choiceId`; undefined when it is not one of the question's choices. */
export function feedbackFor(question: ExplainedQuestion, choiceId: string): Feedback | undefined {
  const chosen = namedChoice(question, choiceId);
  const right = namedChoice(question, question.answer);
  if (!chosen || !right) return undefined;
  return {
    correct: choiceId === question.answer,
    chosen,
    right,
    explanation: question.explanation,
  };
}

/** The right choice of a question, named for display. */
export function rightChoice(question: ExplainedQuestion): NamedChoice | undefined {
  return namedChoice(question, question.answer);
}

function namedChoice(question: ExplainedQuestion, choiceId: string): NamedChoice | undefined {
  const index = question.choices.findIndex((choice) => choice.id === choiceId);
  const choice = question.choices[index];
  return (
    choice && { letter: choiceLetter(index), text: choice.text, explanation: choice.explanation }
  );
}
