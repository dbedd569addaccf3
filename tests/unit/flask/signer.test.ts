import { bytesToHex } from '@noble/hashes/utils.js';
import { describe, expect, test } from 'vitest';
import { utf8Encode } from '../../../src/lib/flask/encoding.ts';
import { Signer, constantTimeEqual, deriveKey } from '../../../src/lib/flask/signer.ts';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const SIGNED = 'eyJjb3VudCI6MX0.ZVPxAA'; // the counter's payload and timestamp at 1700000000

describe("itsdangerous' Signer as Flask configures it (itsdangerous `signer.py`: `Signer`)", () => {
  test("derives the signing key as HMAC-SHA1(secret, 'cookie-session')", () => {
    expect(bytesToHex(deriveKey('dev-secret-key'))).toBe(
      '71009d16d198ed703005b52dd74858969d57a0be',
    );
  });

  test('signs value.timestamp with HMAC-SHA1 of the derived key', () => {
    const signed = new Signer('dev-secret-key').sign(utf8Encode(SIGNED));
    expect(text(signed)).toBe(`${SIGNED}.Xss3LkRekfPz2zxJbqRLrfLUhuI`);
  });

  test('a text key and its UTF-8 bytes sign alike', () => {
    const fromText = new Signer('dev-secret-key').sign(utf8Encode(SIGNED));
    const fromBytes = new Signer(utf8Encode('dev-secret-key')).sign(utf8Encode(SIGNED));
    expect(fromBytes).toEqual(fromText);
  });

  test('with a key list, signs with the newest (last) key', () => {
    const rotated = new Signer(['old-key', 'dev-secret-key']).sign(utf8Encode(SIGNED));
    expect(rotated).toEqual(new Signer('dev-secret-key').sign(utf8Encode(SIGNED)));
  });

  test('with a key list, accepts a signature made by any of the keys', () => {
    const byOld = new Signer('old-key').sign(utf8Encode(SIGNED));
    expect(new Signer(['old-key', 'new-key']).unsign(byOld).ok).toBe(true);
    expect(new Signer(['other-key', 'new-key']).unsign(byOld).ok).toBe(false);
  });

  test('unsigning a value without a dot raises BadSignature "No b\'.\' found in value"', () => {
    const result = new Signer('k').unsign(utf8Encode('abc'));
    expect(result).toMatchObject({
      ok: false,
      payload: null,
      failure: { error: 'BadSignature', pythonMessage: "No b'.' found in value" },
    });
  });

  test('a wrong signature names the raw segment in its message', () => {
    const result = new Signer('k').unsign(utf8Encode('abc.d\u00e9f'));
    expect(result).toMatchObject({
      ok: false,
      failure: { error: 'BadSignature', pythonMessage: "Signature b'd\\xc3\\xa9f' does not match" },
    });
  });

  test('compare_digest treats different lengths as different', () => {
    expect(constantTimeEqual(Uint8Array.of(1), Uint8Array.of(1, 0))).toBe(false);
    expect(constantTimeEqual(Uint8Array.of(1, 2), Uint8Array.of(1, 2))).toBe(true);
  });
});
