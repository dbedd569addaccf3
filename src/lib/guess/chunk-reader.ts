/**
 * Word lists read as bytes, a chunk at a time, so a list of any size runs in constant memory:
 * each chunk is about {@link CHUNK_BYTES} of `Blob.slice`, cut after its last newline (the next
 * chunk starts there), and its bytes are read by the worker that tries it, not by the page.
 */
import type { KeyReading } from '../inspector/secret-keys.ts';

/** About how many bytes of word list one chunk holds. */
export const CHUNK_BYTES = 1024 * 1024;

/**
 * A word list: a `File`, or a `Blob` of the built-in list or of pasted text, and how its lines
 * are read (`auto`: a line that is a Python literal is its value; `plain`: lines as written).
 */
export interface WordListSource {
  readonly blob: Blob;
  readonly reading: KeyReading;
}

export interface WordListChunk {
  /**
   * The chunk's bytes, still unread: the worker reads them itself, so the buffer it tries is its
   * own and is freed by its own garbage collector (a buffer transferred in stays tied to the
   * message that brought it, and the worker, which allocates next to nothing, rarely collects).
   */
  readonly blob: Blob;
  readonly length: number;
  /** Whether the chunk opens its list (a byte order mark there is not part of a key). */
  readonly opening: boolean;
  readonly reading: KeyReading;
}

/** Total bytes of the lists. */
export const totalBytes = (sources: readonly WordListSource[]) =>
  sources.reduce((sum, source) => sum + source.blob.size, 0);

/**
 * Bytes read at the end of a chunk to find its last newline: the page reads only this much of
 * each chunk (the worker reads the rest), so reading a list costs the page next to nothing.
 */
export const TAIL_BYTES = 4096;

/**
 * The chunks of `sources`, in order, each ending after a newline or at the end of its list. A
 * line longer than a chunk makes that chunk as long as the line.
 */
export async function* readChunks(
  sources: readonly WordListSource[],
  chunkBytes: number = CHUNK_BYTES,
): AsyncGenerator<WordListChunk> {
  for (const { blob, reading } of sources) {
    let position = 0;
    let size = chunkBytes;
    while (position < blob.size) {
      const end = Math.min(blob.size, position + size);
      let length = end - position;
      if (end < blob.size) {
        length = await lastLineEnd(blob, position, end);
        if (length === 0) {
          size *= 2;
          continue;
        }
      }
      yield {
        blob: blob.slice(position, position + length),
        length,
        opening: position === 0,
        reading,
      };
      position += length;
      size = chunkBytes;
    }
  }
}

/** Bytes from `start` to just after the last newline before `end`, or 0 when there is none. */
async function lastLineEnd(blob: Blob, start: number, end: number): Promise<number> {
  const tailStart = Math.max(start, end - TAIL_BYTES);
  const tail = new Uint8Array(await blob.slice(tailStart, end).arrayBuffer());
  const newline = tail.lastIndexOf(0x0a);
  if (newline >= 0) return tailStart + newline + 1 - start;
  if (tailStart === start) return 0;
  const head = new Uint8Array(await blob.slice(start, tailStart).arrayBuffer());
  return head.lastIndexOf(0x0a) + 1;
}
