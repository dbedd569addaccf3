import { describe, expect, test } from 'vitest';
import { javascriptKernel, setCookie } from '../../../src/lib/guess/kernel.ts';
import { tryChunk } from '../../../src/lib/guess/word-list-chunk.ts';
import { strRepr } from '../../../src/lib/flask/str-repr.ts';
import { vectors } from '../../conformance/vectors.ts';
import { guessCookie } from '../../../src/lib/inspector/guess-job.ts';
import {
  countWordList,
  describeWordList,
  wordListKey,
} from '../../../src/lib/inspector/word-list-lines.ts';
import { cases, secretKey } from '../../conformance/inspector-cases.ts';

// A cookie real Flask signed with the weak key "secret".
const weak = vectors.cookies.find((vector) => vector.name === 'key_seed_secret')!;

describe('the cookie to guess against', () => {
  test('is split at its last dot into the signed part and the 20-byte signature', () => {
    const prepared = guessCookie(weak.cookie);
    const dot = weak.cookie.lastIndexOf('.');
    expect(prepared).toMatchObject({ ok: true });
    if (!prepared.ok) return;
    expect(new TextDecoder().decode(prepared.signedPart)).toBe(weak.cookie.slice(0, dot));
    expect(prepared.signature).toHaveLength(20);
  });

  test('a cookie without a dot has no signature to test', () => {
    expect(guessCookie('eyJjb3VudCI6MX0')).toEqual({
      ok: false,
      message: 'This cookie has no dot, so it has no signature to test keys against.',
    });
  });

  test('a signature that is not base64 can match no key', () => {
    expect(guessCookie('eyJjb3VudCI6MX0.ZVPxAA.A')).toMatchObject({
      ok: false,
      message: 'The signature part of this cookie is not base64, so no key can match it.',
    });
  });

  test('a signature of another length than HMAC-SHA1 can match no key', () => {
    expect(guessCookie('eyJjb3VudCI6MX0.ZVPxAA.AAAA')).toEqual({
      ok: false,
      message:
        'The signature part of this cookie decodes to 3 bytes; Flask’s HMAC-SHA1 signatures are 20, so no key can match it.',
    });
  });
});

describe('flask-unsign word lists (one Python literal per line)', () => {
  const list = cases.word_list;

  test.each(list.lines.map((line) => [line.line, line] as const))(
    '%j reads as flask-unsign reads it',
    (_, expected) => {
      const read = wordListKey(expected.line);
      expect(read).toEqual({ key: secretKey(expected.key), literal: expected.kind === 'literal' });
    },
  );

  test('the lines are counted by how they were read', () => {
    const text = list.lines.map((line) => line.line).join('\r\n');
    const literals = list.lines.filter((line) => line.kind === 'literal').length;
    const counts = countWordList(`${text}\n\n`);
    expect(counts).toEqual({
      lines: list.lines.length,
      literals,
      plain: list.lines.length - literals,
    });
    expect(describeWordList(counts)).toBe(
      `${list.lines.length} lines: ${literals} Python literals, ${list.lines.length - literals} plain.`,
    );
    expect(describeWordList({ lines: 55_982, literals: 55_970, plain: 12 })).toBe(
      '55,982 lines: 55,970 Python literals, 12 plain.',
    );
    expect(describeWordList(countWordList("''\nkey\n'\\ud800'"))).toBe(
      '3 lines: 1 plain, 2 empty or unusable literals skipped.',
    );
  });

  test('finds the key of a cookie real Flask signed, written as a quoted line', () => {
    const prepared = guessCookie(list.cookie);
    if (!prepared.ok) throw new Error(prepared.message);
    const kernel = javascriptKernel();
    setCookie(kernel, prepared.signedPart, prepared.signature);
    const text = list.lines.map((line) => line.line).join('\n');
    const result = tryChunk(kernel, new TextEncoder().encode(text), true);
    expect(result.found).toEqual(list.found);
  });

  test('taken literally, every line is a key as written; the built-in list is still read', () => {
    const mine = "'dev'\nb'x'";
    expect(wordListKey("'dev'", 'plain')).toEqual({ key: "'dev'", literal: false });
    expect(describeWordList(countWordList(mine, 'plain'))).toBe('2 lines: 2 plain.');
    // The worker reads a list's lines the same way: the found key written as a literal is
    // found when lines are read as Python has them, and is a different key taken literally.
    const prepared = guessCookie(list.cookie);
    if (!prepared.ok) throw new Error(prepared.message);
    const kernel = javascriptKernel();
    setCookie(kernel, prepared.signedPart, prepared.signature);
    const quoted = new TextEncoder().encode(strRepr(list.found));
    expect(tryChunk(kernel, quoted, true, 'auto').found).toEqual(list.found);
    expect(tryChunk(kernel, quoted, true, 'plain')).toEqual({ tried: 1, found: null });
  });
});
