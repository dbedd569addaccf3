/** What ordering needs from a lesson entry. */
export interface Orderable {
  id: string;
  data: { order: number };
}

/** Lessons in catalogue order: by `order`, then by id so ties are stable. */
export function sortLessons<T extends Orderable>(lessons: readonly T[]): T[] {
  return [...lessons].sort((a, b) => a.data.order - b.data.order || compareIds(a.id, b.id));
}

/** The lessons before and after `id` in catalogue order (undefined at either end). */
export function neighbours<T extends Orderable>(
  sorted: readonly T[],
  id: string,
): { previous: T | undefined; next: T | undefined } {
  const index = sorted.findIndex((lesson) => lesson.id === id);
  if (index === -1) return { previous: undefined, next: undefined };
  return { previous: sorted[index - 1], next: sorted[index + 1] };
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
