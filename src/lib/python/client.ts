/**
 * The page's side of the Python worker: starts it from a `blob:` URL so the page's Content
 * Security Policy governs it, boots it with a time limit, sends calls one at a time, and
 * terminates and restarts it when it stops answering (a loop inside C code, which the Python
 * watchdog cannot interrupt) or dies (memory exhausted). After a restart the last program and
 * config are loaded again before the next call, so the learner only sees a sentence.
 */
import type { CallOutcome, FromWorker, RuntimeCall, ToWorker } from './protocol.ts';
import type { LoadOutcome, PythonError, PythonRequest, RequestOutcome } from './runtime.ts';

export interface PythonWorkerOptions {
  /** URL of the built worker script (a classic script). */
  readonly workerScript: string;
  /** Absolute URL of the runtime folder (`pythonAssetBase`), ending with `/`. */
  readonly indexURL: string;
  /** Boot time limit, ms: `loadPyodide()` never settles when WebAssembly is refused. */
  readonly bootTimeoutMs?: number;
  /** Time limit for one call, ms, past Python's own 2 s watchdog. */
  readonly callTimeoutMs?: number;
  /** Download progress in bytes (uncompressed), then `starting` while Python imports Flask. */
  readonly onProgress?: (progress: BootProgress) => void;
}

export type BootProgress =
  | { readonly stage: 'download'; readonly loaded: number; readonly total: number }
  | { readonly stage: 'starting' };

export type BootOutcome =
  { readonly ok: true; readonly ms: number } | { readonly ok: false; readonly message: string };

/** Errors that come from stopping the worker rather than from Python. */
export type WorkerStopped = PythonError & { readonly type: 'WorkerStopped' };

const DEFAULT_BOOT_TIMEOUT_MS = 60_000;
const DEFAULT_CALL_TIMEOUT_MS = 5_000;

function stopped(message: string): { ok: false; error: WorkerStopped; output: string } {
  return {
    ok: false,
    error: { type: 'WorkerStopped', message, line: null, traceback: '' },
    output: '',
  };
}

/** Starts a classic worker from a `blob:` URL that imports `script` (absolute, same origin). */
export function startSandboxedWorker(script: string): Worker {
  const source = `importScripts(${JSON.stringify(script)});`;
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  const worker = new Worker(url, { name: 'python' });
  // The worker has fetched its script once it first speaks; the URL is not needed after.
  const revoke = () => URL.revokeObjectURL(url);
  worker.addEventListener('message', revoke, { once: true });
  worker.addEventListener('error', revoke, { once: true });
  return worker;
}

export class PythonWorker {
  private worker: Worker | undefined;
  private booting: Promise<BootOutcome> | undefined;
  private nextId = 1;
  private queue: Promise<unknown> = Promise.resolve();
  private program: string | undefined;
  private config: Readonly<Record<string, unknown>> | undefined;
  private readonly options: PythonWorkerOptions;

  constructor(options: PythonWorkerOptions) {
    this.options = options;
  }

  /** Boots the worker (once; again after a restart). Never rejects. */
  start(): Promise<BootOutcome> {
    this.booting ??= this.boot();
    return this.booting;
  }

  /** Loads the learner's program; remembered and loaded again after a restart. */
  loadApp(source: string): Promise<LoadOutcome> {
    this.program = source;
    this.config = undefined;
    return this.call({ method: 'loadApp', source }) as Promise<LoadOutcome>;
  }

  /** `app.config.update(config)`; remembered and applied again after a restart. */
  configure(config: Readonly<Record<string, unknown>>): Promise<CallOutcome> {
    this.config = { ...this.config, ...config };
    return this.call({ method: 'configure', config });
  }

  request(request: PythonRequest): Promise<RequestOutcome> {
    return this.call({ method: 'request', request }) as Promise<RequestOutcome>;
  }

  /** Ends the worker; a later call boots a new one. */
  stop(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.booting = undefined;
  }

  private boot(): Promise<BootOutcome> {
    const started = performance.now();
    const { bootTimeoutMs = DEFAULT_BOOT_TIMEOUT_MS } = this.options;
    return new Promise<BootOutcome>((resolve) => {
      let worker: Worker;
      try {
        worker = startSandboxedWorker(this.options.workerScript);
      } catch {
        resolve({ ok: false, message: 'This browser refused to start a Web Worker for Python.' });
        return;
      }
      this.worker = worker;
      const fail = (message: string) => {
        clearTimeout(timer);
        this.stop();
        resolve({ ok: false, message });
      };
      const timer = setTimeout(
        () =>
          fail(
            `Python did not start within ${Math.round(bootTimeoutMs / 1000)} seconds. The browser may ` +
              'block WebAssembly on this page, or the download stalled; reload the page to try again.',
          ),
        bootTimeoutMs,
      );
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        fail('Python could not be started in this browser (the worker failed to load).');
      });
      worker.addEventListener('message', (event: MessageEvent<FromWorker>) => {
        const message = event.data;
        if (message.kind === 'progress') {
          this.options.onProgress?.({
            stage: 'download',
            loaded: message.loaded,
            total: message.total,
          });
        } else if (message.kind === 'starting') {
          this.options.onProgress?.({ stage: 'starting' });
        } else if (message.kind === 'boot-failed') {
          fail(`Python could not be started: ${message.message}`);
        } else if (message.kind === 'ready') {
          clearTimeout(timer);
          resolve(
            message.stillReachable.length === 0
              ? { ok: true, ms: performance.now() - started }
              : {
                  ok: false,
                  message: 'Python was stopped: its worker could not be cut off from the network.',
                },
          );
        }
      });
      worker.postMessage({ kind: 'boot', indexURL: this.options.indexURL } satisfies ToWorker);
    });
  }

  /** Queues a call: calls run one at a time, in order. */
  private call(call: RuntimeCall): Promise<CallOutcome> {
    const next = this.queue.then(() => this.send(call));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async send(call: RuntimeCall): Promise<CallOutcome> {
    const wasRunning = this.worker !== undefined;
    const booted = await this.start();
    if (!booted.ok) return stopped(booted.message);
    if (!wasRunning && call.method !== 'loadApp' && this.program !== undefined) {
      // A restarted worker lost the program and config: load them again first.
      await this.exchange({ method: 'loadApp', source: this.program });
      if (this.config !== undefined)
        await this.exchange({ method: 'configure', config: this.config });
    }
    return this.exchange(call);
  }

  /** One message to the worker and its answer, or a restart when it does not answer in time. */
  private exchange(call: RuntimeCall): Promise<CallOutcome> {
    const worker = this.worker;
    if (worker === undefined) return Promise.resolve(stopped('Python is not running.'));
    const id = this.nextId++;
    const { callTimeoutMs = DEFAULT_CALL_TIMEOUT_MS } = this.options;
    return new Promise<CallOutcome>((resolve) => {
      const finish = (outcome: CallOutcome) => {
        clearTimeout(timer);
        worker.removeEventListener('message', onMessage);
        worker.removeEventListener('error', onError);
        resolve(outcome);
      };
      const restart = (message: string) => {
        this.stop();
        finish(stopped(message));
      };
      const onMessage = (event: MessageEvent<FromWorker>) => {
        if (event.data.kind === 'result' && event.data.id === id) finish(event.data.outcome);
      };
      const onError = (event: ErrorEvent) => {
        event.preventDefault();
        restart(
          'Python crashed (it may have run out of memory), so it was stopped; it restarts with ' +
            'your program on the next request.',
        );
      };
      const timer = setTimeout(
        () =>
          restart(
            `Your app did not answer within ${callTimeoutMs / 1000} seconds, probably stuck in a loop ` +
              'inside Python’s own C code, which cannot be interrupted. Python was stopped; it ' +
              'restarts with your program on the next request.',
          ),
        callTimeoutMs,
      );
      worker.addEventListener('message', onMessage);
      worker.addEventListener('error', onError);
      worker.postMessage({ kind: 'call', id, call } satisfies ToWorker);
    });
  }
}
