/**
 * One worker of the guessing pool (`src/lib/guess/pool.ts`): it instantiates the kernel the
 * page compiled (or the JavaScript one when there is none or it fails), stores the cookie, then
 * tries each chunk of word list it is sent and reports how many keys it tried and the key that
 * matched, if any. It never stops on its own: the page terminates it.
 */
import { javascriptKernel, setCookie, simdKernel, type GuessKernel } from '../lib/guess/kernel.ts';
import type { FoundKey, FromWorker, ToWorker } from '../lib/guess/messages.ts';
import { tryChunk } from '../lib/guess/word-list-chunk.ts';

/** The parts of the worker's global scope used here (the DOM typings describe a window). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  postMessage(report: FromWorker): void;
}
const scope = self as unknown as WorkerScope;

let kernel: GuessKernel | null = null;
const utf8 = new TextDecoder('utf-8', { fatal: true });

scope.onmessage = ({ data }) => {
  if (data.type === 'init') {
    void start(data.module, data.signedPart, data.signature);
    return;
  }
  if (kernel === null) return;
  const { tried, found } = tryChunk(
    kernel,
    new Uint8Array(data.buffer, 0, data.length),
    data.opening,
  );
  scope.postMessage({ type: 'tried', tried, found: found === null ? null : asPython(found) });
};

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

/** A line's bytes as Python would hold the key: `str` when they are UTF-8, else `bytes`. */
function asPython(bytes: Uint8Array): FoundKey {
  try {
    utf8.decode(bytes);
    return { bytes, type: 'str' };
  } catch {
    return { bytes, type: 'bytes' };
  }
}
