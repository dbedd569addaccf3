/** The messages between the page and a guessing worker (`src/workers/guess-secret.worker.ts`). */
import type { FoundKey } from '../inspector/guess-job.ts';
import type { KeyReading } from '../inspector/secret-keys.ts';
import type { KernelName } from './kernel.ts';

/** Page → worker. */
export type ToWorker =
  | {
      readonly type: 'init';
      /** The compiled SIMD kernel, or `null` to use the JavaScript one. */
      readonly module: WebAssembly.Module | null;
      /** The cookie's bytes before its last `.`, and its decoded 20-byte signature. */
      readonly signedPart: Uint8Array;
      readonly signature: Uint8Array;
    }
  | {
      readonly type: 'chunk';
      /** Whole lines of a word list; its buffer is transferred, and handed back when tried. */
      readonly bytes: Uint8Array;
      readonly opening: boolean;
      readonly reading: KeyReading;
    };

/** Worker → page. */
export type FromWorker =
  | { readonly type: 'ready'; readonly kernel: KernelName }
  /** Keys tried so far in the chunk being tried, now and then while it runs. */
  | { readonly type: 'progress'; readonly tried: number }
  /**
   * A chunk is done: all its keys tried, or up to the one that matched. `buffer` is the chunk's
   * buffer, transferred back for the page to read another chunk into.
   */
  | {
      readonly type: 'tried';
      readonly tried: number;
      readonly found: FoundKey | null;
      readonly buffer: ArrayBuffer;
    }
  | { readonly type: 'failed'; readonly message: string };
