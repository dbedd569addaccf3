/**
 * Sign: the cookie Flask would make for a session, written as Flask's tagged JSON, with a given
 * key and time, and the `Set-Cookie` header `save_session` would send with it (default config:
 * `HttpOnly; Path=/`, plus `Expires` for a permanent session).
 */
import {
  SecureCookieSession,
  dumpSessionCookie,
  pyRepr,
  pyTypeName,
  saveSession,
  type PyDict,
  type ZlibLoader,
} from '../flask/index.ts';
import { loadsTagged } from '../flask/tag.ts';
import { formatUtc } from '../time-format.ts';
import { parseTimestamp } from './fields.ts';
import { MAX_SESSION_JSON_CHARS, tooLong } from './limits.ts';
import { readKey, type KeyReading } from './secret-keys.ts';

export interface SignInput {
  /** The session as tagged JSON (`{" t": [1, 2]}` is a tuple, and so on). */
  readonly json: string;
  readonly secretKey: string;
  /** Whether a Python literal in the key field is read as such, or the text is plain. */
  readonly keyReading: KeyReading;
  /** Unix seconds or a UTC date, as typed. */
  readonly timestamp: string;
}

export type SignField = 'json' | 'secretKey' | 'timestamp';

export type SignView =
  | {
      readonly ok: true;
      readonly cookie: string;
      /** The `Set-Cookie` header value Flask sends, or its deletion header for an empty session. */
      readonly setCookie: string;
      /** True for `{}`: Flask never sends that cookie; it deletes the cookie instead. */
      readonly empty: boolean;
      /** Werkzeug's warning for a header over 4093 bytes, or `null`. */
      readonly warning: string | null;
      readonly python: string;
      readonly signedAt: string;
      readonly summary: string;
    }
  | {
      readonly ok: false;
      readonly kind: 'fields';
      readonly errors: Readonly<Partial<Record<SignField, string>>>;
      readonly summary: string;
    }
  | {
      readonly ok: false;
      readonly kind: 'flask-error';
      readonly message: string;
      /** What Python prints, e.g. `ValueError: Exceeds the limit …`; `null` when not Python's. */
      readonly python: string | null;
      readonly summary: string;
    };

/** Signs the session in `input.json` with `input.secretKey` at `input.timestamp`. */
export async function signSession(input: SignInput, loadZlib?: ZlibLoader): Promise<SignView> {
  const data = readSession(input.json);
  const secretKey = readKey(input.secretKey, input.keyReading);
  const timestamp = parseTimestamp(input.timestamp);
  if (!data.ok || !secretKey.ok || !timestamp.ok) {
    const errors: Partial<Record<SignField, string>> = {};
    if (!data.ok) errors.json = data.message;
    if (!secretKey.ok) errors.secretKey = secretKey.message;
    if (!timestamp.ok) errors.timestamp = timestamp.message;
    return { ok: false, kind: 'fields', errors, summary: 'Not signed: a field needs fixing.' };
  }
  const zlib = loadZlib === undefined ? {} : { loadZlib };
  const dumped = await dumpSessionCookie(data.value, {
    secretKey: secretKey.key,
    timestamp: timestamp.value,
    ...zlib,
  });
  if (!dumped.ok) {
    const python =
      dumped.error === 'ZlibUnavailable' ? null : `${dumped.error}: ${dumped.pythonMessage}`;
    return {
      ok: false,
      kind: 'flask-error',
      message: dumped.message,
      python,
      summary: `Not signed: ${dumped.error}.`,
    };
  }
  // What a view that set these values makes save_session send.
  const session = new SecureCookieSession(data.value);
  session.modified = true;
  const saved = await saveSession(
    { SECRET_KEY: secretKey.key },
    session,
    timestamp.value,
    loadZlib,
  );
  const header = saved.headers.find(([name]) => name === 'Set-Cookie')?.[1] ?? '';
  return {
    ok: true,
    cookie: dumped.cookie,
    setCookie: header,
    empty: session.len() === 0,
    warning: saved.warnings[0] ?? null,
    python: pyRepr(data.value),
    signedAt: formatUtc(timestamp.value),
    summary: 'Signed: the cookie and its Set-Cookie header are ready to copy.',
  };
}

function readSession(json: string): { ok: true; value: PyDict } | { ok: false; message: string } {
  if (json.trim() === '') {
    return { ok: false, message: 'Write the session as a JSON object, such as {"count": 1}.' };
  }
  const long = tooLong('The session data', json, MAX_SESSION_JSON_CHARS);
  if (long !== null) return { ok: false, message: long };
  const loaded = loadsTagged(json);
  if (!loaded.ok) {
    return {
      ok: false,
      message: `Flask cannot read this JSON: ${withLineAndColumn(json, loaded.detail)}.`,
    };
  }
  const type = pyTypeName(loaded.value);
  if (type !== 'dict') {
    return {
      ok: false,
      message: `A session is a dict, so write a JSON object such as {"count": 1}; this is a ${type}.`,
    };
  }
  return { ok: true, value: loaded.value as PyDict };
}

/** `… at character 12` becomes `… (line 2, column 3)`, easier to find in a text area. */
function withLineAndColumn(text: string, detail: string): string {
  const match = / at character (\d+)$/.exec(detail);
  if (match === null) return detail;
  const before = text.slice(0, Number(match[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `${detail.slice(0, match.index)} (line ${line}, column ${column})`;
}
