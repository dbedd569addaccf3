/**
 * The Web Worker that runs the learner's Flask app on Pyodide. It only wires the runtime
 * (`src/lib/python/runtime.ts`) to messages (`src/lib/python/protocol.ts`): boot with a byte
 * count for the progress bar, then seal the network, then answer calls one at a time.
 *
 * The page starts it from a `blob:` URL (see `client.ts`), so the page's Content Security Policy
 * governs it: even code that found a way around the sealed globals could reach no other origin.
 * A script of this worker must therefore be a classic script that `importScripts` can load.
 */
import type { loadPyodide as LoadPyodide } from 'pyodide';
import { FILE_SIZES, FLASK_ZIP, LOCK_FILE } from '../lib/python/assets.ts';
import type { CallOutcome, FromWorker, RuntimeCall, ToWorker } from '../lib/python/protocol.ts';
import { startFlaskRuntime, type FlaskRuntime } from '../lib/python/runtime.ts';
import { sealNetwork } from '../lib/python/seal.ts';

/** The parts of the worker's global scope used here (the DOM typings describe a window). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker): void;
  fetch: typeof fetch;
  importScripts(...urls: string[]): void;
  loadPyodide?: typeof LoadPyodide;
}
const scope = self as unknown as WorkerScope;
const post = (message: FromWorker) => scope.postMessage(message);

let runtime: FlaskRuntime | undefined;

scope.onmessage = (event) => {
  const message = event.data;
  if (message.kind === 'boot') {
    boot(message.indexURL).then(
      (stillReachable) => post({ kind: 'ready', stillReachable }),
      (error: unknown) =>
        post({
          kind: 'boot-failed',
          message: error instanceof Error ? error.message : String(error),
        }),
    );
  } else if (runtime !== undefined) {
    post({ kind: 'result', id: message.id, outcome: answer(runtime, message.call) });
  }
};

function answer(flask: FlaskRuntime, call: RuntimeCall): CallOutcome {
  switch (call.method) {
    case 'loadApp':
      return flask.loadApp(call.source);
    case 'configure':
      return flask.configure(call.config);
    case 'request':
      return flask.request(call.request);
  }
}

/**
 * Downloads and starts Pyodide and Flask, counting received bytes against the known file sizes,
 * then removes the network from this scope. Resolves with the globals still reachable (none).
 */
async function boot(indexURL: string): Promise<string[]> {
  const sizes = (await (await scope.fetch(indexURL + FILE_SIZES)).json()) as Record<string, number>;
  const total = Object.values(sizes).reduce((sum, size) => sum + size, 0);
  let loaded = 0;
  let reported = 0;
  const count = (bytes: number) => {
    loaded += bytes;
    if (loaded - reported >= total / 100 || loaded >= total) {
      reported = loaded;
      post({ kind: 'progress', loaded: Math.min(loaded, total), total });
    }
  };
  const plainFetch = scope.fetch.bind(scope);
  scope.fetch = async (input, init) => {
    const response = await plainFetch(input, init);
    if (!response.ok || response.body === null) return response;
    const counted = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          count(chunk.byteLength);
          controller.enqueue(chunk);
        },
      }),
    );
    // Same status and headers: WebAssembly.instantiateStreaming needs the application/wasm type.
    return new Response(counted, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
  const plainImportScripts = scope.importScripts.bind(scope);
  scope.importScripts = (...urls) => {
    plainImportScripts(...urls);
    for (const url of urls) count(sizes[url.slice(url.lastIndexOf('/') + 1)] ?? 0);
  };

  scope.importScripts(`${indexURL}pyodide.js`);
  if (scope.loadPyodide === undefined) throw new Error('pyodide.js did not define loadPyodide');
  const zipRequest = scope.fetch(indexURL + FLASK_ZIP).then(async (response) => {
    if (!response.ok) throw new Error(`${FLASK_ZIP}: HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  });
  const pyodide = await scope.loadPyodide({
    indexURL,
    lockFileURL: indexURL + LOCK_FILE,
    stdout: () => {},
    stderr: () => {},
  });
  const zip = await zipRequest;
  post({ kind: 'starting' });
  runtime = startFlaskRuntime(pyodide, zip);
  return sealNetwork(scope);
}
