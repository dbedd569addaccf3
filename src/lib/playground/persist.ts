import type { PlaygroundState } from './state.ts';

/**
 * Where the playground keeps its state for the tab (sessionStorage), so that following its own
 * links and pressing Back brings back the rows, jar, clock and settings. The stored text is
 * `{"version": STORED_VERSION, "state": PlaygroundState}`; `savedState` reads it back for this
 * version only, and `restore.ts` discards a state of the wrong shape.
 */
export const STORAGE_KEY = 'playground:flask-session';

/** Bump when `PlaygroundState` changes shape: older saved states are then discarded. */
export const STORED_VERSION = 1;

/** The tab's session storage, or null where the browser blocks it (some private modes). */
function storage(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}

/**
 * Saves `state` (null forgets it). The last request's trace is left out: it holds Python values
 * JSON cannot carry (bytes, tuples, big integers); a restored exchange has an empty trace. Storage
 * that is full or blocked only loses the copy.
 */
export function saveState(state: PlaygroundState | null): void {
  try {
    if (state === null) {
      storage()?.removeItem(STORAGE_KEY);
      return;
    }
    const last = state.last && { ...state.last, trace: [] };
    const saved = { version: STORED_VERSION, state: { ...state, last } };
    storage()?.setItem(STORAGE_KEY, JSON.stringify(saved));
  } catch {
    // quota exceeded or storage blocked: the playground still works, it just is not kept
  }
}

/**
 * The state saved for this tab, parsed but not yet checked (`validState` in `restore.ts` does),
 * or null when there is none, storage is blocked, the text is not JSON or another version saved it.
 */
export function savedState(): unknown {
  try {
    const saved: unknown = JSON.parse(storage()?.getItem(STORAGE_KEY) ?? 'null');
    return typeof saved === 'object' && saved !== null && 'version' in saved && 'state' in saved
      ? saved.version === STORED_VERSION
        ? saved.state
        : null
      : null;
  } catch {
    return null;
  }
}
