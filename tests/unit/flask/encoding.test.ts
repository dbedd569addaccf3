import { describe, expect, test } from 'vitest';
import {
  a2bBase64,
  base64Encode,
  base64UrlDecode,
  base64UrlEncode,
  bytesToInt,
  intToBytes,
  utf8DecodeStrict,
  utf8Encode,
} from '../../../src/lib/flask/encoding.ts';

const ascii = (text: string) => utf8Encode(text);
const decodedText = (result: ReturnType<typeof a2bBase64>) =>
  result.ok ? new TextDecoder().decode(result.bytes) : `error: ${result.reason}`;

describe('timestamps (itsdangerous int_to_bytes + base64_encode in `itsdangerous/encoding.py`)', () => {
  test.each([
    [0, ''],
    [1, 'AQ'],
    [255, '_w'],
    [256, 'AQA'],
    [65535, '__8'],
    [1234567890, 'SZYC0g'],
    [1700000000, 'ZVPxAA'],
    [2147483647, 'f____w'],
    [4294967296, 'AQAAAAA'],
  ])('%i is packed big-endian without leading zero bytes as %j', (ts, segment) => {
    expect(base64UrlEncode(intToBytes(ts))).toBe(segment);
  });

  test('bytes_to_int reads up to 8 bytes, big-endian', () => {
    expect(bytesToInt(Uint8Array.of(0x65, 0x53, 0xf1, 0x00))).toBe(1700000000n);
    expect(bytesToInt(new Uint8Array(8).fill(0xff))).toBe(2n ** 64n - 1n);
    expect(bytesToInt(new Uint8Array())).toBe(0n);
  });

  test('bytes_to_int refuses more than 8 bytes', () => {
    expect(bytesToInt(new Uint8Array(9))).toBeNull();
  });
});

describe("itsdangerous' lenient base64 decoding (itsdangerous `encoding.py`: `base64_decode`)", () => {
  test('pads to a multiple of four, so unpadded segments decode', () => {
    expect(decodedText(base64UrlDecode(ascii('eyJjb3VudCI6MX0')))).toBe('{"count":1}');
  });

  test('accepts both the URL-safe and the standard alphabet', () => {
    expect(base64UrlDecode(ascii('-_-_'))).toEqual(base64UrlDecode(ascii('+/+/')));
  });

  test('skips characters outside the alphabet', () => {
    expect(decodedText(base64UrlDecode(ascii('ey!Jj b3~VudCI6MX0')))).toBe('{"count":1}');
  });

  test('stops at enough padding and ignores the rest', () => {
    expect(decodedText(a2bBase64(ascii('YQ==anything')))).toBe('a');
  });

  test('ignores padding before two characters of a quad', () => {
    expect(decodedText(a2bBase64(ascii('=Y=Q==')))).toBe('a');
  });

  test('drops the unused low bits of the last character', () => {
    expect(a2bBase64(ascii('YR=='))).toEqual(a2bBase64(ascii('YQ==')));
  });

  test('a single leftover character is an error', () => {
    expect(a2bBase64(ascii('a'))).toEqual({
      ok: false,
      reason:
        'Invalid base64-encoded string: number of data characters (1) cannot be 1 more than a multiple of 4',
    });
  });

  test("two or three leftover characters are 'Incorrect padding'", () => {
    expect(a2bBase64(ascii('ab'))).toEqual({ ok: false, reason: 'Incorrect padding' });
    expect(a2bBase64(ascii('ab=c'))).toEqual({ ok: false, reason: 'Incorrect padding' });
  });

  test('base64.b64decode (the bytes tag) does not add padding', () => {
    expect(a2bBase64(ascii('YQ')).ok).toBe(false);
  });
});

describe('encoding', () => {
  test('URL-safe base64 has no padding and uses - and _', () => {
    expect(base64UrlEncode(Uint8Array.of(0xfb, 0xff))).toBe('-_8');
  });

  test('the bytes tag uses standard base64 with padding', () => {
    expect(base64Encode(Uint8Array.of(0xfb, 0xff))).toBe('+/8=');
  });

  test("strict UTF-8 decoding fails like Python's bytes.decode", () => {
    expect(utf8DecodeStrict(Uint8Array.of(0xff))).toBeNull();
    expect(utf8DecodeStrict(Uint8Array.of(0xed, 0xa0, 0x80))).toBeNull();
  });

  test('a byte order mark is kept, so the JSON reader can reject it', () => {
    expect(utf8DecodeStrict(Uint8Array.of(0xef, 0xbb, 0xbf, 0x7b))).toBe('\ufeff{');
  });
});
