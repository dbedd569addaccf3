import { describe, expect, test } from 'vitest';
import { duration, progressLine, triedIn } from '../../../src/lib/inspector/guess-format.ts';
import { keyAsTyped, keyRepr, readKey } from '../../../src/lib/inspector/secret-keys.ts';

describe('guessing rates are shown only when they mean something', () => {
  const progress = { tried: 2_000, bytesDone: 1_000_000, totalBytes: 8_000_000 };

  test('a run shorter than a second gives no rate', () => {
    expect(triedIn({ tried: 2, elapsedMs: 3.9 })).toBe('2 keys in under a second');
    expect(triedIn({ tried: 1, elapsedMs: 0 })).toBe('1 key in under a second');
    expect(progressLine({ ...progress, elapsedMs: 120 })).toBe(
      '2,000 keys tried, 12% of the word lists read.',
    );
  });

  test('a longer run gives its rate and the time left at the rate the lists are read', () => {
    expect(triedIn({ tried: 55_982, elapsedMs: 1_520 })).toBe(
      '55,982 keys in 1.5 s, 36,830 keys per second',
    );
    expect(progressLine({ ...progress, tried: 40_000, elapsedMs: 2_000 })).toBe(
      '40,000 keys tried, 12% of the word lists read, 20,000 keys per second, about 14 s left.',
    );
    expect(progressLine({ ...progress, bytesDone: 10_000, elapsedMs: 2_000 })).toMatch(
      /, about 26 min 38 s left\.$/,
    );
  });

  test('durations read as a person would say them', () => {
    expect([900, 59_000, 125_000, 3_840_000].map(duration)).toEqual([
      '1 s',
      '59 s',
      '2 min 5 s',
      '1 h 4 min',
    ]);
  });
});

describe('a found key goes into Sign as text that reads back as the same key', () => {
  test.each<string | Uint8Array>([
    'secret',
    "'quoted'",
    'line\nbreak',
    Uint8Array.of(0, 0xec),
    "b'x'",
  ])('%j', (key) => {
    const read = readKey(keyAsTyped(key), 'auto');
    expect(read.ok && read.key).toEqual(key);
  });

  test('keys are shown as Python writes them', () => {
    expect(keyRepr('secret')).toBe("'secret'");
    expect(keyRepr(Uint8Array.of(1, 0x41))).toBe("b'\\x01A'");
  });
});
