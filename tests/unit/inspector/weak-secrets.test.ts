import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { javascriptKernel, setCookie } from '../../../src/lib/guess/kernel.ts';
import { tryChunk } from '../../../src/lib/guess/word-list-chunk.ts';
import { guessCookie } from '../../../src/lib/inspector/guess-job.ts';
import { countWordList } from '../../../src/lib/inspector/word-list-lines.ts';
import { cases, named, secretKey } from '../../conformance/inspector-cases.ts';

const builtIn = readFileSync(
  new URL('../../../src/assets/weak-secrets.txt', import.meta.url),
  'utf8',
);

/** The built-in list tried against `cookie` as a guessing worker tries it. */
const guess = (cookie: string) => {
  const prepared = guessCookie(cookie);
  if (!prepared.ok) throw new Error(prepared.message);
  const kernel = javascriptKernel();
  setCookie(kernel, prepared.signedPart, prepared.signature);
  return tryChunk(kernel, new TextEncoder().encode(builtIn), true);
};

describe('the built-in list of weak keys', () => {
  test('every line reads as a key; the keys plain text cannot carry are Python literals', () => {
    const counts = countWordList(builtIn);
    expect(counts.literals + counts.plain).toBe(counts.lines);
    expect(counts.literals).toBeGreaterThanOrEqual(2);
    expect(builtIn.endsWith('\n') && !builtIn.includes('\r')).toBe(true);
  });

  test.each([
    "Apache Superset's default before 1.4.1 (CVE-2023-27524)",
    'Flask quickstart bytes key',
  ])('finds the key of a cookie real Flask signed with %s, first in the list', (name) => {
    const expected = named(cases.keys, name);
    const outcome = guess(expected.cookie);
    expect(outcome.found).toEqual(secretKey(expected.key));
    expect(outcome.tried).toBeLessThan(20);
  });

  test('holds the other shipped defaults', () => {
    const lines = new Set(builtIn.split('\n'));
    for (const key of [
      'CHANGE_ME_TO_A_COMPLEX_RANDOM_SECRET',
      'thisISaSECRET_1234',
      'YOUR_OWN_RANDOM_GENERATED_SECRET_KEY',
      'TEST_NON_DEV_SECRET',
      'Dtale',
      'c292a0a3aa32397cdb050e233733900f',
      'temporary_key',
    ]) {
      expect(lines.has(key), key).toBe(true);
    }
  });
});
