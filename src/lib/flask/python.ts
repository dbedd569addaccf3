/**
 * JavaScript stand-ins for the Python values a Flask session can hold.
 *
 * Plain JS data maps onto Python directly: objects are dicts, arrays are lists, strings are str,
 * booleans are bool, `null` is None. The rest needs a convention so that every value survives a
 * trip through a cookie unchanged:
 *
 * | Python               | JavaScript                                                        |
 * |----------------------|-------------------------------------------------------------------|
 * | int                  | a safe-integer `number`, or a `bigint` (any size)                 |
 * | float                | a `number` that is not a safe integer, or a {@link PyFloat}        |
 * | tuple                | {@link PyTuple}                                                   |
 * | bytes                | `Uint8Array`                                                      |
 * | uuid.UUID            | {@link PyUUID}                                                    |
 * | markupsafe.Markup    | {@link Markup}                                                    |
 * | datetime (UTC)       | `Date`, whole seconds                                             |
 *
 * Values read back from a cookie use the canonical form: ints beyond 2^53 come back as `bigint`, and
 * floats that a bare `number` would mistake for an int (`1.0`, `-0.0`, `NaN`, `±Infinity`, `1e+20`)
 * come back as `PyFloat`.
 */

/** Any value a session can hold. */
export type PyValue =
  | null
  | boolean
  | number
  | bigint
  | string
  | PyFloat
  | PyTuple
  | PyUUID
  | Markup
  | Uint8Array
  | Date
  | PyValue[]
  | PyDict;

/** A Python dict with str keys. Dicts made by this library have a null prototype. */
export interface PyDict {
  [key: string]: PyValue;
}

/** A Python float whose value a bare `number` would not convey (integral, `-0.0`, non-finite). */
export class PyFloat {
  readonly value: number;
  constructor(value: number) {
    this.value = value;
    Object.freeze(this);
  }
}

/** A Python tuple. The items array is frozen; items themselves may still be mutable lists/dicts. */
export class PyTuple {
  readonly items: readonly PyValue[];
  constructor(items: Iterable<PyValue>) {
    this.items = Object.freeze([...items]);
    Object.freeze(this);
  }
}

const UUID_HEX = /^[0-9a-f]{32}$/;

/** A Python `uuid.UUID`, stored as 32 lowercase hex digits (Python's `uuid.hex`). */
export class PyUUID {
  readonly hex: string;
  /** @throws TypeError when `hex` is not 32 hex digits (a programming error, not hostile input). */
  constructor(hex: string) {
    const lower = hex.toLowerCase();
    if (!UUID_HEX.test(lower)) throw new TypeError(`not a 32-digit hex UUID: ${hex}`);
    this.hex = lower;
    Object.freeze(this);
  }

  /**
   * Python's `uuid.UUID(text)`: accepts `urn:uuid:` prefixes, braces, dashes anywhere and whatever
   * `int(hex, 16)` accepts. `null` where Python raises.
   */
  static parse(text: string): PyUUID | null {
    const bare = text
      .replaceAll('urn:', '')
      .replaceAll('uuid:', '')
      .replace(/^[{}]+|[{}]+$/g, '')
      .replaceAll('-', '');
    if ([...bare].length !== 32) return null;
    const value = pyInt(bare, 16);
    if (value === null || value < 0n || value >= 1n << 128n) return null;
    return new PyUUID(value.toString(16).padStart(32, '0'));
  }

  /** The dashed form Python's `str(uuid)` prints. */
  toString(): string {
    const h = this.hex;
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
}

/** A `markupsafe.Markup` string: HTML that Jinja will not escape again. */
export class Markup {
  readonly html: string;
  constructor(html: string) {
    this.html = html;
    Object.freeze(this);
  }
}

/** Characters Python's `str.split()` and `str.strip()` treat as whitespace. */
export const PY_WHITESPACE =
  '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';

const INT_SYNTAX: Record<10 | 16, RegExp> = {
  10: new RegExp(`^[${PY_WHITESPACE}]*([+-]?)([0-9](?:_?[0-9])*)[${PY_WHITESPACE}]*$`),
  16: new RegExp(
    `^[${PY_WHITESPACE}]*([+-]?)(?:0[xX]_?)?([0-9a-fA-F](?:_?[0-9a-fA-F])*)[${PY_WHITESPACE}]*$`,
  ),
};

/**
 * Python's `int(text, base)` for ASCII digits: surrounding whitespace, a sign, underscores between
 * digits and (base 16) a `0x` prefix are allowed. `null` where Python raises ValueError.
 */
export function pyInt(text: string, base: 10 | 16): bigint | null {
  const match = INT_SYNTAX[base].exec(text);
  if (match === null) return null;
  const digits = (match[2] ?? '').replaceAll('_', '');
  const magnitude = BigInt(base === 16 ? `0x${digits}` : digits);
  return match[1] === '-' ? -magnitude : magnitude;
}

/** The canonical JS form of a Python int: a safe-integer `number`, else a `bigint`. */
export function intValue(value: bigint): number | bigint {
  const small = Number(value);
  return Number.isSafeInteger(small) ? small : value;
}

/** The canonical JS form of a Python float: a bare `number` unless it would read as an int. */
export function floatValue(value: number): number | PyFloat {
  return Number.isInteger(value) || !Number.isFinite(value) || Object.is(value, -0)
    ? new PyFloat(value)
    : value;
}

/** Python's name for the type of `value`, as its error messages print it (`'int' object …`). */
export function pyTypeName(value: PyValue): string {
  if (value === null) return 'NoneType';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return isIntNumber(value) ? 'int' : 'float';
  if (typeof value === 'bigint') return 'int';
  if (typeof value === 'string') return 'str';
  if (value instanceof PyFloat) return 'float';
  if (value instanceof PyTuple) return 'tuple';
  if (value instanceof PyUUID) return 'UUID';
  if (value instanceof Markup) return 'Markup';
  if (value instanceof Uint8Array) return 'bytes';
  if (value instanceof Date) return 'datetime.datetime';
  return Array.isArray(value) ? 'list' : 'dict';
}

/**
 * The items Python's `iter(value)` yields (list and tuple items, characters, byte values, dict
 * keys), or `null` when Python would say the value is not iterable. `keysOf` gives a dict's keys
 * in Python's order when it differs from JS's.
 */
export function pyIterate(
  value: PyValue,
  keysOf: (dict: PyDict) => readonly string[] = Object.keys,
): PyValue[] | null {
  if (Array.isArray(value)) return [...value];
  if (value instanceof PyTuple) return [...value.items];
  if (typeof value === 'string') return [...value];
  if (value instanceof Markup) return [...value.html];
  if (value instanceof Uint8Array) return [...value];
  if (isDict(value)) return [...keysOf(value)];
  return null;
}

/** A new empty dict with a null prototype, so a `__proto__` key is ordinary data. */
export function newDict(): PyDict {
  return Object.create(null) as PyDict;
}

/** True for plain objects (prototype `Object.prototype` or `null`), which stand for dicts. */
export function isDict(value: unknown): value is PyDict {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** True when `number` stands for a Python int rather than a float. */
export function isIntNumber(value: number): boolean {
  return Number.isSafeInteger(value);
}

/** Python's truth value of `value` (`bool(value)`). */
export function pyTruthy(value: PyValue): boolean {
  if (value === null || value === false) return false;
  if (value === true) return true;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'bigint') return value !== 0n;
  if (typeof value === 'string') return value.length > 0;
  if (value instanceof PyFloat) return value.value !== 0;
  if (value instanceof PyTuple) return value.items.length > 0;
  if (value instanceof Markup) return value.html.length > 0;
  if (value instanceof Uint8Array || Array.isArray(value)) return value.length > 0;
  if (value instanceof PyUUID || value instanceof Date) return true;
  return Object.keys(value).length > 0;
}

/**
 * A deep copy of `value`, like Python's `copy.deepcopy`: lists, dicts, bytes and dates are copied
 * (shared and cyclic references stay shared and cyclic); frozen wrappers are shared except tuples,
 * whose items are copied. Dict copies have a null prototype.
 */
export function deepCopy<T extends PyValue>(value: T): T {
  return copyValue(value, new Map()) as T;
}

function copyValue(value: PyValue, memo: Map<object, PyValue>): PyValue {
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof PyFloat || value instanceof PyUUID || value instanceof Markup) return value;
  const seen = memo.get(value);
  if (seen !== undefined) return seen;
  if (value instanceof Uint8Array) return remember(memo, value, value.slice());
  if (value instanceof Date) return remember(memo, value, new Date(value.getTime()));
  if (value instanceof PyTuple) {
    return remember(memo, value, new PyTuple(value.items.map((item) => copyValue(item, memo))));
  }
  if (Array.isArray(value)) {
    const copy = remember(memo, value, [] as PyValue[]);
    for (const item of value) copy.push(copyValue(item, memo));
    return copy;
  }
  const copy = remember(memo, value, newDict());
  for (const key of Object.keys(value)) copy[key] = copyValue(value[key] as PyValue, memo);
  return copy;
}

function remember<T extends PyValue>(memo: Map<object, PyValue>, original: object, copy: T): T {
  memo.set(original, copy);
  return copy;
}
