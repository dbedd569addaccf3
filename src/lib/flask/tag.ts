/**
 * Flask's `TaggedJSONSerializer` (`flask/json/tag.py`): values JSON lacks are wrapped in one-key
 * objects whose key starts with a space (` t` tuple, ` b` bytes, ` m` Markup, ` u` UUID, ` d`
 * datetime), and a one-key dict whose key is itself a tag is escaped as ` di` — at every level,
 * the session itself included. Reading undoes the tags innermost first, with Python's exact edge
 * behaviour for tags a key holder crafted by hand (`flask/json/tag.py`, `TaggedJSONSerializer._untag_scan`).
 */
import { a2bBase64, base64Encode } from './encoding.ts';
import { dumpFailure, type DumpFailure } from './exceptions.ts';
import { httpDate, parseDate } from './dates.ts';
import {
  dictFromMembers,
  dumpsJson,
  loadsJson,
  type HookResult,
  type JsonReadResult,
  type JsonTree,
} from './json.ts';
import {
  Markup,
  PyFloat,
  PyTuple,
  PyUUID,
  isDict,
  newDict,
  pyIterate,
  pyTypeName,
  type PyDict,
  type PyValue,
} from './python.ts';
import { pyStr } from './repr.ts';

/** Registered tag keys, in Flask's registration order. */
const TAG_KEYS: readonly string[] = [' di', ' t', ' b', ' m', ' u', ' d'];

/**
 * Deepest value nesting (dicts, lists, tuples; the session counts as one) that is written. Python
 * runs out of stack near 326 inside a request and answers 500; beyond this limit so does the
 * simulator.
 */
export const MAX_DUMP_DEPTH = 300;

/** `TaggedJSONSerializer.dumps`: the compact JSON text Flask signs. */
export function dumpsTagged(value: PyValue): { ok: true; text: string } | DumpFailure {
  try {
    return dumpsJson(tag(value, 1));
  } catch (error) {
    if (error instanceof DumpError) return error.failure;
    throw error;
  }
}

/** `TaggedJSONSerializer.loads`: JSON text back to values, tags undone innermost first. */
export function loadsTagged(text: string): JsonReadResult {
  // Dicts whose keys JS would reorder (array-index keys go first), with Python's key order.
  const keyOrder = new WeakMap<PyDict, readonly string[]>();
  return loadsJson(text, (members) => untag(members, keyOrder));
}

class DumpError extends Error {
  readonly failure: DumpFailure;
  constructor(failure: DumpFailure) {
    super(failure.pythonMessage);
    this.failure = failure;
  }
}

function tag(value: PyValue, depth: number): JsonTree {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || value instanceof PyFloat) {
    return value;
  }
  if (value instanceof Markup) return { ' m': value.html };
  if (value instanceof PyUUID) return { ' u': value.hex };
  if (value instanceof Uint8Array) return { ' b': base64Encode(value) };
  if (value instanceof Date) return { ' d': tagDate(value) };
  if (depth > MAX_DUMP_DEPTH) {
    throw new DumpError(
      dumpFailure(
        'RecursionError',
        'maximum recursion depth exceeded',
        `The session is nested more than ${MAX_DUMP_DEPTH} levels deep (or contains itself), ` +
          'so Python runs out of stack while writing it.',
      ),
    );
  }
  if (Array.isArray(value)) return value.map((item) => tag(item, depth + 1));
  if (value instanceof PyTuple) return { ' t': value.items.map((item) => tag(item, depth + 1)) };
  if (isDict(value)) {
    const keys = Object.keys(value);
    const only = keys.length === 1 ? (keys[0] ?? '') : null;
    if (only !== null && TAG_KEYS.includes(only)) {
      return { ' di': { [`${only}__`]: tag(value[only] as PyValue, depth + 1) } };
    }
    const tree: { [key: string]: JsonTree } = newDict() as { [key: string]: JsonTree };
    for (const key of keys) tree[key] = tag(value[key] as PyValue, depth + 1);
    return tree;
  }
  throw new DumpError(
    dumpFailure(
      'TypeError',
      `Object of type ${jsTypeName(value)} is not JSON serializable`,
      `A ${jsTypeName(value)} cannot be stored in a Flask session.`,
    ),
  );
}

function tagDate(date: Date): string {
  const year = date.getUTCFullYear();
  if (Number.isNaN(year) || year < 1 || year > 9999) {
    const shown = Number.isNaN(year) ? 'invalid date' : `year ${year} is out of range`;
    throw new DumpError(
      dumpFailure('ValueError', shown, 'Python datetimes only cover the years 1 to 9999.'),
    );
  }
  return httpDate(date);
}

/** The name Python's error uses; a JS Set is reported like the Python set it stands for. */
function jsTypeName(value: unknown): string {
  if (value instanceof Set) return 'set';
  if (typeof value !== 'object' || value === null) return typeof value;
  return (value as object).constructor?.name ?? 'object';
}

type Conversion = (value: PyValue, keyOrder: WeakMap<PyDict, readonly string[]>) => HookResult;

const ok = (value: PyValue): HookResult => ({ ok: true, value });
const error = (detail: string): HookResult => ({ ok: false, detail });

/** `TaggedJSONSerializer.untag` as an object hook. */
function untag(
  members: Map<string, PyValue>,
  keyOrder: WeakMap<PyDict, readonly string[]>,
): HookResult {
  if (members.size === 1) {
    const [key, value] = members.entries().next().value as [string, PyValue];
    const convert = FROM_JSON.get(key);
    if (convert !== undefined) return convert(value, keyOrder);
  }
  const dict = dictFromMembers(members);
  const keys = [...members.keys()];
  if (Object.keys(dict).some((key, i) => key !== keys[i])) keyOrder.set(dict, keys);
  return ok(dict);
}

/** The keys of a dict in Python's order. */
function dictKeys(dict: PyDict, keyOrder: WeakMap<PyDict, readonly string[]>): readonly string[] {
  return keyOrder.get(dict) ?? Object.keys(dict);
}

const FROM_JSON = new Map<string, Conversion>([
  [
    ' di',
    (value, keyOrder) => {
      // {key[:-2]: value[key]} for the first key; anything but a non-empty dict fails in Python.
      if (!isDict(value)) return error(`TagDict cannot unwrap a ${pyTypeName(value)}`);
      const first = dictKeys(value, keyOrder)[0];
      if (first === undefined) return error('TagDict found an empty dict (StopIteration)');
      const dict = newDict();
      dict[[...first].slice(0, -2).join('')] = value[first] as PyValue;
      return ok(dict);
    },
  ],
  [
    ' t',
    (value, keyOrder) => {
      const items = pyIterate(value, (dict) => dictKeys(dict, keyOrder));
      return items === null
        ? error(`'${pyTypeName(value)}' object is not iterable`)
        : ok(new PyTuple(items));
    },
  ],
  [
    ' b',
    (value) => {
      let input: Uint8Array;
      if (value instanceof Uint8Array) input = value;
      else if (typeof value === 'string' || value instanceof Markup) {
        const text = typeof value === 'string' ? value : value.html;
        if (/[\u0080-\uffff]/.test(text)) {
          return error('string argument should contain only ASCII characters');
        }
        input = Uint8Array.from(text, (char) => char.charCodeAt(0));
      } else {
        return error(
          `argument should be a bytes-like object or ASCII string, not '${pyTypeName(value)}'`,
        );
      }
      const decoded = a2bBase64(input);
      return decoded.ok ? ok(decoded.bytes) : error(decoded.reason);
    },
  ],
  [' m', (value) => ok(new Markup(pyStr(value)))],
  [
    ' u',
    (value) => {
      if (typeof value !== 'string' && !(value instanceof Markup)) {
        return error(`'${pyTypeName(value)}' object has no attribute 'replace'`);
      }
      const uuid = PyUUID.parse(typeof value === 'string' ? value : value.html);
      return uuid === null ? error('badly formed hexadecimal UUID string') : ok(uuid);
    },
  ],
  [
    ' d',
    (value) => {
      const parsed = parseDate(value);
      return parsed.ok ? ok(parsed.date) : error(parsed.detail);
    },
  ],
]);
