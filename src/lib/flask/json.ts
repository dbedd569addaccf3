/**
 * JSON text exactly as Flask's session serializer writes and reads it: Python's `json.dumps` with
 * `separators=(",", ":")`, `sort_keys=True`, `ensure_ascii=True`, `allow_nan=True`, and
 * `json.loads` with an object hook (`flask/json/tag.py`: `TaggedJSONSerializer.dumps` and `loads`). `JSON.stringify`/`JSON.parse` differ in key
 * order, escaping, float format, big ints and `NaN`/`Infinity`, so neither is used.
 */
import { dumpFailure, type DumpFailure } from './exceptions.ts';
import { PyFloat, floatValue, intValue, newDict, type PyDict, type PyValue } from './python.ts';
import { floatRepr } from './repr.ts';

/** Python refuses to convert ints with more decimal digits than this (`sys.int_info`). */
export const MAX_INT_DIGITS = 4300;

/** Deepest array/object nesting the reader accepts; Flask's own limit is near 975 in a request. */
export const MAX_JSON_DEPTH = 900;

/** What the writer accepts: a tagged session tree (see `tag.ts`). */
export type JsonTree =
  | null
  | boolean
  | string
  | number
  | bigint
  | PyFloat
  | readonly JsonTree[]
  | { readonly [key: string]: JsonTree };

/** Python's `str < str`: Unicode code point order (JS `<` compares UTF-16 code units). */
export function compareCodePoints(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length) {
    const x = a.codePointAt(i) ?? 0;
    const y = b.codePointAt(i) ?? 0;
    if (x !== y) return x - y;
    i += x > 0xffff ? 2 : 1;
  }
  return a.length - i - (b.length - i);
}

/**
 * The compact, sorted, ASCII-only JSON text of `tree`. Fails only like Python does for ints of
 * more than {@link MAX_INT_DIGITS} digits. `tree` must be acyclic (the tagger guarantees it).
 */
export function dumpsJson(tree: JsonTree): { ok: true; text: string } | DumpFailure {
  try {
    return { ok: true, text: writeValue(tree) };
  } catch (error) {
    if (error instanceof IntTooLong) {
      return dumpFailure(
        'ValueError',
        `Exceeds the limit (${MAX_INT_DIGITS} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit`,
        `An integer in the session has more than ${MAX_INT_DIGITS} digits, which Python refuses to write.`,
      );
    }
    throw error;
  }
}

class IntTooLong extends Error {}

function writeValue(value: JsonTree): string {
  if (value === null) return 'null';
  if (value === true) return 'true';
  if (value === false) return 'false';
  if (typeof value === 'string') return writeString(value);
  if (typeof value === 'number') {
    return Number.isSafeInteger(value) ? String(value) : writeFloat(value);
  }
  if (typeof value === 'bigint') {
    const text = value.toString();
    if (text.replace('-', '').length > MAX_INT_DIGITS) throw new IntTooLong();
    return text;
  }
  if (value instanceof PyFloat) return writeFloat(value.value);
  if (Array.isArray(value)) return `[${value.map(writeValue).join(',')}]`;
  const object = value as { readonly [key: string]: JsonTree };
  const keys = Object.keys(object).sort(compareCodePoints);
  return `{${keys.map((key) => `${writeString(key)}:${writeValue(object[key] as JsonTree)}`).join(',')}}`;
}

function writeFloat(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  return floatRepr(x);
}

const NEEDS_ESCAPE = /[^ -~]|["\\]/;
const SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

/** `ensure_ascii` escaping per UTF-16 unit, with lowercase hex (`\u00e9`, `\ud83d\ude00`). */
function writeString(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return `"${text}"`;
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const char = text[i] ?? '';
    const short = SHORT_ESCAPES[char];
    if (short !== undefined) out += short;
    else if (unit < 0x20 || unit >= 0x7f) out += `\\u${unit.toString(16).padStart(4, '0')}`;
    else out += char;
  }
  return `${out}"`;
}

/** Result of an object hook: the value that replaces the object, or why it could not be built. */
export type HookResult = { ok: true; value: PyValue } | { ok: false; detail: string };

/**
 * Called for every object, innermost first, with its members in Python's dict order (first
 * occurrence position, last value wins).
 */
export type ObjectHook = (members: Map<string, PyValue>) => HookResult;

export type JsonReadResult = { ok: true; value: PyValue } | { ok: false; detail: string };

/** A dict with the members in order (the default hook). */
export function dictFromMembers(members: Map<string, PyValue>): PyDict {
  const dict = newDict();
  for (const [key, value] of members) dict[key] = value;
  return dict;
}

/**
 * Python's `json.loads(text, object_hook=hook)`: accepts `NaN`, `Infinity`, `-Infinity`, big ints
 * and lone surrogate escapes, keeps ints and floats apart, rejects a byte order mark, and nests at
 * most {@link MAX_JSON_DEPTH} deep. Never throws: bad input gives `{ ok: false, detail }`.
 */
export function loadsJson(
  text: string,
  hook: ObjectHook = (members) => ({ ok: true, value: dictFromMembers(members) }),
): JsonReadResult {
  if (text.startsWith('\ufeff')) return { ok: false, detail: 'Unexpected UTF-8 BOM' };
  const reader = new Reader(text, hook);
  try {
    reader.skipWhitespace();
    const value = reader.readValue(0);
    reader.skipWhitespace();
    if (reader.pos !== text.length) reader.fail('Extra data');
    return { ok: true, value };
  } catch (error) {
    if (error instanceof ReadError) return { ok: false, detail: error.message };
    throw error;
  }
}

class ReadError extends Error {}

const NUMBER = /-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?/y;

class Reader {
  readonly text: string;
  readonly hook: ObjectHook;
  pos = 0;

  constructor(text: string, hook: ObjectHook) {
    this.text = text;
    this.hook = hook;
  }

  fail(what: string, at: number = this.pos): never {
    throw new ReadError(`${what} at character ${at}`);
  }

  skipWhitespace(): void {
    let char = this.text[this.pos];
    while (char === ' ' || char === '\t' || char === '\n' || char === '\r') {
      char = this.text[++this.pos];
    }
  }

  readValue(depth: number): PyValue {
    const char = this.text[this.pos];
    if (char === '"') return this.readString();
    if (char === '{' || char === '[') {
      if (depth >= MAX_JSON_DEPTH) this.fail(`Nested deeper than ${MAX_JSON_DEPTH} levels`);
      return char === '{' ? this.readObject(depth + 1) : this.readArray(depth + 1);
    }
    for (const [word, value] of CONSTANTS) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return value;
      }
    }
    return this.readNumber();
  }

  readNumber(): PyValue {
    NUMBER.lastIndex = this.pos;
    const match = NUMBER.exec(this.text);
    if (match === null) this.fail('Expecting value');
    const [literal, fraction, exponent] = match;
    this.pos += literal.length;
    if (fraction === undefined && exponent === undefined) return this.intValue(literal);
    return floatValue(Number(literal));
  }

  intValue(literal: string): number | bigint {
    const digits = literal.startsWith('-') ? literal.length - 1 : literal.length;
    if (digits > MAX_INT_DIGITS) {
      this.fail(`Integer with ${digits} digits exceeds Python's ${MAX_INT_DIGITS}-digit limit`);
    }
    if (digits <= 15) return Number(literal) || 0; // `|| 0` turns -0 into 0
    return intValue(BigInt(literal));
  }

  readString(): string {
    const start = this.pos;
    let out = '';
    let runStart = ++this.pos;
    for (;;) {
      const unit = this.text.charCodeAt(this.pos);
      if (Number.isNaN(unit)) this.fail('Unterminated string starting', start);
      if (unit === 0x22) {
        out += this.text.slice(runStart, this.pos++);
        return out;
      }
      if (unit < 0x20) this.fail('Invalid control character');
      if (unit !== 0x5c) {
        this.pos++;
        continue;
      }
      out += this.text.slice(runStart, this.pos);
      out += this.readEscape();
      runStart = this.pos;
    }
  }

  readEscape(): string {
    const code = this.text[this.pos + 1];
    const simple = code === undefined ? undefined : SIMPLE_ESCAPES[code];
    if (simple !== undefined) {
      this.pos += 2;
      return simple;
    }
    if (code !== 'u') this.fail('Invalid \\escape');
    const hex = this.text.slice(this.pos + 2, this.pos + 6);
    if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('Invalid \\uXXXX escape');
    this.pos += 6;
    // A high and a low surrogate escape in a row form one character in Python; in a JS string
    // the two units side by side are that same character.
    return String.fromCharCode(parseInt(hex, 16));
  }

  readArray(depth: number): PyValue[] {
    const items: PyValue[] = [];
    this.pos++;
    this.skipWhitespace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return items;
    }
    for (;;) {
      this.skipWhitespace();
      items.push(this.readValue(depth));
      this.skipWhitespace();
      const char = this.text[this.pos++];
      if (char === ']') return items;
      if (char !== ',') this.fail("Expecting ',' delimiter", this.pos - 1);
    }
  }

  readObject(depth: number): PyValue {
    const members = new Map<string, PyValue>();
    this.pos++;
    this.skipWhitespace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return this.finishObject(members);
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.pos] !== '"')
        this.fail('Expecting property name enclosed in double quotes');
      const key = this.readString();
      this.skipWhitespace();
      if (this.text[this.pos++] !== ':') this.fail("Expecting ':' delimiter", this.pos - 1);
      this.skipWhitespace();
      members.set(key, this.readValue(depth));
      this.skipWhitespace();
      const char = this.text[this.pos++];
      if (char === '}') return this.finishObject(members);
      if (char !== ',') this.fail("Expecting ',' delimiter", this.pos - 1);
    }
  }

  finishObject(members: Map<string, PyValue>): PyValue {
    const result = this.hook(members);
    if (!result.ok) this.fail(result.detail, this.pos - 1);
    return result.value;
  }
}

const CONSTANTS: ReadonlyArray<readonly [string, PyValue]> = [
  ['null', null],
  ['true', true],
  ['false', false],
  ['NaN', new PyFloat(NaN)],
  ['Infinity', new PyFloat(Infinity)],
  ['-Infinity', new PyFloat(-Infinity)],
];

const SIMPLE_ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};
