/**
 * Python string and bytes literals (`'…'`, `"…"`, `b'…'`, `r"…"`, `'''…'''`, adjacent literals
 * joined), read the way `ast.literal_eval` reads them in Python 3.11: the same escapes, the same
 * errors. Only literals of type `str` and `bytes` are accepted; anything else (numbers, lists,
 * names, f-strings, parentheses) is refused with a sentence. Used wherever a learner may paste a
 * secret key as Python has it (`b'_5#y2L"F4Q8z\n\xec]/'`) and for flask-unsign word lists, which
 * hold one literal per line.
 *
 * Not supported, with a clear error: `\N{name}` escapes (they need Unicode's name table).
 */

export { looksLikePythonLiteral } from './python-literal-start.ts';

/** A value as Python prints it: `'…'` for a str, `b'…'` for bytes (Python's `repr`). */
export { bytesRepr, strRepr } from './flask/str-repr.ts';

/** A literal's value: a `str` (as a JS string, lone surrogates kept) or `bytes`. */
export type PythonLiteral =
  | { readonly type: 'str'; readonly value: string }
  | { readonly type: 'bytes'; readonly value: Uint8Array };

/** A string prefix (`b`, `r`, `u`, `rb`, `f`… in any case) before the opening quote. */
const PREFIX = /^(?:[rRuUbBfF]|[bBfF][rR]|[rR][bBfF])?(?=['"])/;

export type LiteralResult =
  | { readonly ok: true; readonly literal: PythonLiteral }
  | { readonly ok: false; readonly message: string };

const SPACE = /[ \t\f]/;
const OCTAL = /[0-7]/;
const HEX = /^[0-9a-fA-F]+$/;
const SIMPLE_ESCAPES: Readonly<Record<string, number>> = {
  '\\': 0x5c,
  "'": 0x27,
  '"': 0x22,
  a: 0x07,
  b: 0x08,
  f: 0x0c,
  n: 0x0a,
  r: 0x0d,
  t: 0x09,
  v: 0x0b,
};

/** Reads `source` as Python source holding one string or bytes literal (or several adjacent). */
export function parsePythonLiteral(source: string): LiteralResult {
  if (source.includes('\0')) {
    return fail('A Python literal cannot contain a NUL character; write \\x00 for it.');
  }
  const text = source.replace(/\r\n?/g, '\n');
  const parts: PythonLiteral[] = [];
  let at = skipSpace(text, 0, true);
  while (at < text.length) {
    const prefix = PREFIX.exec(text.slice(at, at + 3))?.[0];
    if (prefix === undefined) {
      return fail(
        parts.length === 0
          ? 'This is not a Python string or bytes literal: it should start with a quote, or b, r or u and a quote.'
          : `After the literal there is ${describe(text.slice(at))}; only further literals may follow (Python joins adjacent ones).`,
      );
    }
    const token = readToken(text, at + prefix.length, prefix.toLowerCase());
    if (!token.ok) return token;
    parts.push(token.literal);
    at = skipSpace(text, token.end, false);
    if (text[at] === '#' || text[at] === '\n') {
      // A line ends the expression: only blank lines and comments may follow.
      if (!restIsBlank(text, at)) {
        return fail(
          'Only one literal per line: Python reads a line break as the end of the value (put literals to join on the same line).',
        );
      }
      break;
    }
  }
  const [first] = parts;
  if (first === undefined) return fail('There is no literal here, only spaces.');
  if (parts.some((part) => part.type !== first.type)) {
    return fail('Python cannot join a bytes literal and a str literal (SyntaxError).');
  }
  return { ok: true, literal: join(parts) };
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Whether Python's `text.encode('utf-8')` succeeds: false when a str literal made a lone
 * surrogate (`'\ud800'`), which itsdangerous' `want_bytes` cannot encode (UnicodeEncodeError).
 */
export function isUtf8Encodable(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

function fail(message: string): { ok: false; message: string } {
  return { ok: false, message };
}

/** Skips spaces, tabs, form feeds and backslash line continuations; `newlines` skips newlines too. */
function skipSpace(text: string, from: number, newlines: boolean): number {
  let at = from;
  for (;;) {
    const char = text[at];
    if (char !== undefined && (SPACE.test(char) || (newlines && char === '\n'))) at++;
    else if (char === '\\' && text[at + 1] === '\n') at += 2;
    else return at;
  }
}

/** Whether `text` from `from` holds only whitespace, newlines and comments. */
function restIsBlank(text: string, from: number): boolean {
  return text
    .slice(from)
    .split('\n')
    .every((line) => /^[ \t\f]*(?:#.*)?$/.test(line));
}

function describe(rest: string): string {
  const shown = [...rest].slice(0, 12).join('');
  return `“${shown}${shown.length < rest.length ? '…' : ''}”`;
}

type Token = { ok: true; literal: PythonLiteral; end: number } | { ok: false; message: string };

/** One quoted token starting at its opening quote, with the prefix already read. */
function readToken(text: string, start: number, prefix: string): Token {
  if (prefix.includes('f')) {
    return fail('An f-string is computed when the program runs, so it is not a literal value.');
  }
  const quote = text[start] ?? "'";
  const triple = text.startsWith(quote.repeat(3), start);
  const delimiter = triple ? quote.repeat(3) : quote;
  let at = start + delimiter.length;
  let body = '';
  for (;;) {
    if (at >= text.length) {
      return fail(
        `The ${triple ? 'triple-quoted ' : ''}string never ends: add the closing ${delimiter}.`,
      );
    }
    if (text.startsWith(delimiter, at)) break;
    const char = text[at]!;
    if (char === '\n' && !triple) {
      return fail(
        `The string ends at the line break without its closing ${quote}; inside a one-line literal write a line break as \\n.`,
      );
    }
    if (char === '\\' && at + 1 < text.length) {
      body += text.slice(at, at + 2);
      at += 2;
    } else {
      body += char;
      at += 1;
    }
  }
  const end = at + delimiter.length;
  const raw = prefix.includes('r');
  if (prefix.includes('b')) {
    const nonAscii = [...body].find((char) => char.codePointAt(0)! > 0x7f);
    if (nonAscii !== undefined) {
      return fail(
        `A bytes literal can only hold ASCII characters, not “${nonAscii}”; write it as \\x escapes (its UTF-8 bytes).`,
      );
    }
    const bytes = raw ? Uint8Array.from(body, (char) => char.charCodeAt(0)) : unescapeBytes(body);
    return bytes instanceof Uint8Array
      ? { ok: true, literal: { type: 'bytes', value: bytes }, end }
      : bytes;
  }
  const value = raw ? body : unescapeStr(body);
  return typeof value === 'string' ? { ok: true, literal: { type: 'str', value }, end } : value;
}

/** Python's `unicode_escape` decoding of a str literal's body. */
function unescapeStr(body: string): string | { ok: false; message: string } {
  let out = '';
  for (let at = 0; at < body.length;) {
    const char = body[at]!;
    if (char !== '\\') {
      out += char;
      at += 1;
      continue;
    }
    const next = body[at + 1] ?? '';
    const escape = escapeAt(body, at, 'str');
    if (!escape.ok) return escape;
    if (escape.code === null) out += next === '\n' ? '' : `\\${next}`;
    else out += String.fromCodePoint(escape.code);
    at = escape.end;
  }
  return out;
}

/** Python's `escape_decode` of a bytes literal's body (ASCII only, checked before). */
function unescapeBytes(body: string): Uint8Array | { ok: false; message: string } {
  const out: number[] = [];
  for (let at = 0; at < body.length;) {
    const char = body[at]!;
    if (char !== '\\') {
      out.push(char.charCodeAt(0));
      at += 1;
      continue;
    }
    const next = body[at + 1] ?? '';
    const escape = escapeAt(body, at, 'bytes');
    if (!escape.ok) return escape;
    if (escape.code === null) {
      if (next !== '\n') out.push(0x5c, next.charCodeAt(0));
    } else {
      out.push(escape.code & 0xff);
    }
    at = escape.end;
  }
  return Uint8Array.from(out);
}

type Escape = { ok: true; code: number | null; end: number } | { ok: false; message: string };

/**
 * The escape at `body[at]` (a backslash): its code point or byte value, or `null` when Python
 * keeps the backslash and the character (unknown escapes) or drops both (a line continuation).
 */
function escapeAt(body: string, at: number, type: 'str' | 'bytes'): Escape {
  const next = body[at + 1] ?? '';
  const simple = SIMPLE_ESCAPES[next];
  if (simple !== undefined) return { ok: true, code: simple, end: at + 2 };
  if (OCTAL.test(next)) {
    let end = at + 1;
    while (end < at + 4 && OCTAL.test(body[end] ?? '')) end++;
    return { ok: true, code: parseInt(body.slice(at + 1, end), 8), end };
  }
  const width =
    next === 'x' ? 2 : type === 'str' && next === 'u' ? 4 : type === 'str' && next === 'U' ? 8 : 0;
  if (width > 0) {
    const digits = body.slice(at + 2, at + 2 + width);
    if (digits.length < width || !HEX.test(digits)) {
      return fail(
        `The escape \\${next}${digits} is cut short: \\${next} needs exactly ${width} hexadecimal digits (Python raises SyntaxError).`,
      );
    }
    const code = parseInt(digits, 16);
    if (code > 0x10ffff) {
      return fail(`\\${next}${digits} is beyond the last Unicode character, U+10FFFF.`);
    }
    return { ok: true, code, end: at + 2 + width };
  }
  if (type === 'str' && next === 'N') {
    return fail(
      'Named escapes (\\N{…}) are not supported here: write the character itself or its \\u escape.',
    );
  }
  return { ok: true, code: null, end: at + 2 };
}

function join(parts: readonly PythonLiteral[]): PythonLiteral {
  if (parts[0]?.type === 'bytes') {
    const chunks = parts.map((part) => part.value as Uint8Array);
    const value = new Uint8Array(chunks.reduce((size, chunk) => size + chunk.length, 0));
    let offset = 0;
    for (const chunk of chunks) {
      value.set(chunk, offset);
      offset += chunk.length;
    }
    return { type: 'bytes', value };
  }
  return { type: 'str', value: parts.map((part) => part.value as string).join('') };
}
