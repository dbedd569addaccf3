/**
 * The two guessing kernels behind one interface: WebAssembly SIMD (four keys per vector) and
 * the generated straight-line JavaScript fallback. Both read the same memory layout
 * (`layout.ts`): the cookie's signature and the signed part's precomputed schedule, then per
 * call up to {@link BATCH_KEYS} keys given by their byte ranges.
 *
 * A guess is what itsdangerous does for Flask's session (`Signer.derive_key` with
 * `key_derivation="hmac"`, salt `b"cookie-session"`, SHA-1; then `Signer.get_signature`):
 * `HMAC-SHA1(HMAC-SHA1(candidate, b"cookie-session"), signed_part) == signature`.
 */
import * as blocks from './blocks.generated.ts';
import {
  BATCH_KEYS,
  CHUNK,
  ENDS,
  LANES,
  MAX_SCHEDULE_BLOCKS,
  PAGE,
  SCHEDULE,
  SCHEDULE_BLOCKS,
  SIGNATURE,
  STARTS,
} from './layout.ts';
import { expandSchedule, roundConstant } from './sha1.ts';

export { BATCH_KEYS };

export type KernelName = 'WebAssembly SIMD' | 'JavaScript';

export interface GuessKernel {
  readonly name: KernelName;
  /** The kernel's memory; a new view after {@link reserve} grew it. */
  bytes(): Uint8Array;
  /** Makes room for `size` bytes of word list at `CHUNK`. */
  reserve(size: number): void;
  /**
   * Tries the `count` (1 to {@link BATCH_KEYS}) keys whose byte ranges are at STARTS/ENDS,
   * each at most 64 bytes; returns the index of the first that signs the cookie, or -1.
   */
  tryKeys(count: number): number;
}

/** A signed part this long would not fit the kernels' schedule area (16,384-byte cookies do). */
export const MAX_SIGNED_PART_BYTES = MAX_SCHEDULE_BLOCKS * 64 - 9;

/**
 * Stores the cookie to guess against: its signed part (everything before the last `.`, as
 * bytes) and its 20-byte signature. The signed part's blocks follow a 64-byte pad block, so its
 * SHA-1 padding counts 64 more bytes; their schedules (W[t] + K[t]) do not depend on the key.
 */
export function setCookie(kernel: GuessKernel, signedPart: Uint8Array, signature: Uint8Array) {
  if (signature.length !== 20) throw new RangeError('an HMAC-SHA1 signature is 20 bytes');
  if (signedPart.length > MAX_SIGNED_PART_BYTES) {
    throw new RangeError(`signed part over ${MAX_SIGNED_PART_BYTES} bytes`);
  }
  const blockCount = Math.ceil((signedPart.length + 9) / 64);
  const padded = new Uint8Array(blockCount * 64);
  padded.set(signedPart);
  padded[signedPart.length] = 0x80;
  const padView = new DataView(padded.buffer);
  const bits = (64 + signedPart.length) * 8;
  padView.setUint32(padded.length - 8, Math.floor(bits / 2 ** 32));
  padView.setUint32(padded.length - 4, bits >>> 0);
  const words = new Int32Array(kernel.bytes().buffer);
  const signatureView = new DataView(signature.buffer, signature.byteOffset, 20);
  for (let i = 0; i < 5; i++) words[SIGNATURE / 4 + i] = signatureView.getInt32(i * 4);
  words[SCHEDULE_BLOCKS / 4] = blockCount;
  for (let b = 0; b < blockCount; b++) {
    const block = Array.from({ length: 16 }, (_, i) => padView.getInt32(b * 64 + i * 4));
    expandSchedule(block).forEach((w, t) => {
      words[SCHEDULE / 4 + b * 80 + t] = (w + roundConstant(t)) | 0;
    });
  }
}

/** Instantiates the SIMD kernel from its compiled module (`src/assets/guess-kernel.wasm`). */
export async function simdKernel(module: WebAssembly.Module): Promise<GuessKernel> {
  const instance = await WebAssembly.instantiate(module);
  const memory = instance.exports['memory'] as WebAssembly.Memory;
  const tryKeys = instance.exports['try_keys'] as (count: number) => number;
  let view = new Uint8Array(memory.buffer);
  return {
    name: 'WebAssembly SIMD',
    bytes: () => view,
    reserve(size) {
      const missing = CHUNK + size - memory.buffer.byteLength;
      if (missing > 0) {
        memory.grow(Math.ceil(missing / PAGE));
        view = new Uint8Array(memory.buffer);
      }
    },
    tryKeys,
  };
}

/** The fallback kernel: the same memory layout in an `ArrayBuffer`, scalar JavaScript. */
export function javascriptKernel(): GuessKernel {
  let view = new Uint8Array(CHUNK + 1024 * 1024);
  let data = new DataView(view.buffer);
  let words = new Int32Array(view.buffer);
  const out = blocks.out;
  return {
    name: 'JavaScript',
    bytes: () => view,
    reserve(size) {
      if (CHUNK + size <= view.length) return;
      const grown = new Uint8Array(Math.ceil((CHUNK + size) / PAGE) * PAGE);
      grown.set(view.subarray(0, CHUNK));
      view = grown;
      data = new DataView(view.buffer);
      words = new Int32Array(view.buffer);
    },
    tryKeys(count) {
      const blockCount = words[SCHEDULE_BLOCKS / 4]!;
      const target0 = words[SIGNATURE / 4]!;
      for (let i = 0; i < count; i++) {
        view.fill(0, LANES, LANES + 64);
        view.copyWithin(LANES, words[STARTS / 4 + i]!, words[ENDS / 4 + i]!);
        const k0 = data.getInt32(LANES);
        const k1 = data.getInt32(LANES + 4);
        const k2 = data.getInt32(LANES + 8);
        const k3 = data.getInt32(LANES + 12);
        const k4 = data.getInt32(LANES + 16);
        const k5 = data.getInt32(LANES + 20);
        const k6 = data.getInt32(LANES + 24);
        const k7 = data.getInt32(LANES + 28);
        const k8 = data.getInt32(LANES + 32);
        const k9 = data.getInt32(LANES + 36);
        const k10 = data.getInt32(LANES + 40);
        const k11 = data.getInt32(LANES + 44);
        const k12 = data.getInt32(LANES + 48);
        const k13 = data.getInt32(LANES + 52);
        const k14 = data.getInt32(LANES + 56);
        const k15 = data.getInt32(LANES + 60);
        // derived = HMAC(candidate, salt)
        blocks.ipadKey(k0, k1, k2, k3, k4, k5, k6, k7, k8, k9, k10, k11, k12, k13, k14, k15);
        blocks.saltBlock(out[0]!, out[1]!, out[2]!, out[3]!, out[4]!);
        const i0 = out[0]!,
          i1 = out[1]!,
          i2 = out[2]!,
          i3 = out[3]!,
          i4 = out[4]!;
        blocks.opadKey(k0, k1, k2, k3, k4, k5, k6, k7, k8, k9, k10, k11, k12, k13, k14, k15);
        blocks.digestBlock(out[0]!, out[1]!, out[2]!, out[3]!, out[4]!, i0, i1, i2, i3, i4);
        const d0 = out[0]!,
          d1 = out[1]!,
          d2 = out[2]!,
          d3 = out[3]!,
          d4 = out[4]!;
        // signature = HMAC(derived, signed part)
        blocks.ipadDigest(d0, d1, d2, d3, d4);
        for (let b = 0; b < blockCount; b++) {
          blocks.scheduleBlock(
            out[0]!,
            out[1]!,
            out[2]!,
            out[3]!,
            out[4]!,
            words,
            SCHEDULE / 4 + b * 80,
          );
        }
        const s0 = out[0]!,
          s1 = out[1]!,
          s2 = out[2]!,
          s3 = out[3]!,
          s4 = out[4]!;
        blocks.opadDigest(d0, d1, d2, d3, d4);
        blocks.digestBlock(out[0]!, out[1]!, out[2]!, out[3]!, out[4]!, s0, s1, s2, s3, s4);
        if (out[0] === target0 && sameSignature(out, words)) return i;
      }
      return -1;
    },
  };
}

function sameSignature(digest: Int32Array, words: Int32Array): boolean {
  for (let i = 1; i < 5; i++) if (digest[i] !== words[SIGNATURE / 4 + i]) return false;
  return true;
}
