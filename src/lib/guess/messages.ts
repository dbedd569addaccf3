/** The messages between the page and a guessing worker (`src/workers/guess-secret.worker.ts`). */
import type { ListFormat } from './chunk-reader.ts';
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
      readonly buffer: ArrayBuffer;
      readonly length: number;
      readonly opening: boolean;
      readonly format: ListFormat;
    };

/** A found key: its bytes, and whether Python would hold it as `str` (UTF-8) or `bytes`. */
export interface FoundKey {
  readonly bytes: Uint8Array;
  readonly type: 'str' | 'bytes';
}

/** Worker → page. */
export type FromWorker =
  | { readonly type: 'ready'; readonly kernel: KernelName }
  | { readonly type: 'tried'; readonly tried: number; readonly found: FoundKey | null }
  | { readonly type: 'failed'; readonly message: string };
