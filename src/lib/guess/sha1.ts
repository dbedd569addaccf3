/** SHA-1's constants and message schedule (FIPS 180-4, section 6.1), as plain 32-bit integers. */

/** The initial hash value H(0). */
export const IV: readonly number[] = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];

const K = [0x5a827999, 0x6ed9eba1, 0x8f1bbcdc, 0xca62c1d6];

/** K[t] for round t (0 ≤ t < 80), as a signed 32-bit integer. */
export const roundConstant = (t: number): number => K[Math.floor(t / 20)]! | 0;

/** Rotates a 32-bit word left by `n` bits. */
export const rotl = (x: number, n: number): number => (x << n) | (x >>> (32 - n));

/** The 80 schedule words W[t] of a 16-word block. */
export function expandSchedule(block: ArrayLike<number>): number[] {
  const w = Array.from(block);
  for (let t = 16; t < 80; t++) w.push(rotl(w[t - 3]! ^ w[t - 8]! ^ w[t - 14]! ^ w[t - 16]!, 1));
  return w;
}
