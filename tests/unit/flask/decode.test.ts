import { describe, expect, test } from 'vitest';
import {
  cookieSignatureMatches,
  decodeSessionCookie,
  parseSignedCookie,
} from '../../../src/lib/flask/decode.ts';
import { newDict } from '../../../src/lib/flask/python.ts';

const COMPRESSED = '.eJyrVqpQslJKRAJKtQBD7Qa_.ZVPxAA.ZUFCO6aNoZwTGE7MVM1WmkCOCtA'; // a compressed session Flask signed at 1700000000
const COUNT_1 = 'eyJjb3VudCI6MX0.ZVPxAA.Xss3LkRekfPz2zxJbqRLrfLUhuI';

describe('reading a cookie without the secret key (like flask-unsign --decode)', () => {
  test('shows payload, timestamp, compression and signature', async () => {
    expect(await decodeSessionCookie(COMPRESSED)).toEqual({
      ok: true,
      compressed: true,
      json: '{"x":"aaaaaaaaaaaa"}',
      payload: Object.assign(newDict(), { x: 'aaaaaaaaaaaa' }),
      timestamp: 1700000000,
      signature: expect.any(Uint8Array),
      signatureHex: '6541423ba68da19c13184ecc54cd569a408e0ad0',
    });
  });

  test.each([
    ['', 'EmptyCookie'],
    ['abc', 'MissingSeparator'],
    ['abc.def', 'MissingSeparator'],
    ['e.ZVPxAA.sig', 'BadBase64'],
    ['.bm90IHpsaWI.ZVPxAA.sig', 'BadZlib'],
    ['e3g.ZVPxAA.sig', 'BadJson'],
  ])('%j is refused as %s, with a sentence', async (cookie, error) => {
    const decoded = await decodeSessionCookie(cookie);
    expect(decoded).toMatchObject({ ok: false, error, message: expect.stringMatching(/\.|\)$/) });
  });

  test('an unreadable timestamp or signature is null, not an error', async () => {
    const decoded = await decodeSessionCookie('eyJjb3VudCI6MX0.A.B');
    expect(decoded).toMatchObject({
      ok: true,
      timestamp: null,
      signature: null,
      signatureHex: null,
    });
  });
});

describe('guessing a secret key', () => {
  const parsed = parseSignedCookie(COUNT_1)!;

  test('the right key matches, a wrong key does not', () => {
    expect(cookieSignatureMatches(parsed, 'dev-secret-key')).toBe(true);
    expect(cookieSignatureMatches(parsed, 'secret')).toBe(false);
  });

  test('malleable signature spellings Flask accepts match too', () => {
    expect(cookieSignatureMatches(parseSignedCookie(`${COUNT_1}==`)!, 'dev-secret-key')).toBe(true);
  });

  test('a cookie without a dot cannot be parsed', () => {
    expect(parseSignedCookie('abc')).toBeNull();
  });
});
