import { readProgress, savedAnswers } from '../lib/progress/read.ts';
import { browserStorage } from '../lib/progress/store.ts';
import { scoreAgainstKey, type AnswerKey } from '../lib/quiz/grade.ts';

/**
 * Fills each `[data-quiz-progress]` placeholder (hidden in the HTML) with the learner's saved quiz
 * score for that lesson ("Quiz: 2 of 3 right" and a bar), shows it, and turns the card's "Start"
 * into "Continue". The placeholder carries the lesson id and its answer key (`data-answer-key`,
 * JSON). Lessons without saved answers, and every lesson when storage is unreadable, stay as built.
 */
export function showQuizProgress(): void {
  const progress = readProgress(browserStorage());
  for (const badge of document.querySelectorAll<HTMLElement>('[data-quiz-progress]')) {
    const key = JSON.parse(badge.dataset['answerKey'] ?? '{}') as AnswerKey;
    const score = scoreAgainstKey(savedAnswers(progress, badge.dataset['quizProgress'] ?? ''), key);
    const text = badge.querySelector('[data-progress-text]');
    const bar = badge.querySelector('progress');
    const action = badge.parentElement?.querySelector('[data-progress-action]');
    if (score.answered === 0 || !text || !bar || !action) continue;
    text.textContent = `Quiz: ${score.correct} of ${score.total} right`;
    bar.max = score.total;
    bar.value = score.correct;
    action.textContent = 'Continue';
    badge.hidden = false;
  }
}
