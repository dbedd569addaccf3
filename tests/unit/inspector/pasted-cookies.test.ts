/**
 * Inputs people really paste, each with what real Flask makes of the cookie inside
 * (`inspector-cases.json`, made by `gen_inspector_cases.py`).
 */
import { describe, expect, test } from 'vitest';
import { decodeInput } from '../../../src/lib/inspector/decode-view.ts';
import { verifyCookie } from '../../../src/lib/inspector/verify-view.ts';
import { cases, named } from '../../conformance/inspector-cases.ts';

const pasted = (name: string) => named(cases.loads, name);

describe('cookies as pasted decode to the cookie Flask receives, and verify as in Flask', () => {
  const readable = cases.loads.filter(
    (c) =>
      c.cookie !== null &&
      c.load !== undefined &&
      !['JWT', 'Django signed cookie'].includes(c.name),
  );
  test.each(readable.map((c) => [c.name, c] as const))('%s', async (_, expected) => {
    const view = await decodeInput(expected.pasted, expected.now);
    expect(view).toMatchObject({ ok: true, cookie: expected.cookie });
    const verified = await verifyCookie({
      cookie: expected.cookie!,
      secretKey: expected.key,
      keyReading: 'auto',
      fallbackKeys: '',
      maxAge: String(cases.meta.max_age),
      now: expected.now,
    });
    if (expected.load!.ok)
      expect(verified).toMatchObject({ ok: true, python: expected.load!.repr });
    else {
      // The exception Python raises, by its class name (`itsdangerous.exc.SignatureExpired: …`).
      expect(verified).toMatchObject({
        ok: false,
        python: expect.stringMatching(new RegExp(`(^|\\.)${expected.load!.error}: `)),
      });
    }
  });

  test('each unwrapping is said', async () => {
    const notes = async (name: string) => {
      const view = await decodeInput(pasted(name).pasted, cases.meta.clock);
      return view.source;
    };
    expect(await notes('percent-encoded value')).toMatch(/percent-encoded.*decoded first/);
    expect(await notes('percent-encoded pair from developer tools')).toMatch(/percent-encoded/);
    expect(await notes('value in shell quotes')).toMatch(/quotes around the input/);
    expect(await notes('Python bytes repr of the value')).toMatch(/Python b'…'/);
  });

  test('an expired Set-Cookie still decodes, with a note that a browser would have dropped it', async () => {
    const expected = pasted('expired Set-Cookie captured earlier');
    const view = await decodeInput(expected.pasted, expected.now);
    expect(view).toMatchObject({ ok: true, python: "{'_permanent': True, 'user': 'ada'}" });
    expect(view.source).toMatch(/a browser would have dropped this cookie/);
  });

  test('only an empty value is a deletion', async () => {
    const view = await decodeInput(pasted('deletion Set-Cookie').pasted, cases.meta.clock);
    expect(view).toMatchObject({
      ok: false,
      message: expect.stringMatching(/deletes the session cookie/),
    });
  });

  test('a timestamp beyond 2^53 is shown exactly', async () => {
    const expected = pasted('big timestamp');
    const view = await decodeInput(expected.pasted, expected.now);
    expect(view.ok && view.signedAt).toBe(
      `${expected.timestamp} seconds after 1970, beyond the year 9999, so Python cannot make it a date`,
    );
    expect(expected.timestamp).toBe('9223372036854775807');
  });

  test('a pre-1.0 itsdangerous timestamp gets the 2011 epoch hint with the real date', async () => {
    const expected = pasted('pre-1.0 itsdangerous timestamp');
    const view = await decodeInput(expected.pasted, expected.now);
    expect(view.ok && view.epochNote).toContain(`signed at ${expected.legacy_signed_at} UTC`);
    const modern = await decodeInput(cases.keys[0]!.cookie, cases.meta.clock);
    expect(modern.ok && modern.epochNote).toBeNull();
  });
});

describe('look-alikes get a sentence saying what they are', () => {
  test('a JWT', async () => {
    const view = await decodeInput(pasted('JWT').pasted, cases.meta.clock);
    expect(view).toMatchObject({
      ok: false,
      cookie: null,
      message: expect.stringMatching(
        /^This is a JSON Web Token \(JWT, header \{"alg":"HS256","typ":"JWT"\}\)/,
      ),
    });
    // Flask refuses it as a session cookie too.
    expect(pasted('JWT').load).toEqual({ ok: false, error: 'BadTimeSignature' });
  });

  test('a Django signed value', async () => {
    const view = await decodeInput(pasted('Django signed cookie').pasted, cases.meta.clock);
    expect(view).toMatchObject({
      ok: false,
      message: expect.stringMatching(/Django signed value/),
    });
    expect(pasted('Django signed cookie').load).toEqual({ ok: false, error: 'BadSignature' });
  });
});

describe('sessions are shown in Python’s order and exactness', () => {
  test.each(cases.displays.map((c) => [c.name, c] as const))('%s', async (_, expected) => {
    const view = await decodeInput(expected.cookie, cases.meta.clock);
    if (!expected.load.ok || !view.ok) throw new Error('expected both to load');
    expect(view.python).toBe(expected.load.repr);
    const verified = await verifyCookie({
      cookie: expected.cookie,
      secretKey: 'dev',
      keyReading: 'auto',
      fallbackKeys: '',
      maxAge: '60',
      now: cases.meta.clock,
    });
    expect(verified).toMatchObject({ ok: true, python: expected.load.repr });
  });

  test('the key table follows Python’s order too', async () => {
    const view = await decodeInput(
      named(cases.displays, 'integer-like keys').cookie,
      cases.meta.clock,
    );
    expect(view.ok && view.entries?.map((entry) => entry.key)).toEqual(['cart', '10', '2']);
    expect(view.ok && view.entries?.[0]?.value).toBe("{'12': 1, '3': 2}");
  });
});
