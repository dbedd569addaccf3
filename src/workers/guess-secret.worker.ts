/**
 * One worker of the guessing pool (`src/lib/guess/pool.ts`): it instantiates the kernel the
 * page compiled (or the JavaScript one when there is none or it fails), stores the cookie, then
 * tries each chunk of word list it is sent and reports how many keys it tried and the key that
 * matched, if any (as the page shows it, so the page needs no Python-literal code). It never stops on its own: the page terminates it.
 */
import { javascriptKernel, setCookie, simdKernel, type GuessKernel } from '../lib/guess/kernel.ts';
import type { FromWorker, ToWorker } from '../lib/guess/messages.ts';
import { foundKey } from '../lib/inspector/guess-job.ts';
import { tryChunk } from '../lib/guess/word-list-chunk.ts';

/** The parts of the worker's global scope used here (the DOM typings describe a window). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  postMessage(report: FromWorker): void;
}
const scope = self as unknown as WorkerScope;

let kernel: GuessKernel | null = null;

/** How often a long chunk (a slow kernel, a long cookie) reports its keys tried so far. */
const PROGRESS_EVERY_MS = 100;

scope.onmessage = ({ data }) => {
  if (data.type === 'init') void start(data.module, data.signedPart, data.signature);
  else void tryBlob(data);
};

async function tryBlob(data: Extract<ToWorker, { type: 'chunk' }>) {
  if (kernel === null) return;
  let chunk: Uint8Array;
  try {
    chunk = new Uint8Array(await data.blob.arrayBuffer());
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    scope.postMessage({ type: 'failed', message: `A word list could not be read (${reason}).` });
    return;
  }
  let reported = performance.now();
  const onBatch = (tried: number) => {
    const now = performance.now();
    if (now - reported < PROGRESS_EVERY_MS) return;
    reported = now;
    scope.postMessage({ type: 'progress', tried });
  };
  const { tried, found } = tryChunk(kernel, chunk, data.opening, data.reading, onBatch);
  scope.postMessage({ type: 'tried', tried, found: found === null ? null : foundKey(found) });
}

async function start(
  module: WebAssembly.Module | null,
  signedPart: Uint8Array,
  signature: Uint8Array,
) {
  try {
    kernel =
      module === null
        ? javascriptKernel()
        : await simdKernel(module).catch(() => javascriptKernel());
    setCookie(kernel, signedPart, signature);
    scope.postMessage({ type: 'ready', kernel: kernel.name });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    scope.postMessage({
      type: 'failed',
      message: `The guessing code could not start (${reason}).`,
    });
  }
}
