/**
 * Guessing with a pool of workers: every worker gets the cookie once, then chunks of the word
 * lists, each worker holding {@link CHUNKS_AHEAD} at a time (the one it tries and the next, ready
 * in its queue), and getting the next when it finishes one, so a slow worker never holds up the
 * rest and no worker waits for the disk. Chunks are read only as workers take them, into buffers
 * the workers hand back, so memory stays at a few chunks per worker however large the lists.
 * The first key found ends the run; so does `cancel()`, at once (the workers are terminated, not
 * asked to stop).
 */
import { readChunks, totalBytes, type WordListChunk, type WordListSource } from './chunk-reader.ts';
import type { KernelName } from './kernel.ts';
import type { FoundKey } from '../inspector/guess-job.ts';
import type { FromWorker, ToWorker } from './messages.ts';

/** The parts of a `Worker` the pool uses. */
export interface PoolWorker {
  postMessage(message: ToWorker, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

export interface GuessProgress {
  /** Keys tried so far (as last reported by each worker). */
  readonly tried: number;
  /** Bytes of word list in those chunks, of `totalBytes`. */
  readonly bytesDone: number;
  readonly totalBytes: number;
  /** Milliseconds since the run started. */
  readonly elapsedMs: number;
}

/** How a run ended; a found key's `tried` counts it and the chunks finished before. */
export type GuessOutcome = GuessProgress &
  (
    | { readonly kind: 'found'; readonly key: FoundKey }
    | { readonly kind: 'not-found' | 'cancelled' }
    | { readonly kind: 'failed'; readonly message: string }
  );

export interface PoolOptions {
  readonly sources: readonly WordListSource[];
  readonly signedPart: Uint8Array;
  readonly signature: Uint8Array;
  /** The compiled SIMD kernel, or `null` for the JavaScript one. */
  readonly module: WebAssembly.Module | null;
  readonly workers: readonly PoolWorker[];
  /** Milliseconds from any fixed origin (`performance.now`). */
  readonly clock: () => number;
  readonly onProgress: (progress: GuessProgress) => void;
  /** Called once, with the kernel the first worker runs. */
  readonly onKernel?: (kernel: KernelName) => void;
  /**
   * Least milliseconds between two progress reports; 250 by default: four times a second reads as
   * live, and more often only takes time from the workers.
   */
  readonly progressEveryMs?: number;
  readonly chunkBytes?: number;
}

export interface PoolRun {
  readonly outcome: Promise<GuessOutcome>;
  cancel(): void;
}

/** Chunks each worker holds: the one it tries and the next, waiting in its message queue. */
export const CHUNKS_AHEAD = 2;

export const WORKER_FAILED =
  'The guessing code stopped unexpectedly or could not be downloaded (are you offline?).';

export function startPool(options: PoolOptions): PoolRun {
  const started = options.clock();
  const total = totalBytes(options.sources);
  // Buffers the workers handed back, to read the next chunks into.
  const spare: ArrayBuffer[] = [];
  const chunks = readChunks(options.sources, spare, options.chunkBytes);
  const every = options.progressEveryMs ?? 250;
  let tried = 0;
  let bytesDone = 0;
  let lastReport = -Infinity;
  let busy = 0;
  let listsDone = false;
  let kernelReported = false;
  let finished = false;
  let resolve: (outcome: GuessOutcome) => void = () => {};
  const outcome = new Promise<GuessOutcome>((r) => (resolve = r));
  // Keys tried in the chunk each worker is on, as it last reported.
  const inFlight = new Map<PoolWorker, number>();
  const triedNow = () => [...inFlight.values()].reduce((sum, n) => sum + n, tried);
  const progress = (): GuessProgress => ({
    tried: triedNow(),
    bytesDone,
    totalBytes: total,
    elapsedMs: options.clock() - started,
  });

  const report = () => {
    const now = options.clock();
    if (now - lastReport < every) return;
    lastReport = now;
    options.onProgress(progress());
  };

  const finish = (
    end:
      | { kind: 'found'; key: FoundKey }
      | { kind: 'not-found' | 'cancelled' }
      | { kind: 'failed'; message: string },
  ) => {
    if (finished) return;
    finished = true;
    for (const worker of options.workers) worker.terminate();
    void chunks.return(undefined);
    resolve({ ...progress(), ...end });
  };

  // The byte lengths of the chunks each worker holds, in the order it tries them.
  const held = new Map<PoolWorker, number[]>(options.workers.map((worker) => [worker, []]));
  const feed = async (worker: PoolWorker) => {
    let next: IteratorResult<WordListChunk>;
    try {
      next = await chunks.next();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      finish({ kind: 'failed', message: `A word list could not be read (${reason}).` });
      return;
    }
    if (finished) return;
    if (next.done === true) {
      listsDone = true;
      if (busy === 0) finish({ kind: 'not-found' });
      return;
    }
    const { bytes, opening, reading } = next.value;
    busy += 1;
    held.get(worker)!.push(bytes.length);
    worker.postMessage({ type: 'chunk', bytes, opening, reading }, [bytes.buffer as ArrayBuffer]);
  };

  for (const worker of options.workers) {
    worker.onerror = () => finish({ kind: 'failed', message: WORKER_FAILED });
    worker.onmessage = ({ data }) => {
      if (finished) return;
      if (data.type === 'failed') {
        finish({ kind: 'failed', message: data.message });
      } else if (data.type === 'progress') {
        inFlight.set(worker, data.tried);
        report();
      } else if (data.type === 'ready') {
        if (!kernelReported) options.onKernel?.(data.kernel);
        kernelReported = true;
      } else {
        busy -= 1;
        spare.push(data.buffer);
        tried += data.tried;
        inFlight.set(worker, 0);
        bytesDone += held.get(worker)!.shift() ?? 0;
        if (data.found !== null) {
          finish({ kind: 'found', key: data.found });
          return;
        }
        report();
        if (listsDone) {
          if (busy === 0) finish({ kind: 'not-found' });
        } else {
          void feed(worker);
        }
      }
    };
    worker.postMessage({
      type: 'init',
      module: options.module,
      signedPart: options.signedPart,
      signature: options.signature,
    });
    // The first chunks are read and sent while the worker's kernel starts.
    void (async () => {
      for (let i = 0; i < CHUNKS_AHEAD && !finished; i++) await feed(worker);
    })();
  }
  return { outcome, cancel: () => finish({ kind: 'cancelled' }) };
}
