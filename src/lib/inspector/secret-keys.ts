/**
 * Secret keys as Python has them. A key field holds either plain text, used exactly as typed
 * (spaces and line breaks count, since `open('key.txt').read()` keeps the newline), or a Python
 * `str` or `bytes` literal such as `b'_5#y2L"F4Q8z\n\xec]/'`, read with Python's escapes. Each
 * reading comes with the sentence shown under the field. Free of the session engine, so the page
 * can say how a key is read while the learner types.
 */
import type { SecretKey } from '../flask/index.ts';
import {
  bytesRepr,
  isUtf8Encodable,
  looksLikePythonLiteral,
  parsePythonLiteral,
  strRepr,
  type PythonLiteral,
} from '../python-literal.ts';
import { MAX_FALLBACK_KEYS, MAX_SECRET_CHARS, tooLong } from './limits.ts';

/** How a key field is read: Python literals recognised (`auto`), or everything as plain text. */
export type KeyReading = 'auto' | 'plain';

export type ReadKey =
  | {
      readonly ok: true;
      readonly key: SecretKey;
      /** Whether the text was read as a Python literal. */
      readonly literal: boolean;
      /** How the text was read, for the line under the field. */
      readonly note: string;
    }
  | { readonly ok: false; readonly message: string };

const EMPTY_KEY =
  'Enter the secret key (app.secret_key). With an empty key Flask has no sessions at all.';
/**
 * Reads one key field. `what` names the key as it starts a sentence ("The secret key").
 * Errors: empty, too long, a literal Python would refuse, or a str Python cannot encode as UTF-8.
 */
export function readKey(text: string, reading: KeyReading, what = 'The secret key'): ReadKey {
  if (text === '') return { ok: false, message: EMPTY_KEY };
  const long = tooLong(what, text, MAX_SECRET_CHARS);
  if (long !== null) return { ok: false, message: long };
  if (reading === 'auto' && looksLikePythonLiteral(text)) {
    const parsed = parsePythonLiteral(text);
    if (!parsed.ok) {
      return {
        ok: false,
        message: `${what} looks like a Python literal but Python would refuse it: ${parsed.message} To use the text as typed, tick “Take the text literally”.`,
      };
    }
    return fromLiteral(parsed.literal, what);
  }
  return { ok: true, key: text, literal: false, note: `Plain text, ${describeText(text)}.` };
}

function fromLiteral(literal: PythonLiteral, what: string): ReadKey {
  if (literal.value.length === 0) return { ok: false, message: EMPTY_KEY };
  if (literal.type === 'bytes') {
    const count = literal.value.length;
    return {
      ok: true,
      key: literal.value,
      literal: true,
      note: `Read as a Python bytes literal: ${count} byte${count === 1 ? '' : 's'}.`,
    };
  }
  if (!isUtf8Encodable(literal.value)) {
    return {
      ok: false,
      message: `${what} holds a lone surrogate (\\ud800 to \\udfff), which Python cannot encode as UTF-8: Flask would raise UnicodeEncodeError.`,
    };
  }
  return {
    ok: true,
    key: literal.value,
    literal: true,
    note: `Read as a Python str literal: ${describeText(literal.value)}.`,
  };
}

/** `9 characters, ends with a newline`: Python's length and the invisible parts that count. */
function describeText(text: string): string {
  const length = [...text].length;
  const parts = [`${length} character${length === 1 ? '' : 's'}`];
  const lines = text.split('\n').length - 1;
  if (text.endsWith('\n')) parts.push('ends with a newline');
  else if (/\s$/u.test(text)) parts.push('ends with a space');
  if (/^\s/u.test(text)) parts.push('starts with a space');
  if (lines > (text.endsWith('\n') ? 1 : 0)) parts.push(`${lines} line breaks`);
  return parts.join(', ');
}

export type ReadKeys =
  | { readonly ok: true; readonly keys: SecretKey[]; readonly note: string | null }
  | { readonly ok: false; readonly message: string };

/**
 * `SECRET_KEY_FALLBACKS`: one key per line (plain text or a Python literal, decided per line; a
 * key with a line break must be a literal), in the order of the Python list, empty lines skipped.
 */
export function readKeyLines(text: string, reading: KeyReading, max: number): ReadKeys {
  const lines = text
    .split('\n')
    .map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line))
    .filter((line) => line !== '');
  if (lines.length > max) {
    return {
      ok: false,
      message: `There are ${lines.length} fallback keys; the inspector checks at most ${max}.`,
    };
  }
  const keys: SecretKey[] = [];
  let literals = 0;
  for (const [index, line] of lines.entries()) {
    const read = readKey(line, reading, `Fallback key ${index + 1}`);
    if (!read.ok) return read;
    keys.push(read.key);
    if (read.literal) literals += 1;
  }
  if (keys.length === 0) return { ok: true, keys, note: null };
  const plain = keys.length - literals;
  const counts = [
    literals > 0 ? `${literals} read as Python literal${literals === 1 ? '' : 's'}` : '',
    plain > 0 ? `${plain} plain text` : '',
  ].filter((part) => part !== '');
  return {
    ok: true,
    keys,
    note: `${keys.length} key${keys.length === 1 ? '' : 's'}: ${counts.join(', ')}.`,
  };
}

/**
 * The line under a key field: how its text is read, or why it cannot be; `null` while empty.
 * `perLine` reads one key per line (`SECRET_KEY_FALLBACKS`, at most `MAX_FALLBACK_KEYS`).
 */
export function keyNote(text: string, reading: KeyReading, perLine: boolean): string | null {
  if (text === '') return null;
  const read = perLine ? readKeyLines(text, reading, MAX_FALLBACK_KEYS) : readKey(text, reading);
  return read.ok ? read.note : read.message;
}

/**
 * The text that a key field reads back as `key`: the key itself when it is plain text that does
 * not look like a literal, else its Python literal (`b'…'` for bytes).
 */
export function keyAsTyped(key: SecretKey): string {
  return typeof key === 'string' && !looksLikePythonLiteral(key) ? key : keyRepr(key);
}

/** A key as Python writes it: `'secret'` or `b'\x01\x02'`. */
export function keyRepr(key: SecretKey): string {
  return typeof key === 'string' ? strRepr(key) : bytesRepr(key);
}
