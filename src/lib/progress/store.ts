/**
 * Quiz progress, kept in the learner's browser (localStorage) so it survives reloads and shows on
 * the catalogue. Nothing leaves the browser.
 *
 * Stored shape, under the key `lessons.progress.v1` (`progressKey`):
 *
 *     { "version": 1,
 *       "lessons": { "<lesson id>": { "answers": { "<question id>": "<choice id>" } } } }
 *
 * Only the answers a learner has checked are stored. The score is not: every page that shows it
 * (the lesson's quiz, the catalogue) recomputes it from these answers and the current questions,
 * so a stored score can never disagree with the lesson.
 *
 * Lifecycle:
 * - Read when a quiz hydrates and when the catalogue loads. Missing, unreadable or malformed data
 *   reads as "no progress"; storage that throws (private mode, blocked cookies) is treated as
 *   empty. None of this is reported: the page simply starts fresh.
 * - Written each time the learner checks an answer (the lesson's whole answer set is replaced) and
 *   when they retry (the lesson's entry is removed). Each write starts from a fresh read, so other
 *   lessons' entries are kept, and rewrites a malformed record as a valid one. A write that the
 *   browser refuses (quota, private mode) returns false; the quiz keeps working for this visit.
 * - Never expires; clearing the site's data in the browser removes it.
 *
 * When a lesson's questions change (ids are the contract; see `src/schemas/quiz.ts`):
 * - an answer to a question or choice that no longer exists is dropped when the quiz loads it and
 *   is gone from storage after the learner's next check or retry;
 * - an answer whose question now has a different right choice is graded against the new one;
 * - new questions start unanswered;
 * - changing a question's wording keeps its answer, so a reworded question must get a new id if
 *   old answers should not carry over.
 *
 * A change to the stored format bumps `progressVersion` (and with it the key); progress saved in
 * an older format is ignored rather than migrated, since it takes a minute to answer again.
 */
import { keepCurrentAnswers, type Answers, type GradedQuestion } from '../quiz/grade.ts';
import {
  progressKey,
  progressVersion,
  readProgress,
  savedAnswers,
  type Progress,
  type ReadableStorage,
} from './read.ts';

export { browserStorage, type ProgressStorage } from './storage.ts';
import type { ProgressStorage } from './storage.ts';

/** A lesson's saved answers that still fit its questions. */
export function loadAnswers(
  storage: ReadableStorage | undefined,
  lessonId: string,
  questions: readonly GradedQuestion[],
): Record<string, string> {
  return keepCurrentAnswers(questions, savedAnswers(readProgress(storage), lessonId));
}

/**
 * Replaces a lesson's saved answers; no answers removes the lesson's entry. Returns whether the
 * browser stored them.
 */
export function saveAnswers(
  storage: ProgressStorage | undefined,
  lessonId: string,
  answers: Answers,
): boolean {
  if (!storage) return false;
  const others = Object.entries(readProgress(storage).lessons).filter(([id]) => id !== lessonId);
  const entries = Object.keys(answers).length > 0 ? [[lessonId, { answers }] as const] : [];
  const progress: Progress = {
    version: progressVersion,
    lessons: Object.fromEntries([...others, ...entries]),
  };
  try {
    storage.setItem(progressKey, JSON.stringify(progress));
    return true;
  } catch {
    return false;
  }
}
