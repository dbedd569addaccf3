/**
 * Word lists read as bytes, a chunk at a time, so a list of any size runs in constant memory:
 * each chunk is about {@link CHUNK_BYTES} read with `Blob.slice` and cut after its last newline;
 * the next chunk starts there (the cut-off tail is read again rather than carried).
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
      const buffer = await blob.slice(position, end).arrayBuffer();
      let length = buffer.byteLength;
      if (end < blob.size) {
        length = new Uint8Array(buffer).lastIndexOf(0x0a) + 1;
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
