import * as pako from 'pako';
import { describe, expect, test } from 'vitest';
import { BOUND_INPUT_LIMIT, provablyIncompressible } from '../../../src/lib/flask/deflate-bound.ts';
import { utf8Encode } from '../../../src/lib/flask/encoding.ts';

/** itsdangerous' rule, with real (Python-identical) zlib output. */
const compresses = (json: Uint8Array) =>
  pako.deflate(json, { legacyHash: true }).length < json.length - 1;

describe('the lower bound on zlib output', () => {
  test('payloads of up to 9 bytes can never compress', () => {
    for (let n = 0; n <= 9; n++) expect(provablyIncompressible(new Uint8Array(n))).toBe(true);
  });

  test("does not claim the spec's 20-byte compressible example", () => {
    const json = utf8Encode('{"x":"aaaaaaaaaaaa"}');
    expect(compresses(json)).toBe(true);
    expect(provablyIncompressible(json)).toBe(false);
  });

  test('proves short JSON without repeats incompressible', () => {
    expect(provablyIncompressible(utf8Encode('{"user":"alice"}'))).toBe(true);
  });

  test('gives up above the input limit', () => {
    const big = utf8Encode(JSON.stringify({ s: 'x'.repeat(BOUND_INPUT_LIMIT) }));
    expect(provablyIncompressible(big)).toBe(false);
  });
});
