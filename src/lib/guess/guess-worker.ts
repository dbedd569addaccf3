/**
 * What one worker of the guessing pool does (`src/workers/guess-secret.worker.ts` only wires it
 * to the worker's messages; the pool tests run it in-thread). It instantiates the kernel the page
 * compiled (the JavaScript one when there is none or it fails), stores the cookie, then tries the
 * chunks of word list it is sent, in the order they came, reporting keys tried now and then, and
 * per chunk how many it tried and the key that matched (as the page shows it, so the page needs
 * no Python-literal code), handing the chunk's buffer back. It never stops on its own: the page
 * terminates it.
 */
import { foundKey } from '../inspector/guess-job.ts';
import { javascriptKernel, setCookie, simdKernel, type GuessKernel } from './kernel.ts';
import type { FromWorker, ToWorker } from './messages.ts';
import { tryChunk } from './word-list-chunk.ts';

/** How often a long chunk (a slow kernel, a long cookie) reports its keys tried so far. */
const PROGRESS_EVERY_MS = 100;

/** Sends a report to the page, transferring `transfer`. */
export type Post = (report: FromWorker, transfer?: Transferable[]) => void;

/** The worker's message handler. */
export function guessWorker(post: Post): (message: ToWorker) => void {
  let kernel: Promise<GuessKernel | null> = Promise.resolve(null);
  // Chunks are tried one after another, each once the kernel is ready.
  let queue: Promise<void> = Promise.resolve();

  const tryOne = async (message: Extract<ToWorker, { type: 'chunk' }>) => {
    const ready = await kernel;
    if (ready === null) return;
    let reported = performance.now();
    const onBatch = (tried: number) => {
      const now = performance.now();
      if (now - reported < PROGRESS_EVERY_MS) return;
      reported = now;
      post({ type: 'progress', tried });
    };
    const { bytes, opening, reading } = message;
    // tryChunk copies the bytes into the kernel's memory first, so the buffer is free after it.
    const { tried, found } = tryChunk(ready, bytes, opening, reading, onBatch);
    const buffer = bytes.buffer as ArrayBuffer;
    post({ type: 'tried', tried, found: found === null ? null : foundKey(found), buffer }, [
      buffer,
    ]);
  };

  return (message) => {
    if (message.type === 'init') {
      kernel = start(message.module, message.signedPart, message.signature, post);
    } else {
      queue = queue.then(() => tryOne(message));
    }
  };
}

async function start(
  module: WebAssembly.Module | null,
  signedPart: Uint8Array,
  signature: Uint8Array,
  post: Post,
): Promise<GuessKernel | null> {
  try {
    const kernel =
      module === null
        ? javascriptKernel()
        : await simdKernel(module).catch(() => javascriptKernel());
    setCookie(kernel, signedPart, signature);
    post({ type: 'ready', kernel: kernel.name });
    return kernel;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    post({ type: 'failed', message: `The guessing code could not start (${reason}).` });
    return null;
  }
}
