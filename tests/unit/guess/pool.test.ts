import { describe, expect, it } from 'vitest';
import {
  readChunks,
  type WordListChunk,
  type WordListSource,
} from '../../../src/lib/guess/chunk-reader.ts';
import { guessWorker } from '../../../src/lib/guess/guess-worker.ts';
import type { FromWorker, ToWorker } from '../../../src/lib/guess/messages.ts';
import {
  CHUNKS_AHEAD,
  WORKER_FAILED,
  startPool,
  type GuessProgress,
  type PoolWorker,
} from '../../../src/lib/guess/pool.ts';
import vectors from '../../conformance/guess-vectors.json' with { type: 'json' };
import { fromHex } from './vectors.ts';

const group = vectors.groups[4]!;
const signedPart = fromHex(group.signed_part);
// An ASCII key itsdangerous signed, and its signature.
const entry = group.keys.find((k) => /^(?:[2-7][0-9a-e])+$/.test(k.key))!;
const secret = new TextDecoder().decode(fromHex(entry.key));
const signature = fromHex(entry.signature);

/** Runs the worker's job in this thread, each message on a later task like a real worker. */
class FakeWorker implements PoolWorker {
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  chunks = 0;
  /** Chunks sent and not yet answered, and the most there ever were. */
  held = 0;
  mostHeld = 0;
  private readonly handle = guessWorker((data) => {
    if (data.type === 'tried') this.held -= 1;
    if (!this.terminated) this.onmessage?.({ data } as MessageEvent<FromWorker>);
  });
  private readonly crash: boolean;
  constructor(crash = false) {
    this.crash = crash;
  }
  postMessage(message: ToWorker) {
    if (message.type === 'chunk') this.mostHeld = Math.max(this.mostHeld, (this.held += 1));
    setTimeout(() => {
      if (this.terminated) return;
      if (this.crash) return this.onerror?.({} as ErrorEvent);
      if (message.type === 'chunk') this.chunks += 1;
      this.handle(message);
    });
  }
  terminate() {
    this.terminated = true;
  }
}

const list = (lines: readonly string[]): WordListSource => ({
  blob: new Blob([lines.join('\n')]),
  reading: 'auto',
});
const wrong = (count: number, tag = 'w') => Array.from({ length: count }, (_, i) => `${tag}${i}`);

function run(sources: WordListSource[], workers: PoolWorker[], chunkBytes = 4096) {
  const reports: GuessProgress[] = [];
  let clock = 0;
  const pool = startPool({
    sources,
    signedPart,
    signature,
    module: null,
    workers,
    clock: () => (clock += 1),
    onProgress: (p) => reports.push(p),
    progressEveryMs: 0,
    chunkBytes,
  });
  return { pool, reports };
}

describe('guessing with a pool of workers', () => {
  it('finds a key on the last line of the last of several lists, sharing chunks between workers', async () => {
    const workers = [new FakeWorker(), new FakeWorker()];
    const sources = [list(wrong(3000, 'a')), list(wrong(20, 'b')), list([...wrong(5000), secret])];
    const { pool, reports } = run(sources, workers);
    const outcome = await pool.outcome;
    expect(outcome.kind).toBe('found');
    if (outcome.kind !== 'found') return;
    expect(outcome.key).toEqual({ repr: `'${secret}'`, typed: secret });
    expect(outcome.tried).toBe(8021);
    expect(workers.every((w) => w.chunks > 3 && w.terminated)).toBe(true);
    // Each worker held the chunk it tried and the next one, never more.
    expect(workers.map((w) => w.mostHeld)).toEqual([CHUNKS_AHEAD, CHUNKS_AHEAD]);
    const tried = reports.map((r) => r.tried);
    expect(tried).toEqual([...tried].sort((a, b) => a - b));
  });

  it('tries every line of every list, repeats included, when no key matches', async () => {
    const sources = [list(wrong(700)), list(wrong(700)), list(['\ufeffw1', '', 'w2\r'])];
    const { pool, reports } = run(sources, [new FakeWorker(), new FakeWorker()], 1000);
    const outcome = await pool.outcome;
    const total = sources.reduce((sum, s) => sum + s.blob.size, 0);
    expect(outcome).toMatchObject({
      kind: 'not-found',
      tried: 1402,
      bytesDone: total,
      totalBytes: total,
    });
    expect(reports.at(-1)!.bytesDone).toBeLessThanOrEqual(total);
  });

  it('stops at once when cancelled, terminating the workers', async () => {
    const workers = [new FakeWorker(), new FakeWorker()];
    const { pool } = run([list(wrong(100_000))], workers);
    pool.cancel();
    const outcome = await pool.outcome;
    expect(outcome.kind).toBe('cancelled');
    expect(outcome.tried).toBeLessThan(100_000);
    expect(workers.every((w) => w.terminated)).toBe(true);
  });

  it('says so when a worker cannot run', async () => {
    const { pool } = run([list(wrong(10))], [new FakeWorker(true)]);
    expect(await pool.outcome).toMatchObject({ kind: 'failed', message: WORKER_FAILED });
  });
});

describe('reading word lists in chunks', () => {
  const decode = (chunk: WordListChunk) => new TextDecoder().decode(chunk.bytes);
  /** Every chunk, each buffer handed back as soon as its chunk is read (as a worker would). */
  const readAll = async (sources: WordListSource[], chunkBytes: number) => {
    const spare: ArrayBuffer[] = [];
    const texts: string[] = [];
    const opening: boolean[] = [];
    for await (const chunk of readChunks(sources, spare, chunkBytes)) {
      texts.push(decode(chunk));
      opening.push(chunk.opening);
      spare.push(chunk.bytes.buffer as ArrayBuffer);
    }
    return { texts, opening, spare };
  };

  it('cuts chunks after a newline and covers the list exactly once', async () => {
    const text = wrong(2000).join('\n');
    const { texts, opening } = await readAll([list(wrong(2000))], 1000);
    expect(texts.length).toBeGreaterThan(10);
    expect(texts.join('')).toBe(text);
    expect(texts.slice(0, -1).every((t) => t.endsWith('\n'))).toBe(true);
    expect(opening).toEqual(texts.map((_, i) => i === 0));
  });

  it('reads into the buffers handed back, so a long list allocates nothing per chunk', async () => {
    const { texts, spare } = await readAll([list(wrong(20_000))], 1000);
    expect(texts.length).toBeGreaterThan(100);
    // One buffer being filled while the chunk before it is tried: two in all.
    expect(spare).toHaveLength(2);
  });

  it('reads lists whose streams cannot read into a given buffer, copying their pieces', async () => {
    const text = wrong(3000).join('\n');
    const encoded = new TextEncoder().encode(text);
    // A Blob whose stream hands out its own pieces of 777 bytes (no BYOB reader).
    const blob = {
      size: encoded.length,
      stream: () => {
        let at = 0;
        return new ReadableStream<Uint8Array>({
          pull(controller) {
            if (at >= encoded.length) return controller.close();
            controller.enqueue(encoded.slice(at, (at += 777)));
          },
        });
      },
    } as unknown as Blob;
    const { texts } = await readAll([{ blob, reading: 'auto' }], 1000);
    expect(texts.join('')).toBe(text);
    expect(texts.slice(0, -1).every((t) => t.endsWith('\n') && t.length <= 1000)).toBe(true);
  });

  it('makes a chunk as long as a line that is longer than a chunk', async () => {
    const long = 'x'.repeat(5000);
    const lines = ['a', long, 'b', ...wrong(2000)];
    const { texts } = await readAll([list(lines)], 1000);
    expect(texts[0]).toBe('a\n');
    expect(texts[1]!.startsWith(`${long}\nb\n`)).toBe(true);
    expect(texts.join('')).toBe(lines.join('\n'));
  });
});
