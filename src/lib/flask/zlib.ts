/**
 * The zlib step of itsdangerous' URL-safe serializer, on pako loaded only when needed: most
 * session payloads are too small to compress, which {@link provablyIncompressible} shows without
 * pako. pako 3 with `legacyHash: true` writes exactly the bytes of Python's `zlib.compress`.
 *
 * Decompression streams into fixed-size chunks and stops once {@link MAX_DECOMPRESSED_BYTES} is
 * exceeded, so a zlib bomb costs at most that much memory.
 */
import type * as Pako from 'pako';
import { provablyIncompressible } from './deflate-bound.ts';
import { concat } from './encoding.ts';

/** Most bytes a compressed payload may expand to; Flask has no such limit. */
export const MAX_DECOMPRESSED_BYTES = 1024 * 1024;

/** The parts of pako this module uses. */
export type PakoModule = Pick<
  typeof Pako,
  | 'ZStream'
  | 'zlibDeflateInit2'
  | 'zlibDeflateReset'
  | 'zlibDeflate'
  | 'zlibInflateInit2'
  | 'zlibInflateReset'
  | 'zlibInflate'
>;

/** Loads pako; tests inject failing or counting loaders. */
export type ZlibLoader = () => Promise<PakoModule>;

/** The default loader: a dynamic import, so bundlers put pako in its own lazily fetched chunk. */
export const loadPako: ZlibLoader = () => import('pako');

/** pako could not be loaded; `detail` is the loader's error message. */
export interface ZlibUnavailable {
  readonly ok: false;
  readonly reason: 'unavailable';
  readonly detail: string;
}

async function load(loader: ZlibLoader): Promise<PakoModule | ZlibUnavailable> {
  try {
    return await loader();
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: 'unavailable', detail };
  }
}

function isUnavailable(value: PakoModule | ZlibUnavailable): value is ZlibUnavailable {
  return 'reason' in value;
}

/**
 * itsdangerous' rule: the zlib-compressed bytes if they are at least 2 bytes shorter than
 * `json`, else `json` itself. pako is loaded only when the bound cannot rule compression out.
 */
export async function compressIfShorter(
  json: Uint8Array,
  loader: ZlibLoader,
): Promise<{ ok: true; body: Uint8Array; compressed: boolean } | ZlibUnavailable> {
  if (provablyIncompressible(json)) return { ok: true, body: json, compressed: false };
  const pako = await load(loader);
  if (isUnavailable(pako)) return pako;
  const compressed = zlibCompress(pako, json);
  return compressed.length < json.length - 1
    ? { ok: true, body: compressed, compressed: true }
    : { ok: true, body: json, compressed: false };
}

const Z_NO_FLUSH = 0;
const Z_FINISH = 4;
const Z_OK = 0;
const Z_STREAM_END = 1;
const Z_NEED_DICT = 2;
const Z_BUF_ERROR = -5;

// zlib's streams hold ~200 KB of state that a fresh stream allocates and zeroes each time.
// Resetting one stream per loaded pako gives the same output (zlib's deflateReset contract)
// for a quarter of the cost. Compression and decompression are synchronous, so a stream is
// never shared by two calls at once.
const deflaters = new WeakMap<PakoModule, Pako.ZStream>();
const inflaters = new WeakMap<PakoModule, Pako.ZStream>();

/**
 * Python's `zlib.compress(data)`: level 6, window 15, memLevel 8, default strategy, zlib's own
 * hash (pako's `legacyHash`), so the bytes are identical.
 */
export function zlibCompress(pako: PakoModule, data: Uint8Array): Uint8Array {
  let stream = deflaters.get(pako);
  if (stream === undefined) {
    stream = new pako.ZStream();
    pako.zlibDeflateInit2(stream, 6, 8, 15, 8, 0, true);
    deflaters.set(pako, stream);
  } else {
    pako.zlibDeflateReset(stream);
  }
  // zlib's deflateBound: with this much room one Z_FINISH call always completes the stream.
  const room = data.length + ((data.length + 7) >> 3) + ((data.length + 63) >> 6) + 11;
  stream.input = data;
  stream.next_in = 0;
  stream.avail_in = data.length;
  stream.output = new Uint8Array(room);
  stream.next_out = 0;
  stream.avail_out = room;
  pako.zlibDeflate(stream, Z_FINISH);
  return stream.output.slice(0, stream.next_out);
}

export type DecompressResult =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; reason: 'corrupt'; detail: string }
  | { ok: false; reason: 'too-large' }
  | ZlibUnavailable;

const CHUNK_BYTES = 16 * 1024;

/**
 * Python's `zlib.decompress(data)`: a zlib stream (header and Adler-32 checked), bytes after its
 * end ignored. Output beyond {@link MAX_DECOMPRESSED_BYTES} is refused, not produced.
 */
export async function decompress(data: Uint8Array, loader: ZlibLoader): Promise<DecompressResult> {
  const pako = await load(loader);
  if (isUnavailable(pako)) return pako;
  let stream = inflaters.get(pako);
  if (stream === undefined) {
    stream = new pako.ZStream();
    pako.zlibInflateInit2(stream, 15);
    inflaters.set(pako, stream);
  } else {
    pako.zlibInflateReset(stream);
  }
  stream.input = data;
  stream.next_in = 0;
  stream.avail_in = data.length;
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    // Never ask for more than one byte past the cap.
    const room = Math.min(CHUNK_BYTES, MAX_DECOMPRESSED_BYTES + 1 - total);
    stream.output = new Uint8Array(room);
    stream.next_out = 0;
    stream.avail_out = room;
    const status = pako.zlibInflate(stream, Z_NO_FLUSH);
    const produced = stream.next_out;
    total += produced;
    if (total > MAX_DECOMPRESSED_BYTES) return { ok: false, reason: 'too-large' };
    chunks.push(stream.output.subarray(0, produced));
    if (status === Z_STREAM_END) return { ok: true, bytes: concat(...chunks) };
    if (status === Z_OK) continue;
    if (status === Z_BUF_ERROR) {
      return { ok: false, reason: 'corrupt', detail: 'incomplete or truncated stream' };
    }
    const detail = stream.msg || (status === Z_NEED_DICT ? 'need dictionary' : `error ${status}`);
    return { ok: false, reason: 'corrupt', detail };
  }
}
