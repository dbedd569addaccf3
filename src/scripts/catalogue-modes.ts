import { readDone } from '../lib/progress/modes.ts';
import { browserStorage } from '../lib/progress/storage.ts';

/**
 * Marks, on each catalogue card, the learning styles the learner marked done (`[data-mode-marks]`
 * lists, hidden in the HTML, one `li[data-mode]` per mode). A lesson with none done keeps its
 * list hidden, so a new learner sees a plain card.
 */
export function showModeMarks(): void {
  const storage = browserStorage();
  for (const list of document.querySelectorAll<HTMLElement>('[data-mode-marks]')) {
    const done = readDone(storage, list.dataset['modeMarks'] ?? '');
    for (const item of list.querySelectorAll<HTMLElement>('li[data-mode]')) {
      if (!done.includes(item.dataset['mode'] ?? '')) continue;
      item.dataset['done'] = '';
      const state = item.querySelector('[data-mode-state]');
      if (state) state.textContent = '(done)';
      list.hidden = false;
    }
  }
}
