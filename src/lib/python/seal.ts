/**
 * Takes the network away from a JavaScript global scope before learner code runs in it.
 *
 * Python in Pyodide reaches JavaScript through `import js` (the worker's global scope) and
 * `pyodide.code.run_js`; every way out of the worker goes through one of these globals. Inside a
 * `blob:` worker the page's Content Security Policy also applies, so an origin other than the
 * site's own is refused even if something were missed here.
 */

/** Globals that send requests, open connections, or start code that could (workers, scripts). */
export const NETWORK_GLOBALS = [
  'fetch',
  'fetchLater',
  'XMLHttpRequest',
  'WebSocket',
  'WebSocketStream',
  'WebTransport',
  'EventSource',
  'importScripts',
  'Worker',
  'SharedWorker',
  'BroadcastChannel',
  'caches',
] as const;

/**
 * Removes each of `NETWORK_GLOBALS` from `scope` and its prototype chain (Web APIs such as
 * `fetch` live on `WorkerGlobalScope.prototype`), and shadows with `undefined` whatever cannot be
 * deleted. Returns the names still reachable afterwards (none in a browser or Node).
 */
export function sealNetwork(scope: object): string[] {
  for (const name of NETWORK_GLOBALS) {
    for (let owner: object | null = scope; owner !== null; owner = Object.getPrototypeOf(owner)) {
      const descriptor = Object.getOwnPropertyDescriptor(owner, name);
      if (descriptor?.configurable) Reflect.deleteProperty(owner, name);
    }
    if ((scope as Record<string, unknown>)[name] !== undefined) {
      Object.defineProperty(scope, name, {
        value: undefined,
        configurable: false,
        writable: false,
      });
    }
  }
  return NETWORK_GLOBALS.filter((name) => (scope as Record<string, unknown>)[name] !== undefined);
}
