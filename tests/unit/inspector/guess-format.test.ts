import { describe, expect, test } from 'vitest';
import { progressLine, triedIn } from '../../../src/lib/inspector/guess-format.ts';
import { keyAsTyped, keyRepr, readKey } from '../../../src/lib/inspector/secret-keys.ts';

describe('guessing rates are shown only when they mean something', () => {
  test('a run shorter than a second gives no rate', () => {
    expect(triedIn({ tried: 2, total: 2, elapsedMs: 3.9 })).toBe('2 keys in under a second');
    expect(triedIn({ tried: 1, total: 1, elapsedMs: 0 })).toBe('1 key in under a second');
    expect(progressLine({ tried: 2_000, total: 55_982, elapsedMs: 120 })).toBe(
      '2,000 of 55,982 keys tried.',
    );
  });

  test('a longer run gives its rate', () => {
    expect(triedIn({ tried: 55_982, total: 55_982, elapsedMs: 1_520 })).toBe(
      '55,982 keys in 1.5 s, 36,830 keys per second',
    );
    expect(progressLine({ tried: 40_000, total: 55_982, elapsedMs: 2_000 })).toBe(
      '40,000 of 55,982 keys tried, 20,000 keys per second.',
    );
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
