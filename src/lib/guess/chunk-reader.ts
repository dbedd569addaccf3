/**
 * Word lists read as bytes, a chunk at a time, so a list of any size runs in constant memory.
 * Each list is read front to back through one stream into buffers of about
 * {@link CHUNK_BYTES} from a set the caller recycles; a chunk ends after the buffer's last
 * newline, and the bytes after it are copied to the start of the next buffer. The page reads the
 * chunks while the workers try earlier ones, so no worker waits for the disk; buffers go to a
 * worker and come back, so reading a list allocates nothing per chunk (one stream per list also
 * spares the page a `Blob.slice` per chunk, which costs a round trip to the browser process).
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
  /** Whole lines (the last may lack its newline at the end of a list), at the start of a buffer. */
  readonly bytes: Uint8Array;
  /** Whether the chunk opens its list (a byte order mark there is not part of a key). */
  readonly opening: boolean;
  readonly reading: KeyReading;
}

/** Total bytes of the lists. */
export const totalBytes = (sources: readonly WordListSource[]) =>
  sources.reduce((sum, source) => sum + source.blob.size, 0);

/**
 * The chunks of `sources`, in order, each ending after a newline or at the end of its list. A
 * line longer than a chunk makes that chunk as long as the line. Each chunk's bytes sit at the
 * start of a buffer taken from `spare` (or a new one when none is big enough); give a buffer
 * back to `spare` once its chunk is tried. Throws when a list cannot be read.
 */
export async function* readChunks(
  sources: readonly WordListSource[],
  spare: ArrayBuffer[],
  chunkBytes: number = CHUNK_BYTES,
): AsyncGenerator<WordListChunk> {
  const take = (size: number) => {
    const fits = spare.findIndex((buffer) => buffer.byteLength >= size);
    return fits < 0 ? new ArrayBuffer(size) : spare.splice(fits, 1)[0]!;
  };
  for (const { blob, reading } of sources) {
    const list = new ListReader(blob);
    let buffer = take(chunkBytes);
    // Bytes at the start of `buffer` already read (a line carried over, or a partial fill).
    let held = 0;
    let opening = true;
    let ended = false;
    while (!ended || held > 0) {
      if (!ended && held < buffer.byteLength) {
        const filled = await list.fill(buffer, held);
        buffer = filled.buffer;
        ended = filled.end === held;
        held = filled.end;
        if (!ended && held < buffer.byteLength) continue;
      }
      if (held === 0) break;
      const bytes = new Uint8Array(buffer, 0, held);
      const cut = ended ? held : bytes.lastIndexOf(0x0a) + 1;
      if (cut === 0) {
        // A line longer than the buffer: read on into a buffer twice as big.
        const bigger = take(buffer.byteLength * 2);
        new Uint8Array(bigger).set(bytes);
        spare.push(buffer);
        buffer = bigger;
        continue;
      }
      const next = take(chunkBytes);
      new Uint8Array(next).set(bytes.subarray(cut));
      yield { bytes: bytes.subarray(0, cut), opening, reading };
      opening = false;
      buffer = next;
      held -= cut;
    }
    spare.push(buffer);
  }
}

/**
 * Reads a list front to back into buffers it is given: with a BYOB reader, straight into them;
 * where the browser's Blob streams have none, by copying the stream's own chunks.
 */
class ListReader {
  private readonly byob: ReadableStreamBYOBReader | null = null;
  private readonly plain: ReadableStreamDefaultReader<Uint8Array> | null = null;
  /** What the plain reader read and did not fit the last buffer. */
  private rest: Uint8Array | null = null;

  constructor(blob: Blob) {
    try {
      this.byob = blob.stream().getReader({ mode: 'byob' });
    } catch {
      this.plain = blob.stream().getReader();
    }
  }

  /**
   * Reads into `buffer` from byte `from` on, until it is full or the list ends. Returns the
   * buffer to use from now on (a BYOB read moves it into a new `ArrayBuffer` object) and where
   * the bytes read end: `from` only at the end of the list.
   */
  async fill(buffer: ArrayBuffer, from: number): Promise<{ buffer: ArrayBuffer; end: number }> {
    let end = from;
    while (end < buffer.byteLength) {
      if (this.byob !== null) {
        const { value, done } = await this.byob.read(new Uint8Array(buffer, end));
        if (value !== undefined) {
          buffer = value.buffer as ArrayBuffer;
          end += value.byteLength;
        }
        if (done) break;
      } else {
        const piece = this.rest ?? (await this.plain!.read()).value;
        if (piece === undefined) break;
        const room = buffer.byteLength - end;
        new Uint8Array(buffer, end).set(piece.subarray(0, room));
        end += Math.min(room, piece.length);
        this.rest = piece.length > room ? piece.subarray(room) : null;
      }
    }
    return { buffer, end };
  }
}
