/**
 * What the learner pasted into Decode: a bare cookie value, a `Cookie:` request header, a
 * `Set-Cookie:` response header, or several header lines copied from developer tools. The
 * session cookie is found the way each side finds it: Werkzeug's parser for `Cookie` (the first
 * `session` wins, quoted values unescaped) and a browser's for `Set-Cookie` (a later header
 * replaces an earlier one). Wrappings that copying adds are undone and named: shell quotes,
 * a Python `b'…'` repr, percent-encoding.
 */
import { parseSetCookie, type SetCookieEffect } from '../browser/set-cookie.ts';
import { parseCookieHeader } from '../flask/cookies.ts';
import { DEFAULT_CONFIG } from '../flask/index.ts';
import { MAX_COOKIE_INPUT_CHARS, tooLong } from './limits.ts';

const NAME = DEFAULT_CONFIG.SESSION_COOKIE_NAME;

/**
 * The session cookie's value and, when it was not pasted bare, sentences saying where it came from
 * and what wrapping was undone; or why no cookie was found.
 */
export type CookieInput =
  | { readonly ok: true; readonly cookie: string; readonly source: string | null }
  | { readonly ok: false; readonly message: string };

const HEADER_LINE = /^(set-cookie|cookie)[ \t]*:(.*)$/i;
/** `name=` at the start: a header value (checked after {@link SIGNED_SHAPE}). */
const NAME_FIRST = /^[^\s=;.]+[ \t]*=/;
/**
 * The shape of a signed cookie, compressed or not: base64 parts (padding allowed) joined by dots.
 * Checked first, so a data part ending in `=` padding is not mistaken for `name=`.
 */
const SIGNED_SHAPE = /^\.?[\w-]+={0,2}\.[\w-]+={0,2}\.[\w-]+={0,2}$/;
/** Shell quotes or a Python bytes repr around the whole input: `'…'`, `b'…'`, `b"…"`. */
const WRAPPED = /^(?:b'(.*)'|b"(.*)"|'(.*)')$/s;
const PERCENT_ESCAPE = /%[0-9A-Fa-f]{2}/;
const SET_COOKIE_ATTRIBUTE =
  /;\s*(expires|max-age|domain|path|secure|httponly|samesite|partitioned)\b/i;
/** Characters a cookie value cannot hold once a header parser has split it out. */
const NOT_IN_VALUE = /[\s;,]|\p{Cc}/u;

/**
 * Finds the session cookie in `input`; `now` (Unix seconds) tells whether a `Set-Cookie` had
 * expired, which is said but does not stop the decoding.
 */
export function readCookieInput(input: string, now: number): CookieInput {
  const long = tooLong('The input', input, MAX_COOKIE_INPUT_CHARS);
  if (long !== null) return problem(long);
  const trimmed = input.trim();
  if (trimmed === '') {
    return problem(
      `Paste a session cookie: its value (it starts like eyJ… or .eJ…), or a whole Cookie: or Set-Cookie: header.`,
    );
  }
  const notes: string[] = [];
  let text = trimmed;
  const wrapped = WRAPPED.exec(text);
  if (wrapped !== null) {
    text = (wrapped[1] ?? wrapped[2] ?? wrapped[3] ?? '').trim();
    notes.push(
      trimmed.startsWith('b')
        ? "The Python b'…' around the input was removed."
        : 'The quotes around the input (as a shell needs them) were removed.',
    );
  }
  if (PERCENT_ESCAPE.test(text) && !/\s/.test(text)) {
    const decoded = percentDecoded(text);
    if (decoded !== null) {
      text = decoded;
      notes.push(
        'The input was percent-encoded (as URLs and some developer tools show cookies); it was decoded first.',
      );
    }
  }
  const found = findCookie(text, now);
  if (!found.ok || notes.length === 0) return found;
  return {
    ...found,
    source: [...notes, ...(found.source === null ? [] : [found.source])].join(' '),
  };
}

function percentDecoded(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

function findCookie(text: string, now: number): CookieInput {
  if (SIGNED_SHAPE.test(text)) return { ok: true, cookie: text, source: null };
  const lines = text.split(/\r?\n/).map((line) => line.trim());
  const labelled = lines.flatMap((line) => {
    const match = HEADER_LINE.exec(line);
    return match === null ? [] : [{ kind: match[1]!.toLowerCase(), value: match[2]!.trim() }];
  });
  if (labelled.length > 0) {
    const responses = labelled.filter((line) => line.kind === 'set-cookie');
    if (responses.length > 0) {
      const found = fromSetCookies(
        responses.map((line) => line.value),
        now,
      );
      const both = responses.length < labelled.length;
      return found.ok && both
        ? {
            ...found,
            source: `${found.source} The input also has a Cookie header; the Set-Cookie one is newer.`,
          }
        : found;
    }
    return fromCookieHeader(labelled.map((line) => line.value).join('; '));
  }
  if (NAME_FIRST.test(text)) {
    return SET_COOKIE_ATTRIBUTE.test(text) ? fromSetCookies([text], now) : fromCookieHeader(text);
  }
  return fromValue(text);
}

function problem(message: string): CookieInput {
  return { ok: false, message };
}

function fromValue(text: string): CookieInput {
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) {
    // A quoted value, as Werkzeug quotes cookies with unusual characters: unquote it the same way.
    const [[, value] = ['', '']] = parseCookieHeader(`${NAME}=${text}`);
    return { ok: true, cookie: value, source: 'The quotes around the value were removed.' };
  }
  if (NOT_IN_VALUE.test(text)) {
    return problem(
      'This is not a cookie value: cookie values never contain spaces, line breaks, commas or ' +
        'semicolons. Paste the part after session=, or the whole header.',
    );
  }
  return { ok: true, cookie: text, source: null };
}

function fromCookieHeader(header: string): CookieInput {
  const pairs = parseCookieHeader(header);
  const sessions = pairs.filter(([name]) => name === NAME);
  const first = sessions[0];
  if (first === undefined) {
    const names = pairs.map(([name]) => name);
    return problem(
      names.length === 0
        ? 'The Cookie header holds no name=value pairs.'
        : `The Cookie header has no cookie named ${NAME}, only ${list(names)}. Flask’s session cookie is called ${NAME} unless SESSION_COOKIE_NAME says otherwise.`,
    );
  }
  let source = 'Read from the Cookie header.';
  const value = first[1];
  if (sessions.length > 1) {
    source = `The Cookie header holds ${sessions.length} cookies named ${NAME}; Flask (Werkzeug) uses the first one, and so did the inspector.`;
  } else if (pairs.length > 1) {
    source = `Read the ${NAME} cookie from a Cookie header holding ${pairs.length} cookies.`;
  }
  return withPercentDecoded(value, source);
}

/** A value from a header, percent-decoded (and said so) when it holds `%XX` escapes. */
function withPercentDecoded(value: string, source: string): CookieInput {
  const decoded = PERCENT_ESCAPE.test(value) ? percentDecoded(value) : null;
  if (decoded === null) return { ok: true, cookie: value, source };
  return {
    ok: true,
    cookie: decoded,
    source: `${source} Its value was percent-encoded; it was decoded first.`,
  };
}

function fromSetCookies(headers: readonly string[], now: number): CookieInput {
  const effects = headers.map((header) => parseSetCookie(header, now));
  const mine = effects.filter(
    (effect): effect is Exclude<SetCookieEffect, { kind: 'invalid' }> =>
      effect.kind !== 'invalid' &&
      (effect.kind === 'store' ? effect.cookie.name : effect.name) === NAME,
  );
  const last = mine.at(-1);
  if (last === undefined) {
    const invalid = effects.find((effect) => effect.kind === 'invalid');
    if (invalid?.kind === 'invalid') {
      return problem(`The Set-Cookie header is malformed: ${invalid.reason}.`);
    }
    const names = effects.flatMap((effect) =>
      effect.kind === 'store'
        ? [effect.cookie.name]
        : effect.kind === 'delete'
          ? [effect.name]
          : [],
    );
    return problem(`The Set-Cookie header sets ${list(names)}, not a cookie named ${NAME}.`);
  }
  const lastHeader = headers[effects.lastIndexOf(last)] ?? '';
  const value = last.kind === 'store' ? last.cookie.value : pairValue(lastHeader);
  if (value === '') {
    return problem(
      `This Set-Cookie header deletes the ${NAME} cookie (its value is empty), as Flask does when the session is emptied, so there is nothing to decode.`,
    );
  }
  const attributes = (last.kind === 'store' ? last.cookie.attributes : last.attributes).join('; ');
  const read =
    mine.length > 1
      ? `The input has ${mine.length} Set-Cookie headers for ${NAME}; a browser keeps the last one, so the inspector used it.`
      : `Read from the Set-Cookie header${attributes === '' ? '' : ` (attributes: ${attributes})`}.`;
  const dropped =
    last.kind === 'delete'
      ? ' Its expiry has passed, so a browser would have dropped this cookie at once; what it held is shown all the same.'
      : '';
  return withPercentDecoded(value, read + dropped);
}

/** The value of a `Set-Cookie` header's `name=value` pair, unquoted of spaces. */
function pairValue(header: string): string {
  const pair = header.split(';')[0] ?? '';
  return pair.slice(pair.indexOf('=') + 1).trim();
}

function list(names: readonly string[]): string {
  const shown = names.slice(0, 5).join(', ');
  return names.length > 5 ? `${shown} and ${names.length - 5} more` : shown;
}
