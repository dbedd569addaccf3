/**
 * Reading saved quiz progress. This module is the minimal reader that both the quiz (through
 * `store.ts`) and the catalogue page's inline script use; it must stay free of imports so the
 * catalogue's script can be inlined (see `store.ts` for the stored shape and its lifecycle).
 */

/** The localStorage key; the suffix is the format version (see `progressVersion`). */
export const progressKey = 'lessons.progress.v1';

/** The format version, also stored in the record; data with any other version is ignored. */
export const progressVersion = 1;

/** The saved answers of one lesson: the checked choice id, by question id. */
export interface LessonProgress {
  answers: Record<string, string>;
}

/** Everything saved: one entry per lesson the learner has answered questions in, by lesson id. */
export interface Progress {
  version: typeof progressVersion;
  lessons: Record<string, LessonProgress>;
}

/** The part of `Storage` reading needs. */
export interface ReadableStorage {
  getItem(key: string): string | null;
}

/**
 * The saved progress, or an empty record when there is none or it cannot be used: storage that is
 * missing or throws, text that is not JSON, another version, or the wrong shape. Lessons whose
 * entry has the wrong shape are left out, as are answers that are not strings. Never throws.
 */
export function readProgress(storage: ReadableStorage | undefined): Progress {
  let raw: unknown;
  try {
    raw = JSON.parse(storage?.getItem(progressKey) ?? 'null');
  } catch {
    raw = undefined;
  }
  const lessons: [string, LessonProgress][] = [];
  if (isRecord(raw) && raw['version'] === progressVersion && isRecord(raw['lessons'])) {
    for (const [lessonId, entry] of Object.entries(raw['lessons'])) {
      if (!isRecord(entry) || !isRecord(entry['answers'])) continue;
      const answers = Object.entries(entry['answers']).filter(
        (answer): answer is [string, string] => typeof answer[1] === 'string',
      );
      lessons.push([lessonId, { answers: Object.fromEntries(answers) }]);
    }
  }
  // fromEntries defines own properties, so a "__proto__" key stays plain data.
  return { version: progressVersion, lessons: Object.fromEntries(lessons) };
}

/** The saved answers of one lesson (empty when it has none). */
export function savedAnswers(progress: Progress, lessonId: string): Record<string, string> {
  return Object.hasOwn(progress.lessons, lessonId) ? progress.lessons[lessonId]!.answers : {};
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
