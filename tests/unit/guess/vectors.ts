/** The kernels under test and the itsdangerous signatures they are tested against. */
import { readFileSync } from 'node:fs';
import { javascriptKernel, simdKernel, type GuessKernel } from '../../../src/lib/guess/kernel.ts';
import vectors from '../../conformance/guess-vectors.json' with { type: 'json' };

export const fromHex = (hex: string) =>
  Uint8Array.from(hex.match(/../g) ?? [], (b) => parseInt(b, 16));

/** Each kernel by name, made fresh per call; the SIMD one from the committed `.wasm`. */
export const kernels: [string, () => Promise<GuessKernel>][] = [
  [
    'WebAssembly SIMD',
    async () => simdKernel(await WebAssembly.compile(readFileSync('src/assets/guess-kernel.wasm'))),
  ],
  ['JavaScript', async () => javascriptKernel()],
];

/** Signed parts, each with 30 keys and the signature itsdangerous made with each. */
export const groups = vectors.groups.map((group) => ({
  signedPart: fromHex(group.signed_part),
  keys: group.keys.map((k) => ({ key: fromHex(k.key), signature: fromHex(k.signature) })),
}));
