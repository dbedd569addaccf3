import { describe, expect, test } from 'vitest';
import { base64UrlEncode, utf8Encode } from '../../../src/lib/flask/encoding.ts';
import { Signer } from '../../../src/lib/flask/signer.ts';
import { TimestampSigner } from '../../../src/lib/flask/timed.ts';

const T0 = 1700000000;
const MAX_AGE = 2678400;
const COOKIE = 'eyJjb3VudCI6MX0.ZVPxAA.Xss3LkRekfPz2zxJbqRLrfLUhuI'; // {'count': 1} as Flask signs it with 'dev-secret-key' at 1700000000
const signer = new TimestampSigner('dev-secret-key');
const unsign = (cookie: string, now: number, maxAge = MAX_AGE) =>
  signer.unsign(utf8Encode(cookie), { now, maxAge });
/** A value signed without a timestamp, or with any timestamp segment (what a key holder can do). */
const signRaw = (value: string) =>
  new TextDecoder().decode(new Signer('dev-secret-key').sign(utf8Encode(value)));

describe("itsdangerous' TimestampSigner (itsdangerous `timed.py`)", () => {
  test('signs value.timestamp.signature', () => {
    const signed = signer.sign(utf8Encode('eyJjb3VudCI6MX0'), T0);
    expect(new TextDecoder().decode(signed)).toBe(COOKIE);
  });

  test('timestamp 0 gives an empty timestamp segment', () => {
    const signed = new TextDecoder().decode(signer.sign(utf8Encode('e30'), 0));
    expect(signed.startsWith('e30..')).toBe(true);
  });

  test('a cookie exactly max_age seconds old is still valid', () => {
    expect(unsign(COOKIE, T0 + MAX_AGE)).toMatchObject({ ok: true, timestamp: T0 });
  });

  test('one second older raises SignatureExpired', () => {
    expect(unsign(COOKIE, T0 + MAX_AGE + 1)).toMatchObject({
      ok: false,
      failure: {
        error: 'SignatureExpired',
        pythonMessage: 'Signature age 2678401 > 2678400 seconds',
      },
    });
  });

  test('a cookie from the future raises SignatureExpired', () => {
    expect(unsign(COOKIE, T0 - 1)).toMatchObject({
      ok: false,
      failure: { error: 'SignatureExpired', pythonMessage: 'Signature age -1 < 0 seconds' },
    });
  });

  test('a bad signature is reported as BadTimeSignature with the same message', () => {
    expect(unsign(`${COOKIE}x`, T0)).toMatchObject({
      ok: false,
      failure: {
        error: 'BadTimeSignature',
        pythonMessage: "Signature b'Xss3LkRekfPz2zxJbqRLrfLUhuIx' does not match",
      },
    });
  });

  test('a bad signature on a value without any dot stays a plain BadSignature', () => {
    expect(unsign('abc.def', T0)).toMatchObject({ ok: false, failure: { error: 'BadSignature' } });
  });

  test("a valid signature without a timestamp is 'timestamp missing'", () => {
    expect(unsign(signRaw('eyJhIjoxfQ'), T0)).toMatchObject({
      ok: false,
      failure: { error: 'BadTimeSignature', pythonMessage: 'timestamp missing' },
    });
  });

  test("a timestamp of more than 8 bytes is 'Malformed timestamp'", () => {
    const nineBytes = base64UrlEncode(new Uint8Array(9).fill(1));
    expect(unsign(signRaw(`e30.${nineBytes}`), T0)).toMatchObject({
      ok: false,
      failure: { error: 'BadTimeSignature', pythonMessage: 'Malformed timestamp' },
    });
  });

  test("a bad signature with a timestamp past year 9999 is 'Malformed timestamp'", () => {
    const cookie = new TextDecoder().decode(signer.sign(utf8Encode('e30'), 253402300800));
    expect(unsign(`${cookie}x`, T0)).toMatchObject({
      ok: false,
      failure: { error: 'BadTimeSignature', pythonMessage: 'Malformed timestamp' },
    });
  });

  test('a valid signature with a timestamp past year 9999 fails like Python, not itsdangerous', () => {
    const cookie = new TextDecoder().decode(signer.sign(utf8Encode('e30'), 253402300800));
    expect(unsign(cookie, T0)).toMatchObject({
      ok: false,
      failure: {
        error: 'TimestampOutOfRange',
        pythonClass: 'ValueError',
        pythonMessage: 'year 10000 is out of range',
      },
    });
  });
});
