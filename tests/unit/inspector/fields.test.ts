import { describe, expect, test } from 'vitest';
import { LAST_TIMESTAMP, parseMaxAge, parseTimestamp } from '../../../src/lib/inspector/fields.ts';
import { tooLong } from '../../../src/lib/inspector/limits.ts';

const value = <T>(parsed: { ok: true; value: T } | { ok: false; message: string }) =>
  parsed.ok ? parsed.value : `error: ${parsed.message}`;

describe('max age', () => {
  test('whole seconds, surrounding space allowed', () => {
    expect(value(parseMaxAge(' 2678400 '))).toBe(2678400);
    expect(value(parseMaxAge('0'))).toBe(0);
  });

  test.each(['', '-1', '1.5', '31 days', '1e6', '99999999999999999999'])(
    '%j is refused',
    (text) => {
      expect(value(parseMaxAge(text))).toBe(
        'error: Enter the maximum age as whole seconds, such as 2678400 for 31 days.',
      );
    },
  );
});

describe('signing time', () => {
  test('Unix seconds', () => {
    expect(value(parseTimestamp('1700000000'))).toBe(1700000000);
    expect(value(parseTimestamp(' 0 '))).toBe(0);
    expect(value(parseTimestamp(String(LAST_TIMESTAMP)))).toBe(LAST_TIMESTAMP);
  });

  test('a UTC date and time, with or without seconds, T or Z', () => {
    expect(value(parseTimestamp('2023-11-14 22:13:20'))).toBe(1700000000);
    expect(value(parseTimestamp('2023-11-14T22:13:20Z'))).toBe(1700000000);
    expect(value(parseTimestamp('2023-11-14 22:13:20 UTC'))).toBe(1700000000);
    expect(value(parseTimestamp('2023-11-14 22:13'))).toBe(1699999980);
    expect(value(parseTimestamp('9999-12-31 23:59:59'))).toBe(LAST_TIMESTAMP);
  });

  test.each([
    '',
    'now',
    '-5',
    '1.5',
    String(LAST_TIMESTAMP + 1),
    '2023-02-30 00:00:00',
    '2023-11-14 24:00:00',
    '2023-11-14 22:60',
    '1969-12-31 23:59:59',
    'Tue, 14 Nov 2023 22:13:20 GMT',
  ])('%j is refused with a sentence', (text) => {
    expect(value(parseTimestamp(text))).toMatch(/^error: Enter the time as whole Unix seconds/);
  });
});

describe('size limits', () => {
  test('text within the limit passes; beyond it, the sentence names both sizes', () => {
    expect(tooLong('The cookie', 'abc', 3)).toBeNull();
    expect(tooLong('The cookie', 'abcd', 3)).toBe(
      'The cookie is 4 characters long; the inspector reads at most 3.',
    );
  });
});
