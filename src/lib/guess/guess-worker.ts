/**
 * What one worker of the guessing pool does (`src/workers/guess-secret.worker.ts` only wires it
 * to the worker's messages; the pool tests run it in-thread). It instantiates the kernel the page
 * compiled (the JavaScript one when there is none or it fails), stores the cookie, then tries the
 * chunks of word list it is sent, in the order they came, reporting keys tried now and then, and
 * per chunk how many it tried and the key that matched (as the page shows it, so the page needs
 * no Python-literal code). It never stops on its own: the page terminates it.
 *
 * A chunk's bytes are requested as soon as its message arrives, so while one chunk is tried the
 * browser already reads the next; they are read into buffers this worker reuses, so a list of
 * any size allocates nothing per chunk (fresh buffers would pile up until the next garbage
 * collection, which a worker that allocates next to nothing rarely runs).
 */
import { foundKey } from '../inspector/guess-job.ts';
import { javascriptKernel, setCookie, simdKernel, type GuessKernel } from './kernel.ts';
import type { FromWorker, ToWorker } from './messages.ts';
import { tryChunk } from './word-list-chunk.ts';

/** How often a long chunk (a slow kernel, a long cookie) reports its keys tried so far. */
const PROGRESS_EVERY_MS = 100;

type ChunkMessage = Extract<ToWorker, { type: 'chunk' }>;
type Read =
  | { readonly ok: true; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly reason: string };

/** The worker's message handler; `post` sends a report to the page. */
export function guessWorker(post: (report: FromWorker) => void): (message: ToWorker) => void {
  let kernel: Promise<GuessKernel | null> = Promise.resolve(null);
  // Chunks are tried one after another; each waits for the one before it.
  let queue: Promise<void> = Promise.resolve();
  const spare: ArrayBuffer[] = [];

  const tryOne = async (message: ChunkMessage, reading: Promise<Read>) => {
    const ready = await kernel;
    const read = await reading;
    if (ready === null) return;
    if (!read.ok) {
      post({ type: 'failed', message: `A word list could not be read (${read.reason}).` });
      return;
    }
    let reported = performance.now();
    const onBatch = (tried: number) => {
      const now = performance.now();
      if (now - reported < PROGRESS_EVERY_MS) return;
      reported = now;
      post({ type: 'progress', tried });
    };
    // tryChunk copies the bytes into the kernel's memory first, so the buffer is free after it.
    const { tried, found } = tryChunk(ready, read.bytes, message.opening, message.reading, onBatch);
    spare.push(read.bytes.buffer as ArrayBuffer);
    post({ type: 'tried', tried, found: found === null ? null : foundKey(found) });
  };

  return (message) => {
    if (message.type === 'init') {
      kernel = start(message.module, message.signedPart, message.signature, post);
      return;
    }
    const reading = readChunk(message.blob, message.length, spare);
    queue = queue.then(() => tryOne(message, reading));
  };
}

async function start(
  module: WebAssembly.Module | null,
  signedPart: Uint8Array,
  signature: Uint8Array,
  post: (report: FromWorker) => void,
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
    post({ type: 'failed', message: `The guessing code could not start (${reasonOf(error)}).` });
    return null;
  }
}

/**
 * The `length` bytes of `blob`, read into a buffer from `spare` (or a new one when none is big
 * enough) with a BYOB reader; `blob.arrayBuffer()` where the browser's Blob streams cannot read
 * into a given buffer. Never rejects.
 */
export async function readChunk(blob: Blob, length: number, spare: ArrayBuffer[]): Promise<Read> {
  try {
    let reader: ReadableStreamBYOBReader;
    try {
      reader = blob.stream().getReader({ mode: 'byob' });
    } catch {
      return { ok: true, bytes: new Uint8Array(await blob.arrayBuffer()) };
    }
    let buffer = spare.pop() ?? new ArrayBuffer(length);
    if (buffer.byteLength < length) buffer = new ArrayBuffer(length);
    let filled = 0;
    while (filled < length) {
      const { value, done } = await reader.read(new Uint8Array(buffer, filled, length - filled));
      // The read hands the buffer back (the view it was given is detached).
      if (value !== undefined) {
        buffer = value.buffer as ArrayBuffer;
        filled += value.byteLength;
      }
      if (done) break;
    }
    reader.releaseLock();
    if (filled !== length) {
      spare.push(buffer);
      return { ok: false, reason: 'it changed or shrank while being read' };
    }
    return { ok: true, bytes: new Uint8Array(buffer, 0, length) };
  } catch (error) {
    return { ok: false, reason: reasonOf(error) };
  }
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
