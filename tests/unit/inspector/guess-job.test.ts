import { describe, expect, test } from 'vitest';
import { vectors } from '../../conformance/vectors.ts';
import { prepareGuess } from '../../../src/lib/inspector/guess-job.ts';
import { runGuesses } from '../../../src/lib/inspector/guess-runner.ts';

// A cookie real Flask signed with the weak key "secret".
const weak = vectors.cookies.find((vector) => vector.name === 'key_seed_secret')!;

const run = (keys: string[], test: (key: string) => boolean) =>
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
