import { bytesToHex } from '@noble/hashes/utils.js';
import { describe, expect, test } from 'vitest';
import { dumpSessionCookie, loadSessionCookie, newDict } from '../../../src/lib/flask/index.ts';
import { MAX_FALLBACK_KEYS, MAX_SECRET_CHARS } from '../../../src/lib/inspector/limits.ts';
import { readKey, readKeyLines } from '../../../src/lib/inspector/secret-keys.ts';
import { signSession } from '../../../src/lib/inspector/sign-view.ts';
import { verifyCookie } from '../../../src/lib/inspector/verify-view.ts';
import { cases, named, secretKey } from '../../conformance/inspector-cases.ts';

const CLOCK = cases.meta.clock;

describe('a key typed as Flask has it signs and verifies the cookies real Flask made', () => {
  test.each(cases.keys.map((c) => [c.name, c] as const))('%s', async (_, expected) => {
    const read = readKey(expected.typed, 'auto');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const key = secretKey(expected.key);
    if (typeof key === 'string') expect(read.key).toBe(key);
    else expect(bytesToHex(read.key as Uint8Array)).toBe(bytesToHex(key));

    const session = Object.assign(newDict(), expected.session);
    const dumped = await dumpSessionCookie(session, { secretKey: read.key, timestamp: CLOCK });
    expect(dumped).toEqual({ ok: true, cookie: expected.cookie });
    const loaded = await loadSessionCookie(expected.cookie, { secretKey: read.key, now: CLOCK });
    expect(loaded.ok).toBe(expected.load.ok);

    const view = await verifyCookie({
      cookie: expected.cookie,
      secretKey: expected.typed,
      keyReading: 'auto',
      fallbackKeys: '',
      maxAge: String(cases.meta.max_age),
      now: CLOCK,
    });
    expect(view).toMatchObject({ ok: true, keyUsed: 'the current SECRET_KEY' });
    if (view.ok && expected.load.ok) expect(view.python).toBe(expected.load.repr);
  });

  test('Sign keeps the newline of a key read from a file and makes Flask’s cookie', async () => {
    const expected = named(cases.keys, 'key read from a file with its newline');
    const view = await signSession({
      json: JSON.stringify(expected.session),
      secretKey: expected.typed,
      keyReading: 'auto',
      timestamp: String(expected.timestamp),
    });
    expect(view).toMatchObject({ ok: true, cookie: expected.cookie });
  });

  test('the quickstart key as a literal verifies; taken literally it does not', async () => {
    const expected = named(cases.keys, 'Flask quickstart bytes key');
    const check = (keyReading: 'auto' | 'plain') =>
      verifyCookie({
        cookie: expected.cookie,
        secretKey: expected.typed,
        keyReading,
        fallbackKeys: '',
        maxAge: '99999999',
        now: CLOCK,
      });
    expect(await check('auto')).toMatchObject({ ok: true });
    expect(await check('plain')).toMatchObject({ ok: false, error: 'BadTimeSignature' });
  });

  test('a bytes fallback key is found and named as Python prints it', async () => {
    const expected = named(cases.keys, 'os.urandom key');
    const view = await verifyCookie({
      cookie: expected.cookie,
      secretKey: 'new-key',
      keyReading: 'auto',
      fallbackKeys: `old-key\n${expected.typed}`,
      maxAge: '99999999',
      now: CLOCK,
    });
    expect(view).toMatchObject({ ok: true, keyUsed: "fallback key 2, b'\\x00\\xff\\x10 \\x7f'" });
  });
});

describe('the line under a key field says how the key was read', () => {
  test.each([
    ["b'_5#y2L\"F4Q8z\\n\\xec]/'", 'auto', 'Read as a Python bytes literal: 16 bytes.'],
    ['mysecret\n', 'auto', 'Plain text, 9 characters, ends with a newline.'],
    ["'mysecret\\n'", 'auto', 'Read as a Python str literal: 9 characters, ends with a newline.'],
    ["'dev'", 'plain', 'Plain text, 5 characters.'],
    [' dev key ', 'auto', 'Plain text, 9 characters, ends with a space, starts with a space.'],
    ['a\nb\nc', 'auto', 'Plain text, 5 characters, 2 line breaks.'],
    ['clé', 'auto', 'Plain text, 3 characters.'],
  ] as const)('%j (%s)', (text, reading, note) => {
    expect(readKey(text, reading)).toMatchObject({ ok: true, note });
  });

  test.each([
    ['', /^Enter the secret key/],
    ["b''", /^Enter the secret key/],
    [
      "b'é'",
      /looks like a Python literal but Python would refuse it: .*ASCII.*Take the text literally/,
    ],
    ["'\\ud800'", /lone surrogate.*UnicodeEncodeError/],
    [
      'k'.repeat(MAX_SECRET_CHARS + 1),
      /1,025 characters long; the inspector reads at most 1,024\./,
    ],
  ])('%j is refused with a sentence', (text, message) => {
    const read = readKey(text, 'auto');
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message).toMatch(message);
  });
});

describe('fallback keys, one per line', () => {
  test('plain lines and literals, in order, blank lines skipped, counted', () => {
    const read = readKeyLines("older-key\r\n\nb'\\x01'\n'new\\n'\n", 'auto', MAX_FALLBACK_KEYS);
    expect(read).toMatchObject({
      ok: true,
      keys: ['older-key', Uint8Array.of(1), 'new\n'],
      note: '3 keys: 2 read as Python literals, 1 plain text.',
    });
    expect(readKeyLines('', 'auto', MAX_FALLBACK_KEYS)).toEqual({ ok: true, keys: [], note: null });
  });

  test('too many, or one too long, is refused', () => {
    const many = Array.from({ length: MAX_FALLBACK_KEYS + 1 }, (_, i) => `k${i}`).join('\n');
    expect(readKeyLines(many, 'auto', MAX_FALLBACK_KEYS)).toEqual({
      ok: false,
      message: 'There are 33 fallback keys; the inspector checks at most 32.',
    });
    expect(readKeyLines(`ok\n${'k'.repeat(MAX_SECRET_CHARS + 1)}`, 'auto', 32)).toEqual({
      ok: false,
      message: 'Fallback key 2 is 1,025 characters long; the inspector reads at most 1,024.',
    });
  });
});
