/**
 * Cookies as Werkzeug 2.2 (Debian-patched) reads and writes them: `parse_cookie` for the request's
 * `Cookie` header and `dump_cookie` for a `Set-Cookie` header value (`werkzeug/http.py`: `parse_cookie`, `dump_cookie`).
 * Werkzeug works on the header's bytes, so both functions do too.
 */
import { httpDate } from './dates.ts';
import { latin1Decode, utf8Decode, utf8Encode } from './encoding.ts';

// One `name=value;` pair, as Werkzeug's `_cookie_re` (Python bytes: `\s` is ASCII whitespace and
// `.` is any byte but a newline).
const PAIR =
  /([^=;]*)(?:[ \t\n\r\f\v]*=[ \t\n\r\f\v]*("(?:[^\\"]|\\[^\n])*"|[^\n]*?))?[ \t\n\r\f\v]*;/y;
const OCTAL_ESCAPE = /\\[0-3][0-7][0-7]/g;
const CHAR_ESCAPE = /\\[^\n]/g;

/**
 * All `name=value` pairs of a `Cookie` header, in order: whitespace around names and values is
 * dropped, `"quoted"` values are unescaped, pairs without a name are skipped (CVE-2023-23934
 * fix), and bytes are decoded as UTF-8 with replacement characters.
 */
export function parseCookieHeader(header: string): [string, string][] {
  const bytes = `${latin1Decode(utf8Encode(header))};`;
  const pairs: [string, string][] = [];
  let at = 0;
  while (at < bytes.length - 1) {
    PAIR.lastIndex = at;
    const match = PAIR.exec(bytes);
    if (match === null) break;
    at = PAIR.lastIndex;
    const name = stripAsciiSpace(match[1] ?? '');
    if (name === '') continue;
    pairs.push([fromBinary(name), fromBinary(unquote(match[2] ?? ''))]);
  }
  return pairs;
}

/** `request.cookies.get(name)`: the first value sent under `name`, or `null`. */
export function getCookie(header: string, name: string): string | null {
  return parseCookieHeader(header).find(([key]) => key === name)?.[1] ?? null;
}

function stripAsciiSpace(text: string): string {
  return text.replace(/^[ \t\n\r\f\v]+|[ \t\n\r\f\v]+$/g, '');
}

function fromBinary(binary: string): string {
  return utf8Decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}

/** Werkzeug's `_cookie_unquote` on a binary string. */
function unquote(value: string): string {
  if (value.length < 2 || !value.startsWith('"') || !value.endsWith('"')) return value;
  const inner = value.slice(1, -1);
  let out = '';
  let at = 0;
  while (at < inner.length) {
    OCTAL_ESCAPE.lastIndex = at;
    CHAR_ESCAPE.lastIndex = at;
    const octal = OCTAL_ESCAPE.exec(inner);
    const char = CHAR_ESCAPE.exec(inner);
    if (octal === null && char === null) return out + inner.slice(at);
    if (char !== null && (octal === null || char.index < octal.index)) {
      out += inner.slice(at, char.index) + inner.charAt(char.index + 1);
      at = char.index + 2;
    } else if (octal !== null) {
      out += inner.slice(at, octal.index) + String.fromCharCode(parseInt(octal[0].slice(1), 8));
      at = octal.index + 4;
    }
  }
  return out;
}

/** The attributes Flask passes to `set_cookie` / `delete_cookie`. */
export interface CookieAttributes {
  readonly domain: string | null;
  readonly expires: Date | null;
  readonly maxAge: number | null;
  readonly secure: boolean;
  readonly httpOnly: boolean;
  readonly path: string | null;
  readonly sameSite: 'Strict' | 'Lax' | 'None' | null;
}

/** A `Set-Cookie` value, and Werkzeug's size warning when it exceeds `maxSize` characters. */
export interface DumpedCookie {
  readonly header: string;
  readonly warning: string | null;
}

/**
 * `dump_cookie(name, value, …)`: `name=value` then, joined by `; `, Domain, Expires, Max-Age,
 * Secure, HttpOnly, Path and SameSite (each only when set). `maxSize` 0 turns the warning off.
 */
export function dumpCookie(
  name: string,
  value: string,
  attributes: CookieAttributes,
  maxSize: number,
): DumpedCookie {
  const quotedValue = quote(value);
  const parts = [`${name}=${quotedValue}`];
  if (attributes.domain !== null) parts.push(`Domain=${quote(attributes.domain)}`);
  if (attributes.expires !== null) parts.push(`Expires=${httpDate(attributes.expires)}`);
  if (attributes.maxAge !== null) parts.push(`Max-Age=${attributes.maxAge}`);
  if (attributes.secure) parts.push('Secure');
  if (attributes.httpOnly) parts.push('HttpOnly');
  if (attributes.path !== null) parts.push(`Path=${attributes.path}`);
  if (attributes.sameSite !== null) parts.push(`SameSite=${attributes.sameSite}`);
  const header = parts.join('; ');
  const size = utf8Encode(header).length;
  if (maxSize === 0 || size <= maxSize) return { header, warning: null };
  const valueSize = utf8Encode(value).length;
  return {
    header,
    warning:
      `The '${name}' cookie is too large: the value was ${valueSize} bytes but the header ` +
      `required ${size - valueSize} extra bytes. The final size was ${size} ` +
      `bytes but the limit is ${maxSize} bytes. Browsers may silently ignore cookies larger ` +
      'than this.',
  };
}

const LEGAL = /^[A-Za-z0-9/=!#$%&'*+\-.^_`|~:]*$/;

/** Werkzeug's `_cookie_quote`: unchanged when every byte is legal, else quoted with escapes. */
function quote(value: string): string {
  if (LEGAL.test(value)) return value;
  let out = '';
  for (const byte of utf8Encode(value)) {
    const char = String.fromCharCode(byte);
    if (LEGAL.test(char)) out += char;
    else if (char === '"' || char === '\\') out += `\\${char}`;
    else if (byte < 32 || byte >= 127 || char === ',' || char === ';') {
      out += `\\${byte.toString(8).padStart(3, '0')}`;
    } else out += char;
  }
  return `"${out}"`;
}
