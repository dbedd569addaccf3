/**
 * The quiz's logic as a reducer: what each question shows after each thing a learner does. The
 * quiz teaches before it tells: a first wrong check says "Not quite" with the hint and leaves the
 * choice open; the right answer and its explanation come on the second wrong check, or when the
 * learner asks for them. Islands keep one `QuizState`, dispatch `QuizAction`s through `reduceQuiz`
 * and render `questionView`; saving answers and moving focus stay with the island.
 */
import {
  feedbackFor,
  rightChoice,
  type ExplainedQuestion,
  type GradedQuestion,
  type Feedback,
  type NamedChoice,
} from './grade.ts';

/** Wrong checks of one question after which its answer opens by itself. */
export const missesBeforeAnswer = 2;

/** One question's state. */
export interface QuestionState {
  /** The choice the learner has picked (checked or not). */
  selected?: string;
  /** The last choice the learner checked: what is saved and scored. */
  checked?: string;
  /** Whether feedback on `checked` is on screen; picking another choice clears it. */
  graded: boolean;
  /** Whether the learner pressed Check with nothing picked (asks them to pick first). */
  unchosen: boolean;
  /** Wrong checks since the quiz started or was retried. */
  misses: number;
  hintOpen: boolean;
  /** The answer was asked for ("Show the answer") or given after the second miss. */
  answerOpen: boolean;
}

export interface QuizState {
  /** By question id; a question without an entry is untouched (`blankQuestion`). */
  questions: Readonly<Record<string, QuestionState>>;
  /** What the quiz-wide status region says after Retry or Show/Hide answers. */
  status: string;
  /**
   * Counts changes to the checked answers (a check or a retry), so the island knows when to save;
   * restoring saved answers does not count.
   */
  revision: number;
}

export type QuizAction =
  /** Answers read from saved progress (by question id), already filtered to current choices. */
  | {
      type: 'restore';
      answers: Readonly<Record<string, string>>;
      questions: readonly GradedQuestion[];
    }
  | { type: 'select'; question: string; choice: string }
  | { type: 'check'; question: ExplainedQuestion }
  | { type: 'toggleHint'; question: string }
  | { type: 'toggleAnswer'; question: string }
  /** Opens every answer, or closes them all when all are open ("Show answers" / "Hide answers"). */
  | { type: 'toggleAllAnswers'; questions: readonly string[] }
  | { type: 'retry' };

export const blankQuestion: QuestionState = {
  graded: false,
  unchosen: false,
  misses: 0,
  hintOpen: false,
  answerOpen: false,
};

export const initialQuizState: QuizState = {
  questions: {},
  status: '',
  revision: 0,
};

export const quizStatus = {
  retried: 'Your answers are cleared. The quiz starts again.',
  answersShown: 'The answer is open under each question.',
  answersHidden: 'Answers hidden.',
} as const;

/** A question's state, blank when the learner has not touched it. */
export function questionState(state: QuizState, questionId: string): QuestionState {
  return state.questions[questionId] ?? blankQuestion;
}

/** The checked answers to save and score: choice id by question id. */
export function checkedAnswers(state: QuizState): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const [id, question] of Object.entries(state.questions)) {
    if (question.checked !== undefined) answers[id] = question.checked;
  }
  return answers;
}

/** The state after `action`. Pure: never saves, focuses or reads the clock. */
export function reduceQuiz(state: QuizState, action: QuizAction): QuizState {
  const update = (id: string, change: Partial<QuestionState>, extra: Partial<QuizState> = {}) => ({
    ...state,
    ...extra,
    questions: { ...state.questions, [id]: { ...questionState(state, id), ...change } },
  });
  switch (action.type) {
    case 'restore': {
      // A saved wrong answer counts as one miss: the learner sees the hint, not the answer.
      const questions: Record<string, QuestionState> = {};
      for (const { id, answer } of action.questions) {
        const choice = action.answers[id];
        if (choice === undefined) continue;
        const misses = choice === answer ? 0 : 1;
        questions[id] = {
          ...blankQuestion,
          selected: choice,
          checked: choice,
          graded: true,
          misses,
        };
      }
      return { ...state, questions };
    }
    case 'select':
      return update(action.question, { selected: action.choice, graded: false, unchosen: false });
    case 'check': {
      const { id, answer } = action.question;
      const current = questionState(state, id);
      const choice = current.selected;
      if (choice === undefined) return update(id, { unchosen: true, graded: false });
      const misses = choice === answer ? current.misses : current.misses + 1;
      return update(
        id,
        {
          checked: choice,
          graded: true,
          unchosen: false,
          misses,
          answerOpen: current.answerOpen || misses >= missesBeforeAnswer,
        },
        { status: '', revision: state.revision + 1 },
      );
    }
    case 'toggleHint': {
      const current = questionState(state, action.question);
      return update(action.question, { hintOpen: !current.hintOpen });
    }
    case 'toggleAnswer': {
      const current = questionState(state, action.question);
      return update(action.question, { answerOpen: !current.answerOpen }, { status: '' });
    }
    case 'toggleAllAnswers': {
      const open = !allAnswersOpen(state, action.questions);
      const questions: Record<string, QuestionState> = { ...state.questions };
      for (const id of action.questions)
        questions[id] = { ...questionState(state, id), answerOpen: open };
      return {
        ...state,
        questions,
        status: open ? quizStatus.answersShown : quizStatus.answersHidden,
      };
    }
    case 'retry':
      return {
        questions: {},
        status: quizStatus.retried,
        revision: state.revision + 1,
      };
  }
}

/** Whether every one of these questions has its answer open: "Show answers" is then "Hide answers". */
export function allAnswersOpen(state: QuizState, questionIds: readonly string[]): boolean {
  return questionIds.every((id) => questionState(state, id).answerOpen);
}

/**
 * What a question's feedback region says:
 * - `none`: nothing yet, or the learner picked another choice since checking;
 * - `unchosen`: Check was pressed with nothing picked;
 * - `correct`: the checked choice is right (with its explanation and the question's);
 * - `try-again`: a first wrong check: "Not quite" and the hint, nothing about the right answer;
 * - `wrong`: a wrong check once the answer is open: the chosen choice's explanation.
 */
export type Verdict =
  | { kind: 'none' }
  | { kind: 'unchosen' }
  | { kind: 'correct'; feedback: Feedback }
  | { kind: 'try-again'; feedback: Feedback }
  | { kind: 'wrong'; feedback: Feedback };

/** Everything a question shows, derived from the state. */
export interface QuestionView {
  selected?: string;
  verdict: Verdict;
  hintOpen: boolean;
  /**
   * The right answer to show under the feedback, or undefined while it stays hidden (not asked
   * for, or the learner's correct check already says it).
   */
  answer?: { right: NamedChoice; explanation: string };
  /** Whether the answer is open, which the "Show the answer" control reflects. */
  answerOpen: boolean;
}

export function questionView(state: QuizState, question: ExplainedQuestion): QuestionView {
  const current = questionState(state, question.id);
  const open = current.answerOpen;
  const verdict = verdictFor(current, question, open);
  const right = rightChoice(question);
  return {
    ...(current.selected !== undefined && { selected: current.selected }),
    verdict,
    hintOpen: current.hintOpen,
    ...(open &&
      right &&
      verdict.kind !== 'correct' && { answer: { right, explanation: question.explanation } }),
    answerOpen: open,
  };
}

function verdictFor(current: QuestionState, question: ExplainedQuestion, open: boolean): Verdict {
  if (current.unchosen) return { kind: 'unchosen' };
  if (!current.graded || current.checked === undefined) return { kind: 'none' };
  const feedback = feedbackFor(question, current.checked);
  if (!feedback) return { kind: 'none' };
  if (feedback.correct) return { kind: 'correct', feedback };
  return { kind: open ? 'wrong' : 'try-again', feedback };
}
