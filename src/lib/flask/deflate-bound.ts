/**
 * Decides, without compressing, that Flask will store a payload uncompressed.
 *
 * itsdangerous keeps `zlib.compress(json)` only when it is at least 2 bytes shorter than `json`.
 * zlib's output is a 2-byte header, a deflate stream padded to whole bytes and a 4-byte Adler-32.
 * For inputs this small, zlib (level 6) writes exactly one deflate block (it only splits blocks
 * after 16383 symbols), choosing the smallest of a stored, a fixed-Huffman and a dynamic-Huffman
 * block. A stored block alone is `len + 5` bytes, never small enough, so it suffices to bound the
 * two Huffman blocks from below, over *every* possible parse of the input into literals and
 * matches (zlib's own parse is one of them). If even that bound is too long, compressing is
 * pointless and pako need not be downloaded.
 *
 * Facts about deflate used below (RFC 1951):
 * - a match copies 3–258 bytes from 1–32768 bytes back, so a byte's first occurrence in the input
 *   is always a literal, and only positions inside some repeated run of ≥ 3 bytes can be matched;
 * - fixed Huffman: literals 0–143 cost 8 bits, 144–255 cost 9, end-of-block 7, a match costs its
 *   7/8-bit length code plus extra bits, plus a 5-bit distance code plus extra bits;
 * - dynamic Huffman: 3 + 5 + 5 + 4 header bits; then 3 bits for each code-length-code length sent,
 *   in the order 16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15, up to the last
 *   one used; then the literal/length and distance code lengths, each code-length symbol costing
 *   at least 1 bit (+2, +3 or +7 extra bits for the run-length symbols 16, 17, 18); then the data,
 *   where every token costs at least 1 bit and a match at least 2 (length and distance codes).
 * - zlib builds complete Huffman codes, so with u used literal/length symbols the shortest code
 *   is at most ⌊log2 u⌋ bits long. The first appearance of a non-zero code length v is sent as
 *   code-length symbol v, whose own length must then be among those sent: for v ≤ 7 that means
 *   at least 20 − 2v of them, and never fewer than 5.
 *
 * The checks run cheapest first and stop as soon as the answer is known; each is a lower bound
 * on its own (a few relaxations, noted where they are made, only make it lower), and the
 * property tests compare every "incompressible" verdict with pako's real output.
 */

/** Above this many input bytes the bound is not computed (its cost grows quadratically). */
export const BOUND_INPUT_LIMIT = 1024;

const ZLIB_WRAPPER_BYTES = 6;
const MAX_MATCH = 258;
const WINDOW = 32768;

/**
 * True when `zlib.compress(json)` provably is not at least 2 bytes shorter than `json`, so Flask
 * stores `json` as it is. False means "cannot tell": compress for real.
 */
export function provablyIncompressible(json: Uint8Array): boolean {
  if (json.length > BOUND_INPUT_LIMIT) return false;
  // Compressed iff 6 + ceil(deflateBits / 8) < len - 1.
  const neededBytes = json.length - 1 - ZLIB_WRAPPER_BYTES;
  // A Huffman block has a 3-bit header and an end-of-block code of at least 7 bits.
  if (neededBytes <= 2) return true;
  const longEnough = (bits: number) => Math.ceil(bits / 8) >= neededBytes;
  if (longEnough(distinctLiteralBits(json))) return true;
  // Any one parse costs at least the bound: if a quick one is short, give up early.
  if (!longEnough(quickParseBits(json))) return false;
  const matches = findMatches(json);
  if (!longEnough(fixedHuffmanBits(json, matches))) return false;
  // The code lengths are the dearest part to bound, so they are added only when needed.
  const dynamic = dynamicHuffmanParts(json, matches);
  return longEnough(dynamic.bits) || longEnough(dynamic.bits + codeLengthBits(dynamic.forced));
}

interface Matches {
  /** Longest match (≥ 3, capped at 258) that can start at each position; 0 if none. */
  readonly longest: Uint16Array;
  /** Smallest distance of any match of ≥ 3 bytes starting at each position; 0 if none. */
  readonly nearest: Uint32Array;
}

/** Longest and nearest earlier repeats for every position, from longest common prefixes. */
function findMatches(data: Uint8Array): Matches {
  const n = data.length;
  const longest = new Uint16Array(n);
  const nearest = new Uint32Array(n);
  // row[j] = common prefix length of data[i..] and data[j..] for j < i, capped at 258;
  // below[] holds the same for i + 1.
  let row = new Uint16Array(n + 1);
  let below = new Uint16Array(n + 1);
  for (let i = n - 1; i >= 0; i--) {
    const byte = data[i];
    let best = 0;
    let closest = 0;
    for (let j = i - 1; j >= 0 && i - j <= WINDOW; j--) {
      const length = data[j] === byte ? Math.min(MAX_MATCH, (below[j + 1] ?? 0) + 1) : 0;
      row[j] = length;
      if (length >= 3) {
        if (closest === 0) closest = i - j;
        if (length > best) best = length;
      }
    }
    longest[i] = best;
    nearest[i] = closest;
    [row, below] = [below, row];
  }
  return { longest, nearest };
}

/** Bits of a length code plus its extra bits in the fixed Huffman code. */
function fixedLengthBits(length: number): number {
  if (length <= 10) return 7;
  if (length <= 18) return 8;
  if (length <= 34) return 9;
  if (length <= 66) return 10;
  if (length <= 114) return 11;
  if (length <= 130) return 12;
  return length === MAX_MATCH ? 8 : 13;
}

/** Extra bits of a distance code (codes 0–3 have none, then one more every two codes). */
function distanceExtraBits(distance: number): number {
  return distance <= 4 ? 0 : 30 - Math.clz32(distance - 1);
}

/**
 * A first, nearly free lower bound: each distinct byte value is a literal at least once, which
 * costs ≥ 8 bits in a fixed block, and ≥ 1 bit after ≥ 32 header bits in a dynamic one.
 */
function distinctLiteralBits(data: Uint8Array): number {
  const seen = new Uint8Array(256);
  let distinct = 0;
  for (let i = 0; i < data.length; i++) {
    const byte = data[i]!;
    if (seen[byte] === 0) {
      seen[byte] = 1;
      distinct++;
    }
  }
  return Math.min(3 + 7 + 8 * distinct, 17 + 15 + distinct + 1);
}

/**
 * Fixed-Huffman bits of one real parse, found in linear time by remembering the last position
 * of each 3-byte sequence (like zlib, but without chains). Its cost is at least the cheapest
 * parse's, so it is a quick way to see that the bound cannot succeed.
 */
function quickParseBits(data: Uint8Array): number {
  const last = new Int32Array(4096); // position + 1 of the last 3-byte sequence with this hash
  const hash = (i: number) =>
    (((data[i] ?? 0) << 6) ^ ((data[i + 1] ?? 0) << 3) ^ (data[i + 2] ?? 0)) & 4095;
  let bits = 3 + 7;
  for (let i = 0; i < data.length;) {
    let length = 0;
    let distance = 0;
    if (i + 3 <= data.length) {
      const candidate = (last[hash(i)] ?? 0) - 1;
      if (candidate >= 0) {
        while (
          length < MAX_MATCH &&
          i + length < data.length &&
          data[candidate + length] === data[i + length]
        ) {
          length++;
        }
        distance = i - candidate;
      }
      last[hash(i)] = i + 1;
    }
    if (length >= 3) {
      bits += fixedLengthBits(length) + 5 + distanceExtraBits(distance);
      for (let k = i + 1; k < i + length && k + 3 <= data.length; k++) last[hash(k)] = k + 1;
      i += length;
    } else {
      bits += (data[i] ?? 0) < 144 ? 8 : 9;
      i++;
    }
  }
  return bits;
}

/** Cheapest fixed-Huffman block over all parses (distances priced at the nearest repeat). */
function fixedHuffmanBits(data: Uint8Array, matches: Matches): number {
  const n = data.length;
  const cost = new Float64Array(n + 1);
  for (let i = n - 1; i >= 0; i--) {
    let best = ((data[i] ?? 0) < 144 ? 8 : 9) + (cost[i + 1] ?? 0);
    const longest = matches.longest[i] ?? 0;
    const distanceBits = 5 + distanceExtraBits(matches.nearest[i] ?? 0);
    for (let length = 3; length <= longest; length++) {
      best = Math.min(best, fixedLengthBits(length) + distanceBits + (cost[i + length] ?? 0));
    }
    cost[i] = best;
  }
  return 3 + (cost[0] ?? 0) + 7;
}

/**
 * A lower bound on any dynamic-Huffman block for `data`, leaving out the code lengths (see
 * {@link codeLengthBits}), and the literal counts every parse must have.
 */
function dynamicHuffmanParts(
  data: Uint8Array,
  matches: Matches,
): { bits: number; forced: Uint32Array } {
  // Positions no match can cover must be literals in every parse; count them per byte value.
  const forced = new Uint32Array(257);
  forced[256] = 1; // end of block
  let tokenBits = 0;
  let coverable = 0;
  let reach = 0;
  let run = 0;
  for (let i = 0; i < data.length; i++) {
    const longest = matches.longest[i] ?? 0;
    if (longest >= 3) reach = Math.max(reach, i + longest);
    if (i < reach) {
      run++;
      continue;
    }
    tokenBits += coverableRunBits(run);
    coverable += run;
    run = 0;
    forced[data[i] ?? 0]! += 1;
  }
  tokenBits += coverableRunBits(run);
  coverable += run;
  // Every token that is not a forced literal sits at a coverable position, so at most
  // `coverable` further symbols are used.
  let usedAtMost = coverable;
  for (let symbol = 0; symbol < forced.length; symbol++) if (forced[symbol]! > 0) usedAtMost++;
  const shortestAtMost = 31 - Math.clz32(usedAtMost); // ⌊log2⌋
  const lengthsSent = shortestAtMost <= 7 ? 20 - 2 * shortestAtMost : 5;
  return { bits: 17 + 3 * lengthsSent + huffmanCost(forced) + tokenBits, forced };
}

/** Fewest bits for `run` matchable positions: literals (≥ 1 bit) or matches (≥ 2 bits each). */
function coverableRunBits(run: number): number {
  let best = run;
  for (let count = 1; count * 3 <= run; count++) {
    best = Math.min(best, 2 * count + Math.max(0, run - MAX_MATCH * count));
  }
  return best;
}

/** Bits of an optimal prefix code for these symbol counts (sum of Huffman merge weights). */
function huffmanCost(counts: Uint32Array): number {
  const leaves: number[] = [];
  for (let symbol = 0; symbol < counts.length; symbol++) {
    if (counts[symbol]! > 0) leaves.push(counts[symbol]!);
  }
  leaves.sort((a, b) => a - b);
  if (leaves.length === 1) return leaves[0] ?? 0;
  const merged: number[] = [];
  let leaf = 0;
  let node = 0;
  const smallest = (): number => {
    const fromLeaves = leaves[leaf] ?? Infinity;
    const fromNodes = merged[node] ?? Infinity;
    if (fromLeaves <= fromNodes) {
      leaf++;
      return fromLeaves;
    }
    node++;
    return fromNodes;
  };
  let cost = 0;
  for (let step = 1; step < leaves.length; step++) {
    const weight = smallest() + smallest();
    merged.push(weight);
    cost += weight;
  }
  return cost;
}

/**
 * Fewer bits than any way of sending the code lengths: 257 literal/length entries (non-zero for
 * the forced symbols) and at least one distance entry. Every code-length symbol costs ≥ 1 bit:
 * a literal length covers one entry, 16 repeats the previous entry 3–6 times (+2 bits), 17 and
 * 18 send 3–10 and 11–138 zeros (+3 and +7 bits) and so only cover non-forced entries. Two
 * relaxations keep this a single cheap pass and can only lower the result: 16 may follow any
 * entry and cover any entries, and 18 may cover a whole gap even beyond 138 entries.
 */
function codeLengthBits(forced: Uint32Array): number {
  const count = forced.length + 1; // the last entry is the distance code's, never forced
  // cost[i]: fewest bits for entries i.. ; gapMin[i]: lowest cost[j] for j from i to the end of
  // the run of non-forced entries containing i.
  const cost = new Int32Array(count + 7);
  const gapMin = new Int32Array(count + 1);
  let free = 0; // non-forced entries from i on
  for (let i = count - 1; i >= 0; i--) {
    free = i < forced.length && forced[i]! > 0 ? 0 : free + 1;
    let best = 1 + cost[i + 1]!;
    if (i > 0) {
      for (let k = 3; k <= 6; k++) if (3 + cost[i + k]! < best) best = 3 + cost[i + k]!;
    }
    const zerosEnd = i + (free < 10 ? free : 10);
    for (let j = i + 3; j <= zerosEnd; j++) if (4 + cost[j]! < best) best = 4 + cost[j]!;
    if (free >= 11 && 8 + gapMin[i + 11]! < best) best = 8 + gapMin[i + 11]!;
    cost[i] = best;
    gapMin[i] = free > 0 && gapMin[i + 1]! < best ? gapMin[i + 1]! : best;
  }
  return cost[0]!;
}
