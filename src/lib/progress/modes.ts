/**
 * Progress through a lesson's modes, kept in the learner's browser (localStorage) beside the quiz
 * answers; nothing leaves the browser. This module imports only types, so the catalogue's and the
 * mode pages' inline scripts can use it (`storage.ts` gives the browser's storage); each reader
 * parses one part, so a page's script carries only the part it needs.
 *
 * Stored shape, under the key `lessons.modes.v1` (`modesKey`):
 *
 *     { "version": 1,
 *       "lessons": { "<lesson id>": {
 *         "done": ["learn", "why"],                              // modes marked done
 *         "cards": { "<key moment id>": "knew" | "not-yet" },    // Review ratings
 *         "challenge": { "<problem id>": ["b", "a"] } } } }      // Challenge attempts, in order
 *
 * Lifecycle: read when a mode page or the catalogue loads; missing, unreadable or malformed data
 * reads as "nothing yet" (entries of the wrong shape are dropped one by one). Written when the
 * learner marks a mode done or not, rates a card, or answers a Challenge problem; each write
 * starts from a fresh read and replaces one part of one lesson, so everything else is kept. Ids
 * that no longer exist in the lesson are ignored by the pages. A write the browser refuses
 * returns false; the page keeps working for this visit. Never expires.
 */
import type { ProgressStorage } from './storage.ts';

export const modesKey = 'lessons.modes.v1';

export type CardRating = 'knew' | 'not-yet';

type Readable = Pick<ProgressStorage, 'getItem'> | undefined;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readLessons(storage: Readable): Record<string, unknown> {
  try {
    const raw: unknown = JSON.parse(storage?.getItem(modesKey) ?? 'null');
    if (isRecord(raw) && raw['version'] === 1 && isRecord(raw['lessons'])) return raw['lessons'];
  } catch {
    // unreadable storage or text that is not JSON: start fresh
  }
  return {};
}

/** One part (`done`, `cards`, `challenge`) of a lesson's stored entry, unchecked. */
function readPart(storage: Readable, lessonId: string, part: string): unknown {
  const lessons = readLessons(storage);
  const entry = Object.hasOwn(lessons, lessonId) ? lessons[lessonId] : undefined;
  return isRecord(entry) ? entry[part] : undefined;
}

/** The modes of a lesson marked done (no repeats). Never throws. */
export function readDone(storage: Readable, lessonId: string): string[] {
  const done = readPart(storage, lessonId, 'done');
  return Array.isArray(done)
    ? [...new Set(done.filter((id): id is string => typeof id === 'string'))]
    : [];
}

/** The Review ratings of a lesson's cards, by key moment id. Never throws. */
export function readCards(storage: Readable, lessonId: string): Record<string, CardRating> {
  const cards = readPart(storage, lessonId, 'cards');
  return Object.fromEntries(
    Object.entries(isRecord(cards) ? cards : {}).filter(
      (pair): pair is [string, CardRating] => pair[1] === 'knew' || pair[1] === 'not-yet',
    ),
  );
}

/** The choices tried on each Challenge problem, in order, by problem id. Never throws. */
export function readChallenge(storage: Readable, lessonId: string): Record<string, string[]> {
  const tries = readPart(storage, lessonId, 'challenge');
  return Object.fromEntries(
    Object.entries(isRecord(tries) ? tries : {}).filter(
      (pair): pair is [string, string[]] =>
        Array.isArray(pair[1]) && pair[1].every((choice) => typeof choice === 'string'),
    ),
  );
}

/**
 * Replaces one part of a lesson's entry, keeping its other parts and every other lesson.
 * Returns whether the browser stored it.
 */
export function writePart(
  storage: ProgressStorage | undefined,
  lessonId: string,
  part: 'done' | 'cards' | 'challenge',
  value: unknown,
): boolean {
  if (!storage) return false;
  const lessons = readLessons(storage);
  const entry = Object.hasOwn(lessons, lessonId) ? lessons[lessonId] : undefined;
  const others = Object.entries(lessons).filter(([id]) => id !== lessonId);
  others.push([lessonId, { ...(isRecord(entry) ? entry : {}), [part]: value }]);
  try {
    storage.setItem(modesKey, JSON.stringify({ version: 1, lessons: Object.fromEntries(others) }));
    return true;
  } catch {
    return false;
  }
}

/** `done` with `mode` marked done (or not). */
export function withModeDone(done: readonly string[], mode: string, isDone: boolean): string[] {
  const others = done.filter((id) => id !== mode);
  return isDone ? [...others, mode] : others;
}
