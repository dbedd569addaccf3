/**
 * Decode: what a session cookie says, read without any key, as the page shows it. Anyone holding
 * the cookie can do this; the signature only stops them from changing it.
 */
import {
  Markup,
  PyTuple,
  PyUUID,
  decodeSessionCookie,
  pyTypeName,
  type PyDict,
  type PyValue,
  type ZlibLoader,
} from '../flask/index.ts';
import { base64UrlDecode, bytesToInt, utf8Encode } from '../flask/encoding.ts';
import { formatAge, formatUtc } from '../time-format.ts';
import { readCookieInput } from './cookie-input.ts';
import { LAST_TIMESTAMP } from './fields.ts';
import { prettyJson } from './pretty-json.ts';
import { pythonDisplay } from './python-view.ts';
import { foreignToken } from './recognise.ts';

/** itsdangerous before 1.0 counted timestamps from 2011-01-01 (`itsdangerous.EPOCH`). */
export const LEGACY_EPOCH = 1_293_840_000;

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
  /** When it was signed, with how long ago, or why the timestamp is not a date. */
  readonly signedAt: string;
  /** A hint when the time only makes sense under itsdangerous' pre-1.0 epoch (2011). */
  readonly epochNote: string | null;
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
  const foreign = foreignToken(cookie);
  if (foreign !== null) return { ok: false, cookie: null, source, message: foreign };
  const decoded = await (loadZlib === undefined
    ? decodeSessionCookie(cookie)
    : decodeSessionCookie(cookie, loadZlib));
  if (!decoded.ok) return { ok: false, cookie, source, message: decoded.message };

  const signatureDot = cookie.lastIndexOf('.');
  const timestampDot = cookie.lastIndexOf('.', signatureDot - 1);
  const { payload } = decoded;
  const display = pythonDisplay(payload, decoded.json);
  const { entries } = display;
  const timestampPart = cookie.slice(timestampDot + 1, signatureDot);
  const time = signingTime(timestampPart, now);
  const size = entries === null ? `a ${pyTypeName(payload)}` : plural(entries.length, 'key');
  return {
    ok: true,
    cookie,
    source,
    parts: {
      payload: cookie.slice(0, timestampDot),
      timestamp: timestampPart,
      signature: cookie.slice(signatureDot + 1),
    },
    compressed: decoded.compressed,
    json: prettyJson(decoded.json),
    python: display.repr,
    entries,
    taggedTypes: taggedTypes(payload),
    signedAt: time.text,
    epochNote: time.epochNote,
    signatureHex: decoded.signatureHex,
    summary: `Decoded${decoded.compressed ? ' a compressed cookie' : ''}: ${size}, ${time.summary}.`,
  };
}

/**
 * The signing time as the page shows it: the exact integer itsdangerous reads (`bytes_to_int`,
 * at most 8 bytes), as a UTC date when Python can make one.
 */
function signingTime(
  part: string,
  now: number,
): { text: string; summary: string; epochNote: string | null } {
  const decoded = base64UrlDecode(utf8Encode(part));
  const stamp = decoded.ok ? bytesToInt(decoded.bytes) : null;
  if (stamp === null) {
    return {
      text: 'the timestamp is unreadable (not base64, or longer than 8 bytes)',
      summary: 'timestamp unreadable',
      epochNote: null,
    };
  }
  if (stamp > BigInt(LAST_TIMESTAMP)) {
    return {
      text: `${stamp} seconds after 1970, beyond the year 9999, so Python cannot make it a date`,
      summary: 'timestamp beyond the year 9999',
      epochNote: null,
    };
  }
  const seconds = Number(stamp);
  const age = formatAge(seconds, now);
  const epochNote =
    seconds < LEGACY_EPOCH
      ? `A time before 2011 suggests itsdangerous older than 1.0 (2018), which counted from 2011-01-01: then it was signed at ${formatUtc(seconds + LEGACY_EPOCH)}.`
      : null;
  return { text: `${formatUtc(seconds)} (${age})`, summary: `signed ${age}`, epochNote };
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
