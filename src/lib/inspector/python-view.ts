/**
 * A decoded session as Python prints it, in Python's order and exactness. The engine's values
 * are JavaScript objects, which put integer-like keys (`'3'` before `'12'`) first and hold
 * datetimes in UTC; Python's dicts keep insertion order (`json.loads`) and Werkzeug's
 * `parse_date` keeps a date's UTC offset. So the value is printed while walking the JSON Flask
 * wrote beside it: the JSON gives the order of keys and the written offsets, the engine's value
 * gives the types.
 */
import { parseRfc2822 } from '../flask/dates.ts';
import { loadsJson } from '../flask/json.ts';
import { PyTuple, newDict, pyRepr, pyTypeName, type PyDict, type PyValue } from '../flask/index.ts';
import { isDict } from '../flask/python.ts';
import { strRepr } from '../python-literal.ts';

export interface PythonDisplay {
  /** `repr()` of the whole value. */
  readonly repr: string;
  /** The session's keys in Python's order with each value's type and `repr()`; `null` if not a dict. */
  readonly entries: readonly { key: string; type: string; value: string }[] | null;
}

/** Prints `value` (decoded from `json`, the tagged JSON Flask wrote) as Python would. */
export function pythonDisplay(value: PyValue, json: string): PythonDisplay {
  const order = new WeakMap<PyDict, readonly string[]>();
  const raw = loadsJson(json, (members) => {
    const dict = newDict();
    for (const [key, member] of members) dict[key] = member;
    order.set(dict, [...members.keys()]);
    return { ok: true, value: dict };
  });
  const printer = new Printer(order);
  const tree = raw.ok ? raw.value : undefined;
  if (!isDict(value)) return { repr: printer.repr(value, tree), entries: null };
  const keys = printer.keysOf(value, tree);
  const entries = keys.map((key) => {
    const item = value[key] as PyValue;
    return { key, type: pyTypeName(item), value: printer.repr(item, childOf(tree, key)) };
  });
  return {
    repr: `{${entries.map((entry) => `${strRepr(entry.key)}: ${entry.value}`).join(', ')}}`,
    entries,
  };
}

/** Tags whose JSON wraps the value one level down (`{" t": [...]}`). */
const TAGS = new Set([' t', ' b', ' d', ' u', ' m', ' di']);

function childOf(tree: PyValue | undefined, key: string): PyValue | undefined {
  return tree !== undefined && isDict(tree) ? tree[key] : undefined;
}

function tagOf(tree: PyValue | undefined): string | null {
  if (tree === undefined || !isDict(tree)) return null;
  const keys = Object.keys(tree);
  return keys.length === 1 && TAGS.has(keys[0]!) ? keys[0]! : null;
}

class Printer {
  readonly #order: WeakMap<PyDict, readonly string[]>;
  constructor(order: WeakMap<PyDict, readonly string[]>) {
    this.#order = order;
  }

  /** The keys of `dict` in the order the JSON `tree` wrote them (JS order when they differ). */
  keysOf(dict: PyDict, tree: PyValue | undefined): readonly string[] {
    const own = Object.keys(dict);
    const written =
      tree !== undefined && isDict(tree) && tagOf(tree) === null
        ? this.#order.get(tree)
        : undefined;
    return written !== undefined &&
      written.length === own.length &&
      written.every((key) => key in dict)
      ? written
      : own;
  }

  repr(value: PyValue, tree: PyValue | undefined): string {
    const tag = tagOf(tree);
    const inner = tag === null ? tree : childOf(tree, tag);
    if (value instanceof Date && tag === ' d' && typeof inner === 'string') {
      return dateRepr(value, inner);
    }
    if (value instanceof PyTuple) {
      const items = tag === ' t' && Array.isArray(inner) ? inner : [];
      const shown = value.items.map((item, index) => this.repr(item, items[index]));
      return shown.length === 1 ? `(${shown[0]},)` : `(${shown.join(', ')})`;
    }
    if (Array.isArray(value)) {
      const items = Array.isArray(tree) ? tree : [];
      return `[${value.map((item, index) => this.repr(item, items[index])).join(', ')}]`;
    }
    if (isDict(value)) {
      // `{" di": {"key__": value}}` is a one-key dict whose key looked like a tag.
      const source = tag === ' di' && inner !== undefined && isDict(inner) ? undefined : tree;
      const keys = this.keysOf(value, source);
      const shown = keys.map((key) => {
        const child =
          tag === ' di' && inner !== undefined && isDict(inner)
            ? inner[`${key}__`]
            : childOf(source, key);
        return `${strRepr(key)}: ${this.repr(value[key] as PyValue, child)}`;
      });
      return `{${shown.join(', ')}}`;
    }
    return pyRepr(value);
  }
}

/**
 * Python's repr of the datetime `parse_date(text)` returns: the date as written, with the
 * written offset as its timezone (`-0000` and no zone mean UTC).
 */
function dateRepr(date: Date, text: string): string {
  const offset = parseRfc2822(text)?.[6] ?? 0;
  // The same wall-clock fields, printed by the engine as a UTC datetime, with the offset swapped in.
  const local = pyRepr(new Date(date.getTime() + offset * 1000));
  return local.replace(/tzinfo=datetime\.timezone\.utc\)$/, `tzinfo=${timezoneRepr(offset)})`);
}

/** `datetime.timezone.utc`, or `datetime.timezone(datetime.timedelta(days=-1, seconds=66600))`. */
function timezoneRepr(offset: number): string {
  if (offset === 0) return 'datetime.timezone.utc';
  const days = Math.floor(offset / 86400);
  const seconds = offset - days * 86400;
  const delta = days === 0 ? `seconds=${seconds}` : `days=${days}, seconds=${seconds}`;
  return `datetime.timezone(datetime.timedelta(${delta}))`;
}
