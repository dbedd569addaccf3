import { readProgress, savedAnswers } from '../lib/progress/read.ts';
import { browserStorage } from '../lib/progress/store.ts';
import { scoreAgainstKey, type AnswerKey } from '../lib/quiz/grade.ts';

/**
 * Fills each `[data-quiz-progress]` placeholder (hidden in the HTML) with the learner's saved quiz
 * score for that lesson, e.g. "Quiz 2/3", and shows it. The placeholder carries the lesson id and
 * its answer key (`data-answer-key`, JSON). Lessons without saved answers, and every lesson when
 * storage is unreadable, keep their placeholder hidden.
 */
export function showQuizProgress(): void {
  const progress = readProgress(browserStorage());
  for (const badge of document.querySelectorAll<HTMLElement>('[data-quiz-progress]')) {
    const key = JSON.parse(badge.dataset['answerKey'] ?? '{}') as AnswerKey;
    const score = scoreAgainstKey(savedAnswers(progress, badge.dataset['quizProgress'] ?? ''), key);
    const short = badge.querySelector('[data-short]');
    const long = badge.querySelector('[data-long]');
    if (score.answered === 0 || !short || !long) continue;
    short.textContent = `Quiz ${score.correct}/${score.total}`;
    long.textContent = `Quiz: ${score.correct} of ${score.total} right`;
    badge.hidden = false;
  }
}
