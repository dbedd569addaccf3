/** The part of `Storage` the progress stores need; tests pass an in-memory one. */
export interface ProgressStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/**
 * The browser's localStorage, or undefined where the page may not use it: merely reading
 * `window.localStorage` throws when storage is blocked, and there is none during server rendering.
 * Imports nothing, so inline page scripts can use it.
 */
export function browserStorage(): ProgressStorage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}
