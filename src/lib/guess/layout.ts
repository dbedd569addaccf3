/**
 * Where the guessing kernels keep their inputs, in bytes from the start of one memory (the
 * WebAssembly module's own memory, or an `ArrayBuffer` of the same layout for the JavaScript
 * kernel). All words are stored as native 32-bit integers (their value, not SHA-1's byte order).
 */

/** The cookie's signature as five SHA-1 words. */
export const SIGNATURE = 0;
/** How many 64-byte blocks the signed part (with SHA-1 padding) takes, as one i32. */
export const SCHEDULE_BLOCKS = 20;
/** Four 64-byte key blocks, one per SIMD lane, rebuilt for every group of four keys. */
export const LANES = 256;
/** The most keys one kernel call tries. */
export const BATCH_KEYS = 4096;
/** Where each key of the batch starts, as i32 byte offsets into this memory. */
export const STARTS = 1024;
/** Where each key of the batch ends (exclusive). */
export const ENDS = STARTS + BATCH_KEYS * 4;
/**
 * 64 bytes per key of the batch for keys that are not in the chunk as they are: decoded Python
 * literals, and the SHA-1 digests of keys longer than 64 bytes (HMAC's key is then the digest).
 */
export const PLACED_KEYS = ENDS + BATCH_KEYS * 4;
/** Per block of the signed part, its 80 message-schedule words plus round constants. */
export const SCHEDULE = PLACED_KEYS + BATCH_KEYS * 64;
/** A 16,384-byte signed part takes 257 blocks; this leaves room to spare. */
export const MAX_SCHEDULE_BLOCKS = 400;
/** Word-list bytes; memory grows to fit the chunk. */
export const CHUNK = SCHEDULE + MAX_SCHEDULE_BLOCKS * 320;
/** WebAssembly page size. */
export const PAGE = 65536;
