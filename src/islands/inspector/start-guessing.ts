/**
 * Starts a guessing run in the browser: fetches the built-in list, compiles the SIMD kernel
 * once per page (the JavaScript kernel takes over when WebAssembly, SIMD or the download is
 * unavailable or refused), starts one worker per core and hands everything to the pool
 * (`src/lib/guess/pool.ts`). Loaded on the first Start, with the kernel and the workers.
 */
import kernelUrl from '../../assets/guess-kernel.wasm?url';
import weakSecretsUrl from '../../assets/weak-secrets.txt?url';
import { CHUNK_BYTES, totalBytes, type WordListSource } from '../../lib/guess/chunk-reader.ts';
import type { KernelName } from '../../lib/guess/kernel.ts';
import { startPool, type GuessProgress, type PoolRun } from '../../lib/guess/pool.ts';
import { guessCookie } from '../../lib/inspector/guess-job.ts';
import type { KeyReading } from '../../lib/inspector/secret-keys.ts';

export interface GuessRequest {
  readonly cookie: string;
  readonly useBuiltInList: boolean;
  readonly pasted: string;
  readonly file: File | null;
  /** How the lines of the pasted list and the file are read; the built-in list's always `auto`. */
  readonly reading: KeyReading;
}

export interface GuessCallbacks {
  readonly onProgress: (progress: GuessProgress) => void;
  /** The kernel the workers run and how many there are. */
  readonly onKernel: (kernel: KernelName, workers: number) => void;
}

let compiled: Promise<WebAssembly.Module | null> | null = null;

/** The SIMD kernel, compiled once; `null` when this browser cannot or may not run it. */
function compileKernel(): Promise<WebAssembly.Module | null> {
  compiled ??= (async () => {
    try {
      const response = await fetch(kernelUrl);
      if (!response.ok) return null;
      return await WebAssembly.compile(await response.arrayBuffer());
    } catch {
      return null;
    }
  })();
  return compiled;
}

/** A running pool, or why guessing cannot start, in a sentence. */
export async function startGuessing(
  request: GuessRequest,
  callbacks: GuessCallbacks,
): Promise<PoolRun | { readonly message: string }> {
  const cookie = guessCookie(request.cookie);
  if (!cookie.ok) return cookie;
  const sources: WordListSource[] = [];
  if (request.useBuiltInList) {
    const builtIn = await download(weakSecretsUrl);
    if (builtIn === null) {
      return {
        message:
          'The built-in word list could not be downloaded (are you offline?). Untick it to guess with your own list only.',
      };
    }
    sources.push({ blob: builtIn, reading: 'auto' });
  }
  const { reading } = request;
  if (request.pasted !== '') sources.push({ blob: new Blob([request.pasted]), reading });
  if (request.file !== null) sources.push({ blob: request.file, reading });
  const module = await compileKernel();
  // More workers than cores gain nothing, nor more than there are chunks to share.
  const cores = Math.max(1, navigator.hardwareConcurrency || 1);
  const count = Math.max(1, Math.min(cores, Math.ceil(totalBytes(sources) / CHUNK_BYTES)));
  const workers: Worker[] = [];
  try {
    for (let i = 0; i < count; i++) {
      workers.push(
        new Worker(new URL('../../workers/guess-secret.worker.ts', import.meta.url), {
          type: 'module',
        }),
      );
    }
  } catch {
    for (const worker of workers) worker.terminate();
    return { message: 'The guessing code could not be started in this browser.' };
  }
  return startPool({
    sources,
    signedPart: cookie.signedPart,
    signature: cookie.signature,
    module,
    workers,
    clock: () => performance.now(),
    onProgress: callbacks.onProgress,
    onKernel: (kernel) => callbacks.onKernel(kernel, count),
  });
}

async function download(url: string): Promise<Blob | null> {
  try {
    const response = await fetch(url);
    return response.ok ? await response.blob() : null;
  } catch {
    return null;
  }
}
