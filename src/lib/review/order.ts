import type { CardRating } from '../progress/modes.ts';

/**
 * The order to show review cards in: those the learner marked "Not yet" first, then those not
 * rated, then those they knew; the lesson's order within each group. Ratings of ids that are not
 * cards are ignored. Returns the ids in their new order (`ids` itself is not changed).
 */
export function reviewOrder(
  ids: readonly string[],
  ratings: Readonly<Record<string, CardRating>>,
): string[] {
  const rank = (id: string) => {
    const rating = Object.hasOwn(ratings, id) ? ratings[id] : undefined;
    return rating === 'not-yet' ? 0 : rating === 'knew' ? 2 : 1;
  };
  return ids
    .map((id, index) => ({ id, index }))
    .sort((a, b) => rank(a.id) - rank(b.id) || a.index - b.index)
    .map(({ id }) => id);
}

/** What the Review page says about the order it chose, or '' when it kept the lesson's order. */
export function orderNote(ids: readonly string[], ratings: Readonly<Record<string, CardRating>>) {
  const missed = ids.filter((id) => Object.hasOwn(ratings, id) && ratings[id] === 'not-yet');
  if (missed.length === 0) return '';
  return missed.length === 1
    ? 'The card you marked “Not yet” last time comes first.'
    : `The ${missed.length} cards you marked “Not yet” last time come first.`;
}
