/**
 * Decode: what a session cookie says, read without any key, as the page shows it. Anyone holding
 * the cookie can do this; the signature only stops them from changing it.
 */
import {
  Markup,
  PyTuple,
  PyUUID,
  decodeSessionCookie,
  pyRepr,
  pyTypeName,
  type PyDict,
  type PyValue,
  type ZlibLoader,
} from '../flask/index.ts';
import { formatAge, formatUtc } from '../time-format.ts';
import { readCookieInput } from './cookie-input.ts';
import { prettyJson } from './pretty-json.ts';

export interface DecodedView {
  readonly ok: true;
  readonly cookie: string;
  /** Where the cookie was found in a pasted header; `null` for a bare value. */
  readonly source: string | null;
  /** The three dot-separated parts as they appear (a compressed payload keeps its dot). */
  readonly parts: {
    readonly payload: string;
    readonly timestamp: string;
    readonly signature: string;
  };
  readonly compressed: boolean;
  /** Flask's JSON, indented (numbers, escapes and tags exactly as in the cookie). */
  readonly json: string;
  /** The data as Python prints it, tags turned into their types. */
  readonly python: string;
  /** The session's keys with the Python type and value of each; `null` if it is not a dict. */
  readonly entries: readonly { key: string; type: string; value: string }[] | null;
  /** Python types Flask had to tag in this cookie (`tuple`, `bytes`, …), each once. */
  readonly taggedTypes: readonly string[];
  readonly signedAt: string | null;
  readonly age: string | null;
  readonly signatureHex: string | null;
  /** A one-sentence summary for screen readers. */
  readonly summary: string;
}

/** The input could not be decoded; `cookie` is set when a cookie was found but not read. */
export interface DecodeProblem {
  readonly ok: false;
  readonly cookie: string | null;
  readonly source: string | null;
  readonly message: string;
}

/** Finds the session cookie in `input` and reads it; `now` is the clock for its age. */
export async function decodeInput(
  input: string,
  now: number,
  loadZlib?: ZlibLoader,
): Promise<DecodedView | DecodeProblem> {
  const found = readCookieInput(input, now);
  if (!found.ok) return { ok: false, cookie: null, source: null, message: found.message };
  const { cookie, source } = found;
  const decoded = await (loadZlib === undefined
    ? decodeSessionCookie(cookie)
    : decodeSessionCookie(cookie, loadZlib));
  if (!decoded.ok) return { ok: false, cookie, source, message: decoded.message };

  const signatureDot = cookie.lastIndexOf('.');
  const timestampDot = cookie.lastIndexOf('.', signatureDot - 1);
  const { payload, timestamp } = decoded;
  const isDict = pyTypeName(payload) === 'dict';
  const entries = isDict
    ? Object.keys(payload as PyDict).map((key) => {
        const value = (payload as PyDict)[key] as PyValue;
        return { key, type: pyTypeName(value), value: pyRepr(value) };
      })
    : null;
  const signedAt = timestamp === null ? null : formatUtc(timestamp);
  const age = timestamp === null ? null : formatAge(timestamp, now);
  const size = entries === null ? `a ${pyTypeName(payload)}` : plural(entries.length, 'key');
  return {
    ok: true,
    cookie,
    source,
    parts: {
      payload: cookie.slice(0, timestampDot),
      timestamp: cookie.slice(timestampDot + 1, signatureDot),
      signature: cookie.slice(signatureDot + 1),
    },
    compressed: decoded.compressed,
    json: prettyJson(decoded.json),
    python: pyRepr(payload),
    entries,
    taggedTypes: taggedTypes(payload),
    signedAt,
    age,
    signatureHex: decoded.signatureHex,
    summary:
      `Decoded${decoded.compressed ? ' a compressed cookie' : ''}: ${size}` +
      (signedAt === null ? ', timestamp unreadable.' : `, signed ${age}.`),
  };
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** The tagged Python types inside `value`, in the order first met. */
function taggedTypes(value: PyValue): string[] {
  const found = new Set<string>();
  const visit = (item: PyValue, depth: number) => {
    if (depth > 1000 || item === null || typeof item !== 'object') return;
    if (item instanceof PyTuple) {
      found.add('tuple');
      item.items.forEach((inner) => visit(inner, depth + 1));
    } else if (
      item instanceof Uint8Array ||
      item instanceof Date ||
      item instanceof PyUUID ||
      item instanceof Markup
    ) {
      found.add(pyTypeName(item));
    } else if (Array.isArray(item)) {
      item.forEach((inner) => visit(inner, depth + 1));
    } else if (pyTypeName(item) === 'dict') {
      for (const key of Object.keys(item)) visit((item as PyDict)[key] as PyValue, depth + 1);
    }
  };
  visit(value, 0);
  return [...found];
}
