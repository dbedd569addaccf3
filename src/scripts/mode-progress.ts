import { readDone, withModeDone, writePart } from '../lib/progress/modes.ts';
import { browserStorage } from '../lib/progress/storage.ts';

/**
 * Shows the learner's completion marks in the mode switcher (`[data-mode-done]` marks, hidden in
 * the HTML) and wires the "Mark … as done" toggle at the end of a mode page
 * (`[data-mode-complete]`, with the lesson in `data-lesson`). Storage that cannot be read shows
 * no marks; a refused write says so in the page's status line.
 */
export function wireModeProgress(): void {
  const toggle = document.querySelector<HTMLButtonElement>('[data-mode-complete]');
  const lessonId = toggle?.dataset['lesson'];
  const mode = toggle?.dataset['modeComplete'];
  if (!toggle || !lessonId || !mode) return;
  const status = document.querySelector<HTMLElement>('[data-mode-complete-status]');
  const label = toggle.dataset['label'] ?? mode;

  const show = (done: readonly string[]) => {
    for (const mark of document.querySelectorAll<HTMLElement>('[data-mode-done]')) {
      mark.hidden = !done.includes(mark.dataset['modeDone'] ?? '');
    }
    toggle.setAttribute('aria-pressed', String(done.includes(mode)));
  };

  show(readDone(browserStorage(), lessonId));
  toggle.addEventListener('click', () => {
    const isDone = toggle.getAttribute('aria-pressed') !== 'true';
    const done = withModeDone(readDone(browserStorage(), lessonId), mode, isDone);
    const saved = writePart(browserStorage(), lessonId, 'done', done);
    show(done);
    if (status) {
      status.textContent =
        `${label} is ${isDone ? 'marked done' : 'no longer marked done'}.` +
        (saved ? '' : ' This browser does not let the page save it, so it lasts for this visit.');
    }
  });
}
