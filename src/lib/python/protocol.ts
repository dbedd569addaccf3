/** Messages between the page and the Python worker (`src/workers/python.worker.ts`). */
import type { LoadOutcome, PythonError, PythonRequest, RequestOutcome } from './runtime.ts';

/** A call into the runtime, answered by a `result` with the same `id`. */
export type RuntimeCall =
  | { readonly method: 'loadApp'; readonly source: string }
  | { readonly method: 'configure'; readonly config: Readonly<Record<string, unknown>> }
  | { readonly method: 'request'; readonly request: PythonRequest };

export type ConfigureOutcome = { ok: true } | { ok: false; error: PythonError };

export type CallOutcome = LoadOutcome | ConfigureOutcome | RequestOutcome;

export type ToWorker =
  /** Start Pyodide from `indexURL` (absolute, ends with `/`): the runtime folder of the site. */
  | { readonly kind: 'boot'; readonly indexURL: string }
  | { readonly kind: 'call'; readonly id: number; readonly call: RuntimeCall };

export type FromWorker =
  /** Bytes of the runtime's files received so far, of `total` (uncompressed sizes). */
  | { readonly kind: 'progress'; readonly loaded: number; readonly total: number }
  | { readonly kind: 'starting' }
  /** Booted, Flask imported, the network sealed (`stillReachable` lists what could not be removed). */
  | { readonly kind: 'ready'; readonly stillReachable: readonly string[] }
  | { readonly kind: 'boot-failed'; readonly message: string }
  | { readonly kind: 'result'; readonly id: number; readonly outcome: CallOutcome };
