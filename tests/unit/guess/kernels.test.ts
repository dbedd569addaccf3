import { describe, expect, it } from 'vitest';
import { BATCH_KEYS, setCookie, type GuessKernel } from '../../../src/lib/guess/kernel.ts';
import { CHUNK } from '../../../src/lib/guess/layout.ts';
import { placeKey } from '../../../src/lib/guess/word-list-chunk.ts';
import { groups, kernels } from './vectors.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Lays `keys` out at CHUNK and makes them the next batch; returns how many. */
function loadKeys(kernel: GuessKernel, keys: readonly Uint8Array[]): number {
  const size = keys.reduce((sum, key) => sum + key.length, 0);
  kernel.reserve(size);
  const memory = kernel.bytes();
  const words = new Int32Array(memory.buffer);
  let at = CHUNK;
  keys.forEach((key, i) => {
    memory.set(key, at);
    placeKey(memory, words, i, at, at + key.length);
    at += key.length;
  });
  return keys.length;
}

describe.each(kernels)('%s kernel', (_name, make) => {
  it(`finds each of ${groups.length * 30} keys among others by its itsdangerous signature`, async () => {
    const kernel = await make();
    let checked = 0;
    for (const group of groups) {
      const keys = group.keys.map((k) => k.key);
      for (const [j, { key, signature }] of group.keys.entries()) {
        setCookie(kernel, group.signedPart, signature);
        const count = loadKeys(kernel, keys);
        // The first key with these bytes (the groups repeat the empty key).
        const expected = keys.findIndex((k) => Buffer.compare(k, key) === 0);
        expect(expected).toBeLessThanOrEqual(j);
        expect(kernel.tryKeys(count)).toBe(expected);
        checked += 1;
      }
    }
    expect(checked).toBe(3000);
  });

  it('finds nothing when no key signed the cookie', async () => {
    const kernel = await make();
    const group = groups[7]!;
    setCookie(kernel, group.signedPart, group.keys[1]!.signature);
    const others = group.keys.filter((_, i) => i !== 1).map((k) => k.key);
    expect(kernel.tryKeys(loadKeys(kernel, others))).toBe(-1);
  });

  // One batch of distinct wrong keys with the right one in each lane of the first and the last
  // group of four, and in a short last group (whose empty lanes repeat the last key).
  const decoys = Array.from({ length: BATCH_KEYS }, (_, i) => utf8(`decoy-${i}`));
  const { signedPart, keys } = groups[3]!;
  const right = keys[5]!;
  it.each([0, 1, 2, 3, 4092, 4093, 4094, 4095])(
    'reports the key at index %i of a full batch (each lane of the first and last group of four)',
    async (index) => {
      const kernel = await make();
      setCookie(kernel, signedPart, right.signature);
      const batch = decoys.with(index, right.key);
      expect(kernel.tryKeys(loadKeys(kernel, batch))).toBe(index);
    },
  );

  it.each([1, 2, 3, 4093, 4094, 4095])(
    'handles a batch of %i keys ending in the right one',
    async (count) => {
      const kernel = await make();
      setCookie(kernel, signedPart, right.signature);
      const batch = [...decoys.slice(0, count - 1), right.key];
      expect(kernel.tryKeys(loadKeys(kernel, batch))).toBe(count - 1);
      expect(kernel.tryKeys(loadKeys(kernel, decoys.slice(0, count)))).toBe(-1);
    },
  );

  it('reports the first of two matching keys in one group of four', async () => {
    const kernel = await make();
    setCookie(kernel, signedPart, right.signature);
    const batch = [decoys[0]!, decoys[1]!, right.key, right.key, decoys[2]!];
    expect(kernel.tryKeys(loadKeys(kernel, batch))).toBe(2);
    const split = [decoys[0]!, right.key, decoys[1]!, decoys[2]!, right.key];
    expect(kernel.tryKeys(loadKeys(kernel, split))).toBe(1);
  });
});
