import { bytesToHex } from '@noble/hashes/utils.js';
import * as pako from 'pako';
import { describe, expect, test } from 'vitest';
import { utf8Encode } from '../../../src/lib/flask/encoding.ts';
import {
  MAX_DECOMPRESSED_BYTES,
  compressIfShorter,
  decompress,
  loadPako,
  type ZlibLoader,
} from '../../../src/lib/flask/zlib.ts';
import { Random } from './random.ts';

const offline: ZlibLoader = () =>
  Promise.reject(new Error('Failed to fetch dynamically imported module'));

describe("itsdangerous' compression rule (itsdangerous `url_safe.py`: `URLSafeSerializerMixin.dump_payload`)", () => {
  test('keeps zlib data when it is at least 2 bytes shorter, byte-identical to Python', async () => {
    const result = await compressIfShorter(utf8Encode('{"x":"aaaaaaaaaaaa"}'), loadPako);
    expect(result.ok && bytesToHex(result.body)).toBe('789cab56aa50b2524a44024ab50043ed06bf');
    expect(result.ok && result.compressed).toBe(true);
  });

  test('keeps the JSON when zlib saves less than 2 bytes', async () => {
    const json = utf8Encode('{"x":"aaaaaaaaaaa"}');
    expect(await compressIfShorter(json, loadPako)).toEqual({
      ok: true,
      body: json,
      compressed: false,
    });
  });

  test('a payload that must be compressed but cannot load pako reports ZlibUnavailable', async () => {
    const result = await compressIfShorter(utf8Encode(`{"x":"${'a'.repeat(200)}"}`), offline);
    expect(result).toEqual({
      ok: false,
      reason: 'unavailable',
      detail: 'Failed to fetch dynamically imported module',
    });
  });

  test('reusing one reset zlib stream writes the same bytes as a fresh one, call after call', async () => {
    const random = new Random(11);
    for (let i = 0; i < 300; i++) {
      const json = utf8Encode(`{"x":"${random.string('ab"{}xyz', 40).repeat(1 + random.int(4))}"}`);
      const result = await compressIfShorter(json, loadPako);
      const fresh = pako.deflate(json, { legacyHash: true });
      if (result.ok && result.compressed) expect(result.body).toEqual(fresh);
      else expect(fresh.length).toBeGreaterThanOrEqual(json.length - 1);
    }
  });

  test('a payload the bound rules out never loads pako', async () => {
    let loads = 0;
    const counting: ZlibLoader = () => {
      loads++;
      return loadPako();
    };
    await compressIfShorter(utf8Encode('{"count":1}'), counting);
    expect(loads).toBe(0);
  });
});

describe("Python's zlib.decompress, capped", () => {
  const data = pako.deflate(utf8Encode('{"a":1}'), { legacyHash: true });

  test('ignores bytes after the end of the stream', async () => {
    const withTrailer = Uint8Array.from([...data, ...utf8Encode('trailing')]);
    const result = await decompress(withTrailer, loadPako);
    expect(result.ok && new TextDecoder().decode(result.bytes)).toBe('{"a":1}');
  });

  test('rejects a truncated stream', async () => {
    expect(await decompress(data.subarray(0, -3), loadPako)).toMatchObject({
      ok: false,
      reason: 'corrupt',
    });
  });

  test('rejects a bad checksum and a missing zlib header', async () => {
    const badSum = Uint8Array.from(data);
    badSum[badSum.length - 1]! ^= 1;
    expect(await decompress(badSum, loadPako)).toMatchObject({ ok: false, reason: 'corrupt' });
    expect(await decompress(data.subarray(2), loadPako)).toMatchObject({
      ok: false,
      reason: 'corrupt',
    });
  });

  test('accepts exactly the cap and refuses one byte more', async () => {
    const atCap = pako.deflate(new Uint8Array(MAX_DECOMPRESSED_BYTES));
    const overCap = pako.deflate(new Uint8Array(MAX_DECOMPRESSED_BYTES + 1));
    const ok = await decompress(atCap, loadPako);
    expect(ok.ok && ok.bytes.length).toBe(MAX_DECOMPRESSED_BYTES);
    expect(await decompress(overCap, loadPako)).toEqual({ ok: false, reason: 'too-large' });
  });

  test('a corrupt stream does not spoil the next decompression', async () => {
    await decompress(data.subarray(2), loadPako);
    const result = await decompress(data, loadPako);
    expect(result.ok && new TextDecoder().decode(result.bytes)).toBe('{"a":1}');
  });

  test('reports ZlibUnavailable instead of rejecting when pako cannot load', async () => {
    expect(await decompress(data, offline)).toMatchObject({ ok: false, reason: 'unavailable' });
  });
});
