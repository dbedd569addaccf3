/**
 * The learner's edits of each playground app, kept in this browser (localStorage) so a reload
 * keeps them. Stored as plain text under one key per app; unreadable storage (private mode,
 * blocked cookies) just means edits are not kept.
 */

/** Namespaced by the lesson whose playground apps these are. */
const PREFIX = 'lesson-site:flask-session:python-edit:';

/** Edits longer than this are not saved (the editor still holds them). */
export const MAX_SAVED_CHARS = 100_000;

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function storage(): Store | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** The saved edit of app `appId`, or null when the learner has none. */
export function loadEdit(appId: string, store: Store | null = storage()): string | null {
  try {
    return store?.getItem(PREFIX + appId) ?? null;
  } catch {
    return null;
  }
}

/** Saves an edit; returns whether it was kept. */
export function saveEdit(appId: string, source: string, store: Store | null = storage()): boolean {
  if (store === null || source.length > MAX_SAVED_CHARS) return false;
  try {
    store.setItem(PREFIX + appId, source);
    return true;
  } catch {
    return false;
  }
}

/** "Reset to the lesson's code": the app's saved edit is forgotten. */
export function forgetEdit(appId: string, store: Store | null = storage()): void {
  try {
    store?.removeItem(PREFIX + appId);
  } catch {
    // Nothing was kept, so nothing to forget.
  }
}
