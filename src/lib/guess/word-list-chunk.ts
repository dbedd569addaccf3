/**
 * Trying one chunk of a word list. Each line is a candidate key read by the inspector's rules
 * (`wordListKey` in `src/lib/inspector/word-list-lines.ts`): a line that is a Python `str` or
 * `bytes` literal (flask-unsign's word lists) is its value, any other line is tried as its
 * bytes (Flask encodes a `str` key as UTF-8 and uses `bytes` as they are, so raw bytes cover
 * both; nothing is Unicode-normalised). One trailing `\r` per line is dropped, empty lines are
 * skipped (Flask has no session at all with an empty key), and a UTF-8 byte order mark opens a
 * file, not a key. Only lines holding a quote can be literals, so only those are decoded.
 */
import { sha1 } from '@noble/hashes/legacy.js';
import type { SecretKey } from '../flask/index.ts';
import type { KeyReading } from '../inspector/secret-keys.ts';
import { wordListKey } from '../inspector/word-list-lines.ts';
import { BATCH_KEYS, type GuessKernel } from './kernel.ts';
import { CHUNK, ENDS, PLACED_KEYS, STARTS } from './layout.ts';

const NEWLINE = 0x0a;
const RETURN = 0x0d;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;

export interface ChunkResult {
  /** Keys tried, the matching one included. */
  readonly tried: number;
  /** The matching key as Python holds it: `str` when its bytes are UTF-8, else `bytes`. */
  readonly found: SecretKey | null;
}

/** Whether `bytes` opens with a UTF-8 byte order mark. */
export const startsWithBom = (bytes: Uint8Array) =>
  bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;

/**
 * Makes the key at bytes [start, end) of the kernel's memory (`words` views the same memory) key
 * `index` of the next batch. A key longer than SHA-1's 64-byte block is tried as its digest,
 * which is what HMAC uses as the key.
 */
export function placeKey(
  memory: Uint8Array,
  words: Int32Array,
  index: number,
  start: number,
  end: number,
) {
  if (end - start > 64) placeBytes(memory, words, index, sha1(memory.subarray(start, end)));
  else {
    words[STARTS / 4 + index] = start;
    words[ENDS / 4 + index] = end;
  }
}

/** Makes `key` (bytes from elsewhere, such as a decoded literal) key `index` of the next batch. */
export function placeBytes(memory: Uint8Array, words: Int32Array, index: number, key: Uint8Array) {
  const bytes = key.length > 64 ? sha1(key) : key;
  const at = PLACED_KEYS + index * 64;
  memory.set(bytes, at);
  words[STARTS / 4 + index] = at;
  words[ENDS / 4 + index] = at + bytes.length;
}

// Where each key of a batch came from: its line, or the value of a literal line.
const lineStarts = new Int32Array(BATCH_KEYS);
const lineEnds = new Int32Array(BATCH_KEYS);
const literals: (SecretKey | null)[] = new Array<SecretKey | null>(BATCH_KEYS).fill(null);
const lenient = new TextDecoder('utf-8');
const strict = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();

/**
 * Tries every line of `chunk` (whole lines: the reader cut it after a newline or at the end of
 * the file) with `kernel`, {@link BATCH_KEYS} keys per call, stopping at the first key that
 * signs the cookie. `openingChunk` says the chunk starts a file (its BOM is skipped);
 * `reading` is `plain` when every line is a key as written (no line is read as a literal);
 * `onBatch` hears the keys tried so far after each kernel call.
 */
export function tryChunk(
  kernel: GuessKernel,
  chunk: Uint8Array,
  openingChunk: boolean,
  reading: KeyReading = 'auto',
  onBatch?: (tried: number) => void,
): ChunkResult {
  kernel.reserve(chunk.length + 1);
  const memory = kernel.bytes();
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
      const start = position;
      const lineEnd = memory.indexOf(NEWLINE, start);
      position = lineEnd + 1;
      const keyEnd = lineEnd > start && memory[lineEnd - 1] === RETURN ? lineEnd - 1 : lineEnd;
      if (keyEnd === start) continue;
      let literal: SecretKey | null = null;
      if (reading === 'auto' && holdsQuote(memory, start, keyEnd)) {
        const read = wordListKey(lenient.decode(memory.subarray(start, lineEnd)));
        if (read === null) continue;
        if (read.literal) literal = read.key;
      }
      lineStarts[count] = start;
      lineEnds[count] = keyEnd;
      literals[count] = literal;
      if (literal === null) placeKey(memory, words, count, start, keyEnd);
      else
        placeBytes(
          memory,
          words,
          count,
          typeof literal === 'string' ? encoder.encode(literal) : literal,
        );
      count += 1;
    }
    if (count === 0) break;
    const index = kernel.tryKeys(count);
    if (index >= 0) {
      const bytes = kernel.bytes().slice(lineStarts[index], lineEnds[index]);
      return { tried: tried + index + 1, found: literals[index] ?? asPython(bytes) };
    }
    tried += count;
    onBatch?.(tried);
  }
  return { tried, found: null };
}

function holdsQuote(memory: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const byte = memory[i];
    if (byte === QUOTE || byte === APOSTROPHE) return true;
  }
  return false;
}

/** A line's bytes as Python would hold the key: `str` when they are UTF-8, else `bytes`. */
function asPython(bytes: Uint8Array): SecretKey {
  try {
    return strict.decode(bytes);
  } catch {
    return bytes;
  }
}
