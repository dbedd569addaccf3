/**
 * The Challenge's rules on top of the quiz reducer (`lib/quiz/state.ts`): each problem allows two
 * attempts; the hint comes after the first miss, the answer after the second (the reducer's
 * `missesBeforeAnswer`). A learner's progress is the list of choices they checked per problem
 * (`lib/progress/modes.ts`), from which the state, the score and the badge are all derived.
 */
import {
  blankQuestion,
  missesBeforeAnswer,
  type QuestionState,
  type QuizState,
} from '../quiz/state.ts';

/** Attempts per problem. */
export const attemptsAllowed = missesBeforeAnswer;

interface Problem {
  id: string;
  answer: string;
  choices: readonly { id: string }[];
}

export type Outcome =
  | { status: 'open'; attemptsLeft: number }
  | { status: 'solved'; attempt: number }
  | { status: 'failed' };

/** Where a problem stands after the choices checked on it (only the first two count). */
export function outcome(problem: Problem, tries: readonly string[] = []): Outcome {
  const counted = tries.slice(0, attemptsAllowed);
  const right = counted.indexOf(problem.answer);
  if (right >= 0) return { status: 'solved', attempt: right + 1 };
  if (counted.length >= attemptsAllowed) return { status: 'failed' };
  return { status: 'open', attemptsLeft: attemptsAllowed - counted.length };
}

/** Tries that still fit the problems: known problems, known choices, at most two each. */
export function keepCurrentTries(
  problems: readonly Problem[],
  tries: Readonly<Record<string, readonly string[]>>,
): Record<string, string[]> {
  const kept: Record<string, string[]> = {};
  for (const problem of problems) {
    const ids = new Set(problem.choices.map((choice) => choice.id));
    const own = Object.hasOwn(tries, problem.id) ? (tries[problem.id] ?? []) : [];
    const valid = own.filter((choice) => ids.has(choice)).slice(0, attemptsAllowed);
    if (valid.length > 0) kept[problem.id] = valid;
  }
  return kept;
}

export interface ChallengeScore {
  right: number;
  finished: number;
  total: number;
}

export function challengeScore(
  problems: readonly Problem[],
  tries: Readonly<Record<string, readonly string[]>>,
): ChallengeScore {
  const outcomes = problems.map((problem) => outcome(problem, tries[problem.id]));
  return {
    right: outcomes.filter((o) => o.status === 'solved').length,
    finished: outcomes.filter((o) => o.status !== 'open').length,
    total: problems.length,
  };
}

/** Whether the score earns the badge. */
export function badgeEarned(score: ChallengeScore, minScore: number): boolean {
  return score.right >= minScore;
}

/** The quiz state that shows saved tries: last choice checked, misses counted, answer opened. */
export function stateFromTries(
  problems: readonly Problem[],
  tries: Readonly<Record<string, readonly string[]>>,
): QuizState {
  const questions: Record<string, QuestionState> = {};
  for (const problem of problems) {
    const own = tries[problem.id];
    const last = own?.at(-1);
    if (!own || last === undefined) continue;
    const misses = own.filter((choice) => choice !== problem.answer).length;
    questions[problem.id] = {
      ...blankQuestion,
      selected: last,
      checked: last,
      graded: true,
      misses,
      answerOpen: misses >= attemptsAllowed,
    };
  }
  return { questions, status: '', revision: 0 };
}
