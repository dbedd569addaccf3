/**
 * Trying one chunk of a word list: its lines are the candidate keys, exactly as their bytes
 * (Flask encodes a `str` key as UTF-8 and uses `bytes` as they are, so raw lines cover both; no
 * Unicode normalisation). One trailing `\r` per line is dropped, empty lines are skipped (Flask
 * has no session at all with an empty key), and a UTF-8 byte order mark opens a file, not a key.
 */
import { sha1 } from '@noble/hashes/legacy.js';
import { BATCH_KEYS, type GuessKernel } from './kernel.ts';
import { CHUNK, ENDS, LONG_KEYS, STARTS } from './layout.ts';

const NEWLINE = 0x0a;
const RETURN = 0x0d;

/**
 * Turns a line into the key bytes to try, written over the line in place (never longer), or
 * `null` to skip the line. Used for word lists whose lines are Python literals.
 */
export type LineDecoder = (bytes: Uint8Array, start: number, end: number) => number | null;

export interface ChunkResult {
  /** Keys tried, the matching one included. */
  readonly tried: number;
  /** The matching key's bytes (a copy), or `null`. */
  readonly found: Uint8Array | null;
}

/** Whether `bytes` opens with a UTF-8 byte order mark. */
export const startsWithBom = (bytes: Uint8Array) =>
  bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;

/**
 * Makes the key at bytes [start, end) of the kernel's memory (`words` views the same memory) key
 * `index` of the next batch. A key
 * longer than SHA-1's 64-byte block is tried as its digest, which is what HMAC uses as the key.
 */
export function placeKey(
  memory: Uint8Array,
  words: Int32Array,
  index: number,
  start: number,
  end: number,
) {
  if (end - start > 64) {
    const at = LONG_KEYS + index * 20;
    memory.set(sha1(memory.subarray(start, end)), at);
    words[STARTS / 4 + index] = at;
    words[ENDS / 4 + index] = at + 20;
  } else {
    words[STARTS / 4 + index] = start;
    words[ENDS / 4 + index] = end;
  }
}

// Where each key of a batch is in the chunk (a long key is tried as its digest, elsewhere).
const keyStarts = new Int32Array(BATCH_KEYS);
const keyEnds = new Int32Array(BATCH_KEYS);

/**
 * Tries every line of `chunk` (whole lines: the reader cut it after a newline or at the end of
 * the file) with `kernel`, {@link BATCH_KEYS} keys per call, stopping at the first key that
 * signs the cookie. `openingChunk` says the chunk starts a file (its BOM is skipped).
 */
export function tryChunk(
  kernel: GuessKernel,
  chunk: Uint8Array,
  openingChunk: boolean,
  decode: LineDecoder | null = null,
): ChunkResult {
  kernel.reserve(chunk.length + 1);
  let memory = kernel.bytes();
  memory.set(chunk, CHUNK);
  const words = new Int32Array(memory.buffer);
  const end = CHUNK + chunk.length;
  // A newline after the chunk ends the search for the last line's end.
  memory[end] = NEWLINE;
  let position = CHUNK + (openingChunk && startsWithBom(chunk) ? 3 : 0);
  let tried = 0;
  while (position < end) {
    let count = 0;
    while (count < BATCH_KEYS && position < end) {
      const lineEnd = memory.indexOf(NEWLINE, position);
      const start = position;
      position = lineEnd + 1;
      let keyEnd = lineEnd > start && memory[lineEnd - 1] === RETURN ? lineEnd - 1 : lineEnd;
      if (decode !== null && keyEnd > start) {
        const decoded = decode(memory, start, keyEnd);
        if (decoded === null) continue;
        keyEnd = decoded;
      }
      if (keyEnd === start) continue;
      keyStarts[count] = start;
      keyEnds[count] = keyEnd;
      placeKey(memory, words, count, start, keyEnd);
      count += 1;
    }
    if (count === 0) break;
    const index = kernel.tryKeys(count);
    if (index >= 0) {
      memory = kernel.bytes();
      return { tried: tried + index + 1, found: memory.slice(keyStarts[index], keyEnds[index]) };
    }
    tried += count;
  }
  return { tried, found: null };
}
