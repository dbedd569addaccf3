import { readCards, writePart, type CardRating } from '../lib/progress/modes.ts';
import { browserStorage } from '../lib/progress/storage.ts';
import { orderNote, reviewOrder } from '../lib/review/order.ts';

const saidAfterRating: Record<CardRating, string> = {
  knew: 'Saved: you knew it. It moves to the end next time.',
  'not-yet': 'Saved: not yet. This card comes first next time.',
};

/**
 * The Review page's cards (`[data-review-cards]`, the lesson id as its value): puts the cards the
 * learner marked "Not yet" first and says so, renumbers them, and saves each "I knew it" / "Not
 * yet" click. The new order applies on the next visit, so cards never jump while being rated.
 */
export function wireReviewCards(): void {
  const list = document.querySelector<HTMLElement>('[data-review-cards]');
  const lessonId = list?.dataset['reviewCards'];
  if (!list || !lessonId) return;
  const items = [...list.querySelectorAll<HTMLElement>(':scope > li[data-card]')];
  const ids = items.map((item) => item.dataset['card'] ?? '');
  const ratings = readCards(browserStorage(), lessonId);

  for (const id of reviewOrder(ids, ratings)) {
    const item = items[ids.indexOf(id)];
    if (item) list.append(item);
  }
  list.querySelectorAll('[data-card-number]').forEach((number, index) => {
    number.textContent = String(index + 1);
  });
  const note = document.querySelector('[data-review-order]');
  if (note) note.textContent = orderNote(ids, ratings);

  for (const item of items) {
    const id = item.dataset['card'] ?? '';
    const buttons = [...item.querySelectorAll<HTMLButtonElement>('[data-rate]')];
    const status = item.querySelector('.card-rating-status');
    const show = (rating: CardRating | undefined) => {
      for (const button of buttons) {
        button.setAttribute('aria-pressed', String(button.dataset['rate'] === rating));
      }
    };
    show(Object.hasOwn(ratings, id) ? ratings[id] : undefined);
    for (const button of buttons) {
      button.addEventListener('click', () => {
        const rating = button.dataset['rate'] as CardRating;
        const saved = writePart(browserStorage(), lessonId, 'cards', {
          ...readCards(browserStorage(), lessonId),
          [id]: rating,
        });
        show(rating);
        if (status) {
          status.textContent = saved
            ? saidAfterRating[rating]
            : 'This browser does not let the page save ratings; it lasts for this visit.';
        }
      });
    }
  }
}
