import { describe, expect, test } from 'vitest';
import type { SecretKey } from '../../../src/lib/flask/index.ts';
import { vectors } from '../../conformance/vectors.ts';
import { prepareGuess } from '../../../src/lib/inspector/guess-job.ts';
import { runGuesses } from '../../../src/lib/inspector/guess-runner.ts';
import {
  countWordList,
  describeWordList,
  wordListKey,
} from '../../../src/lib/inspector/word-lists.ts';
import { cases, secretKey } from '../../conformance/inspector-cases.ts';

// A cookie real Flask signed with the weak key "secret".
const weak = vectors.cookies.find((vector) => vector.name === 'key_seed_secret')!;

const run = (keys: SecretKey[], test: (key: SecretKey) => boolean) =>
  runGuesses(keys, {
    test,
    clock: () => 0,
    pause: () => Promise.resolve(),
    cancelled: () => false,
    onProgress: () => {},
  });

describe('preparing a guessing job', () => {
  test('finds the key that signed a real Flask cookie', async () => {
    const job = prepareGuess(weak.cookie, ['changeme\ndev\nsecret\npassword', 'admin']);
    if (!job.ok) throw new Error(job.message);
    expect(job.keys).toEqual(['changeme', 'dev', 'secret', 'password', 'admin']);
    expect(await run(job.keys, job.test)).toMatchObject({ kind: 'found', key: 'secret', tried: 3 });
  });

  test('a key that did not sign it is not found, whatever the age of the cookie', async () => {
    const job = prepareGuess(weak.cookie, ['dev-secret-key\nSecret\nsecret ']);
    if (!job.ok) throw new Error(job.message);
    expect(await run(job.keys, job.test)).toMatchObject({ kind: 'not-found', tried: 3 });
  });

  test('a cookie without a dot has no signature to test', () => {
    expect(prepareGuess('eyJjb3VudCI6MX0', ['secret'])).toEqual({
      ok: false,
      message: 'This cookie has no dot, so it has no signature to test keys against.',
    });
  });

  test('a signature that is not base64 can match no key', () => {
    expect(prepareGuess('eyJjb3VudCI6MX0.ZVPxAA.A', ['secret'])).toMatchObject({
      ok: false,
      message: 'The signature part of this cookie is not base64, so no key can match it.',
    });
  });

  test('an empty word list is refused before anything runs', () => {
    expect(prepareGuess(weak.cookie, ['', '\n\n'])).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^The word list is empty/),
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

  test('finds the key of a cookie real Flask signed, written as a quoted line', async () => {
    const job = prepareGuess(list.cookie, [list.lines.map((line) => line.line).join('\n')]);
    if (!job.ok) throw new Error(job.message);
    expect(await run(job.keys, job.test)).toMatchObject({ kind: 'found', key: list.found });
  });

  test('a bytes key and the same key as text are tried once', () => {
    const job = prepareGuess(list.cookie, ["secret\nb'secret'\nb'\\xff'\nb'\\xff'\n'\\xff'"]);
    expect(job.ok && job.keys).toEqual(['secret', Uint8Array.of(0xff), 'ÿ']);
  });
});
