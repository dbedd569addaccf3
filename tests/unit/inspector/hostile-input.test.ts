/**
 * Whatever is pasted into the inspector's fields, the input layer answers with a value or a
 * sentence: no exception, no hang. Inputs are built from the pieces that trip parsers (quotes,
 * prefixes, escapes, percent signs, padding, separators, header labels, surrogates).
 */
import { describe, expect, test } from 'vitest';
import { utf8Encode, base64UrlEncode } from '../../../src/lib/flask/encoding.ts';
import { TimestampSigner } from '../../../src/lib/flask/timed.ts';
import { decodeInput } from '../../../src/lib/inspector/decode-view.ts';
import { readKey, readKeyLines } from '../../../src/lib/inspector/secret-keys.ts';
import { countWordList, wordListKey } from '../../../src/lib/inspector/word-list-lines.ts';
import { parsePythonLiteral } from '../../../src/lib/python-literal.ts';
import { Random } from '../flask/random.ts';

const PIECES = [
  "'",
  '"',
  "'''",
  'b',
  'r',
  'u',
  'f',
  '\\',
  '\\x',
  '\\u',
  '\\N{',
  '\\777',
  '%',
  '%2E',
  '%3D',
  '%ZZ',
  '=',
  '==',
  '.',
  ':',
  ';',
  ' ',
  '\n',
  '\r',
  '\t',
  '\u0000',
  '\ud800',
  '😀',
  'eyJ',
  'eyJhbGciOiJIUzI1NiJ9',
  'ZVPxAA',
  'session=',
  'Set-Cookie: ',
  'Cookie: ',
  'Max-Age=0',
  'Expires=Thu, 01 Jan 1970 00:00:00 GMT',
  '#',
  'A',
  '0',
];

function input(random: Random): string {
  return Array.from({ length: random.int(12) }, () => PIECES[random.int(PIECES.length)]).join('');
}

describe('hostile input to the inspector’s input layer', () => {
  // Each input takes well under a millisecond; the bound only catches a hang on a shared machine.
  test('2,000 random inputs: every reader answers, quickly', async () => {
    const random = new Random(11);
    for (let i = 0; i < 2_000; i++) {
      const text = input(random);
      const started = performance.now();
      expect(() => parsePythonLiteral(text)).not.toThrow();
      expect(() => readKey(text, 'auto')).not.toThrow();
      expect(() => readKeyLines(text, 'auto', 32)).not.toThrow();
      expect(() => wordListKey(text)).not.toThrow();
      expect(() => countWordList(text)).not.toThrow();
      const view = await decodeInput(text, 1_700_000_000);
      expect(view.ok || view.message.length > 0).toBe(true);
      expect(performance.now() - started, `${i}: ${JSON.stringify(text)}`).toBeLessThan(500);
    }
  }, 60_000);

  test('a validly signed session nested 900 deep is displayed', async () => {
    const json = `{"a":${'['.repeat(899)}1${']'.repeat(899)}}`;
    const signed = new TimestampSigner('k').sign(utf8Encode(base64UrlEncode(utf8Encode(json))), 0);
    const view = await decodeInput(new TextDecoder().decode(signed), 0);
    expect(view.ok && view.python.startsWith("{'a': [[[")).toBe(true);
  });
});
