import { describe, expect, test } from 'vitest';
import { httpDate, parseDate } from '../../../src/lib/flask/dates.ts';

const utc = (iso: string) => new Date(`${iso}Z`);
const parsed = (text: string) => {
  const result = parseDate(text);
  return result.ok ? (result.date?.toISOString() ?? null) : `error: ${result.detail}`;
};

describe("Werkzeug's http_date (`werkzeug/http.py`: `http_date`)", () => {
  test('formats UTC with English names and drops sub-second parts', () => {
    expect(httpDate(utc('2024-01-02T03:04:05.678'))).toBe('Tue, 02 Jan 2024 03:04:05 GMT');
  });

  test('pads the year to four digits', () => {
    const year1 = new Date(Date.UTC(2000, 0, 1));
    year1.setUTCFullYear(1);
    expect(httpDate(year1)).toBe('Mon, 01 Jan 0001 00:00:00 GMT');
  });
});

describe("Werkzeug's parse_date on a ` d` tag (values measured in vectors.json)", () => {
  test('reads what http_date writes', () => {
    expect(parsed('Tue, 02 Jan 2024 03:04:05 GMT')).toBe('2024-01-02T03:04:05.000Z');
  });

  test('converts an offset to UTC', () => {
    expect(parsed('2 Jan 2024 03:04:05 +0200')).toBe('2024-01-02T01:04:05.000Z');
  });

  test('reads a two-digit year 69 as 1969 and 68 as 2068', () => {
    expect(parsed('02 Jan 69 03:04:05 GMT')).toBe('1969-01-02T03:04:05.000Z');
    expect(parsed('02 Jan 68 03:04:05 GMT')).toBe('2068-01-02T03:04:05.000Z');
  });

  test('returns None for text it cannot parse or an impossible date', () => {
    expect(parsed('garbage')).toBeNull();
    expect(parsed('31 Feb 2024 03:04:05 GMT')).toBeNull();
    expect(parsed('02 Jan 2024 03:04:60 GMT')).toBeNull();
  });

  test('returns None for null, empty values and bytes', () => {
    for (const value of [null, '', 0, [], new Uint8Array(2)]) {
      expect(parseDate(value)).toEqual({ ok: true, date: null });
    }
  });

  test('fails for other values, which have no .split()', () => {
    expect(parseDate(5)).toEqual({ ok: false, detail: "'int' object has no attribute 'split'" });
  });
});
