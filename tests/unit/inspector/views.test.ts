/**
 * Decode, Verify and Sign as the page shows them, checked against real Flask: every cookie,
 * load outcome and Set-Cookie header expected here comes from tests/conformance/vectors.json
 * (gen_vectors.py, Flask 2.2 at clock 1700000000), except where a test says otherwise.
 */
import { describe, expect, test } from 'vitest';
import { vectors, type KeyJson } from '../../conformance/vectors.ts';
import { formatUtc } from '../../../src/lib/time-format.ts';
import { decodeInput } from '../../../src/lib/inspector/decode-view.ts';
import { LAST_TIMESTAMP } from '../../../src/lib/inspector/fields.ts';
import { signSession } from '../../../src/lib/inspector/sign-view.ts';
import { verifyCookie } from '../../../src/lib/inspector/verify-view.ts';

const CLOCK = Number(vectors.meta['clock']);
const KEY = String(vectors.meta['secret_key']);
const DEFAULT_MAX_AGE = String(vectors.meta['max_age']);
const cookieNamed = (name: string) => vectors.cookies.find((vector) => vector.name === name)!;
const setCookieOf = (request: string) =>
  vectors.requests
    .find((vector) => vector.name === request)!
    .steps.flatMap((step) => step.response.headers)
    .find(([name]) => name === 'Set-Cookie')![1];
const textKeys = (keys: readonly KeyJson[]): keys is string[] =>
  keys.every((key) => typeof key === 'string' && key !== '');
const ITSDANGEROUS = new Set([
  'BadSignature',
  'BadTimeSignature',
  'SignatureExpired',
  'BadPayload',
]);

describe('Decode', () => {
  test.each(vectors.cookies.map((vector) => [vector.name, vector] as const))(
    '%s reads as Flask wrote it, without the key',
    async (_name, vector) => {
      const view = await decodeInput(vector.cookie, vector.timestamp + 60);
      if (!view.ok) throw new Error(view.message);
      expect(view.json.replace(/("(?:[^"\\]|\\.)*")|\s+/g, (_, s?: string) => s ?? '')).toBe(
        vector.tagged_json,
      );
      expect(view.compressed).toBe(vector.compressed);
      if (vector.reload.ok && vector.reload.repr_comparable && !vector.reload.non_str_keys) {
        expect(view.python).toBe(vector.reload.repr);
      }
      expect(view.signedAt).toBe(
        vector.timestamp > LAST_TIMESTAMP
          ? `${vector.timestamp} seconds after 1970, beyond the year 9999, so Python cannot make it a date`
          : `${formatUtc(vector.timestamp)} (1 minute ago)`,
      );
    },
  );

  test('shows each key with its Python type, and names the tagged types', async () => {
    const view = await decodeInput(cookieNamed('tuples').cookie, CLOCK);
    if (!view.ok) throw new Error(view.message);
    expect(view.entries).toEqual([
      { key: 'empty', type: 'tuple', value: '()' },
      { key: 'mixed', type: 'tuple', value: "(1, 'a', (2, 3), [4])" },
      { key: 'one', type: 'tuple', value: '(1,)' },
    ]);
    expect(view.taggedTypes).toEqual(['tuple']);
    const dated = await decodeInput(cookieNamed('datetime').cookie, CLOCK);
    expect(dated.ok && dated.entries).toEqual([
      {
        key: 'd',
        type: 'datetime.datetime',
        value: 'datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc)',
      },
    ]);
  });

  test('splits the cookie into its parts and shows the signature in hex', async () => {
    const view = await decodeInput(`Cookie: session=${cookieNamed('repeat_a_12').cookie}`, CLOCK);
    expect(view).toMatchObject({
      ok: true,
      source: 'Read from the Cookie header.',
      parts: {
        payload: '.eJyrVqpQslJKRAJKtQBD7Qa_',
        timestamp: 'ZVPxAA',
        signature: 'ZUFCO6aNoZwTGE7MVM1WmkCOCtA',
      },
      compressed: true,
      signatureHex: '6541423ba68da19c13184ecc54cd569a408e0ad0',
      summary: 'Decoded a compressed cookie: 1 key, signed just now.',
    });
  });

  test('hostile HTML in a value is data: it comes back as text', async () => {
    const view = await decodeInput(cookieNamed('markup').cookie, CLOCK);
    expect(view.ok && view.python).toBe("{'e': Markup(''), 'm': Markup('<b>x</b>')}");
  });

  test('a cookie that cannot be read keeps the cookie, so it can still be verified', async () => {
    const garbage = vectors.loads.find((vector) => vector.name === 'payload_zlib_garbage')!;
    expect(await decodeInput(garbage.cookie, CLOCK)).toEqual({
      ok: false,
      cookie: garbage.cookie,
      source: null,
      message:
        'The data part is marked as compressed but is not valid zlib data (zlib: incorrect header check)',
    });
  });

  test.each([
    ['e.ZVPxAA.v7oJDsWrg-ToFb1O0fPt2uvMf5A', /^The data part is not valid base64/],
    ['abc', /^A Flask session cookie has three parts/],
    ['abc.def', /^A Flask session cookie has three parts/],
    ['ew.ZVPxAA.4Srds4T57ooeIEkslsvb6OrVPak', /^The data part is not JSON/],
    ['', /^Paste a session cookie/],
  ])('%j gives a sentence, not a crash', async (input, message) => {
    const view = await decodeInput(input, CLOCK);
    expect(view.ok).toBe(false);
    expect(!view.ok && view.message).toMatch(message);
  });

  test('a compressed cookie without the zlib code says the download failed', async () => {
    const view = await decodeInput(cookieNamed('repeat_a_12').cookie, CLOCK, () =>
      Promise.reject(new Error('Failed to fetch dynamically imported module')),
    );
    expect(!view.ok && view.message).toMatch(/compression code could not be loaded/);
  });
});

describe('Verify', () => {
  const verifiable = vectors.loads.filter((vector) => textKeys(vector.secret_keys));

  test.each(verifiable.map((vector) => [vector.name, vector] as const))(
    '%s: same outcome as Flask',
    async (_name, vector) => {
      const keys = vector.secret_keys as string[];
      const view = await verifyCookie({
        cookie: vector.cookie,
        secretKey: keys.at(-1)!,
        keyReading: 'auto',
        fallbackKeys: keys.slice(0, -1).join('\n'),
        maxAge: String(vector.max_age),
        now: vector.now,
      });
      const flask = vector.result;
      if (flask.ok && flask.non_str_keys) {
        expect(view).toMatchObject({ ok: false, kind: 'rejected', error: 'NonStringKey' });
      } else if (flask.ok) {
        expect(view.ok).toBe(true);
        if (view.ok && flask.repr_comparable) expect(view.python).toBe(flask.repr);
      } else {
        const cls = ITSDANGEROUS.has(flask.class) ? `itsdangerous.exc.${flask.class}` : flask.class;
        expect(view).toMatchObject({
          ok: false,
          kind: 'rejected',
          python: `${cls}: ${flask.message}`,
        });
      }
    },
  );

  const load = (name: string) => vectors.loads.find((vector) => vector.name === name)!;

  test('says which key matched: the current one or a fallback by its line', async () => {
    const base = { maxAge: DEFAULT_MAX_AGE, now: CLOCK };
    const current = await verifyCookie({
      ...base,
      cookie: load('valid').cookie,
      secretKey: KEY,
      keyReading: 'auto',
      fallbackKeys: '',
    });
    expect(current).toMatchObject({ ok: true, keyUsed: 'the current SECRET_KEY' });
    const oldest = load('fallback_oldest_of_three');
    const fallback = await verifyCookie({
      ...base,
      cookie: oldest.cookie,
      secretKey: 'new-key',
      keyReading: 'auto',
      fallbackKeys: 'older-key\nold-key',
    });
    expect(fallback).toMatchObject({
      ok: true,
      keyUsed: "fallback key 1, 'older-key'",
      summary: "Valid: signed with fallback key 1, 'older-key'.",
    });
  });

  test('an expired cookie names its age, and that the signature itself matched', async () => {
    const expired = load('age_one_past_max');
    const view = await verifyCookie({
      cookie: expired.cookie,
      secretKey: KEY,
      keyReading: 'auto',
      fallbackKeys: '',
      maxAge: DEFAULT_MAX_AGE,
      now: expired.now,
    });
    expect(view).toMatchObject({
      ok: false,
      kind: 'rejected',
      error: 'SignatureExpired',
      python: 'itsdangerous.exc.SignatureExpired: Signature age 2678401 > 2678400 seconds',
      keyNote: 'The signature matches the current SECRET_KEY, but a later check failed.',
    });
  });

  test('bad fields are reported per field, and nothing is checked', async () => {
    const view = await verifyCookie({
      cookie: load('valid').cookie,
      secretKey: '',
      keyReading: 'auto',
      fallbackKeys: '',
      maxAge: 'forever',
      now: CLOCK,
    });
    expect(view).toEqual({
      ok: false,
      kind: 'fields',
      errors: {
        secretKey:
          'Enter the secret key (app.secret_key). With an empty key Flask has no sessions at all.',
        maxAge: 'Enter the maximum age as whole seconds, such as 2678400 for 31 days.',
      },
      summary: 'Not verified: a field needs fixing.',
    });
  });
});

describe('Sign', () => {
  // The signer reads the JSON as Flask's loads does, so the expected cookie is Flask's re-dump
  // of what it loaded (the same cookie except where Flask's date parser reads "0001" as 2001).
  const signable = vectors.cookies.filter(
    (vector) =>
      textKeys([vector.secret_key]) && vector.timestamp <= LAST_TIMESTAMP && vector.reload.ok,
  );

  test.each(signable.map((vector) => [vector.name, vector] as const))(
    '%s: the same cookie as Flask for the same data, key and time',
    async (_name, vector) => {
      const view = await signSession({
        json: vector.tagged_json,
        secretKey: vector.secret_key as string,
        keyReading: 'auto',
        timestamp: String(vector.timestamp),
      });
      const redump = vector.reload.ok ? vector.reload.redump : undefined;
      const expected = redump?.ok ? redump.value : vector.cookie;
      expect(view).toMatchObject({ ok: true, cookie: expected });
    },
  );

  test('times past the year 9999 are refused: Flask could not load the cookie', async () => {
    const far = cookieNamed('timestamp_1099511627776');
    const view = await signSession({
      json: far.tagged_json,
      secretKey: KEY,
      keyReading: 'auto',
      timestamp: String(far.timestamp),
    });
    expect(!view.ok && view.kind === 'fields' && view.errors.timestamp).toMatch(/^Enter the time/);
  });

  test('the Set-Cookie header is the one Flask sends, with Expires when permanent', async () => {
    const sign = (json: string) =>
      signSession({ json, secretKey: KEY, keyReading: 'auto', timestamp: String(CLOCK) });
    expect(await sign('{"count": 1}')).toMatchObject({
      ok: true,
      setCookie: setCookieOf('counter_dev_key'),
      empty: false,
      warning: null,
    });
    expect(await sign('{"_permanent": true, "user": "alice"}')).toMatchObject({
      setCookie: setCookieOf('permanent'),
    });
    expect(await sign('{}')).toMatchObject({
      ok: true,
      empty: true,
      setCookie: setCookieOf('clear_no_cookie'),
    });
  });

  test('a timestamp can be given as a UTC date', async () => {
    const view = await signSession({
      json: '{"count":1}',
      secretKey: KEY,
      keyReading: 'auto',
      timestamp: '2023-11-14 22:13:20',
    });
    expect(view).toMatchObject({ ok: true, cookie: cookieNamed('count_1').cookie });
  });

  test('data Flask cannot write gives Flask’s own error', async () => {
    // Real Flask 2.2 raised "RecursionError: maximum recursion depth exceeded" for this (checked
    // with /usr/bin/python3 and SecureCookieSessionInterface().get_signing_serializer(app).dumps).
    const deep = `{"a": ${'['.repeat(400)}1${']'.repeat(400)}}`;
    expect(
      await signSession({
        json: deep,
        secretKey: KEY,
        keyReading: 'auto',
        timestamp: String(CLOCK),
      }),
    ).toMatchObject({
      ok: false,
      kind: 'flask-error',
      python: 'RecursionError: maximum recursion depth exceeded',
    });
  });

  test.each([
    ['', /^Write the session as a JSON object/],
    [
      '{"count": 1,}',
      /^Flask cannot read this JSON: Expecting property name enclosed in double quotes \(line 1, column 13\)\.$/,
    ],
    ['{\n  "a": 1\n  "b": 2\n}', /\(line 3, column 3\)\.$/],
    ['[1, 2]', /^A session is a dict, .* this is a list\.$/],
    ['{"x": {" b": "abc"}}', /^Flask cannot read this JSON: Incorrect padding/],
  ])('session data %j is refused with a sentence', async (json, message) => {
    const view = await signSession({
      json,
      secretKey: KEY,
      keyReading: 'auto',
      timestamp: String(CLOCK),
    });
    expect(view.ok).toBe(false);
    expect(!view.ok && view.kind === 'fields' && view.errors.json).toMatch(message);
  });

  test('bad key and time are reported next to their fields', async () => {
    const view = await signSession({
      json: '{}',
      secretKey: '',
      keyReading: 'auto',
      timestamp: 'yesterday',
    });
    expect(view).toMatchObject({
      ok: false,
      kind: 'fields',
      errors: {
        secretKey: expect.stringMatching(/^Enter the secret key/),
        timestamp: expect.stringMatching(/^Enter the time/),
      },
    });
  });
});
