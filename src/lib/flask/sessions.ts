/**
 * Flask's session objects (`flask/sessions.py` in Debian's 2.2.2, identical to upstream 2.2.5;
 * Werkzeug's `CallbackDict`/`UpdateDictMixin`): a dict that records whether it was `accessed`
 * and `modified`, with methods named after Python's (`s[k]` is `getitem`, `k in s` is
 * `contains`, …). Like in Python, changing a list or dict *inside* the session does not set
 * `modified` (the lost-update gotcha).
 *
 * Methods throw {@link PythonException} where Python raises (`KeyError`, and `RuntimeError` on a
 * {@link NullSession}); the request simulator turns that into Flask's HTTP 500.
 */
import { nonStringKey, notASessionDict, type LoadFailure } from './exceptions.ts';
import {
  Markup,
  isDict,
  newDict,
  pyIterate,
  pyTruthy,
  pyTypeName,
  type PyDict,
  type PyValue,
} from './python.ts';
import { strRepr } from './str-repr.ts';

/** Python exceptions a view can raise in this simulator. */
export type PythonExceptionClass = 'KeyError' | 'RuntimeError' | 'TypeError' | 'AttributeError';

/** A Python exception raised inside a view (by a session method or the view's own code). */
export class PythonException extends Error {
  readonly pythonClass: PythonExceptionClass;
  /** Python's `str(exception)`. */
  readonly pythonMessage: string;

  constructor(pythonClass: PythonExceptionClass, pythonMessage: string) {
    super(`${pythonClass}: ${pythonMessage}`);
    this.name = pythonClass;
    this.pythonClass = pythonClass;
    this.pythonMessage = pythonMessage;
  }
}

function keyError(key: string): PythonException {
  return new PythonException('KeyError', strRepr(key));
}

/**
 * One use of the session by a view, for the request trace: a read (`get`, `s[k]`, `k in s`, …) or
 * a write (`s[k] = v`, `clear`, …), with Python's method name and the key when there is one.
 */
export interface SessionAccess {
  readonly kind: 'read' | 'write';
  /** Python's method: `get`, `__getitem__`, `__setitem__`, `__delitem__`, `__contains__`, … */
  readonly method: string;
  readonly key: string | null;
}

/** `SecureCookieSession`: the `session` object a view sees when a secret key is set. */
export class SecureCookieSession {
  readonly #data: PyDict = newDict();
  #accesses: SessionAccess[] = [];
  /** True once the view read or changed the session (then Flask adds `Vary: Cookie`). */
  accessed = false;
  /** True once the view changed the session itself; views may also set it by hand. */
  modified = false;

  /** A session holding a shallow copy of `initial`, with both flags false. */
  constructor(initial: PyDict = newDict()) {
    for (const key of Object.keys(initial)) this.#data[key] = initial[key] as PyValue;
  }

  /** Every change calls this, like Werkzeug's `on_update` callback. */
  #changed(): void {
    this.modified = true;
    this.accessed = true;
  }

  #has(key: string): boolean {
    return Object.hasOwn(this.#data, key);
  }

  /** Notes a use of the session for {@link takeAccesses}; Flask's flags are not touched. */
  protected record(kind: SessionAccess['kind'], method: string, key: string | null = null): void {
    this.#accesses.push({ kind, method, key });
  }

  /**
   * The reads and writes since the last call, oldest first (not part of Flask: the request
   * trace uses it to say what each line of a view did).
   */
  takeAccesses(): SessionAccess[] {
    const taken = this.#accesses;
    this.#accesses = [];
    return taken;
  }

  /** `session.get(key, default)`: marks the session accessed. */
  get(key: string, defaultValue: PyValue = null): PyValue {
    this.record('read', 'get', key);
    this.accessed = true;
    return this.#has(key) ? (this.#data[key] as PyValue) : defaultValue;
  }

  /** `session[key]`: marks the session accessed; a missing key raises KeyError. */
  getitem(key: string): PyValue {
    this.record('read', '__getitem__', key);
    this.accessed = true;
    if (!this.#has(key)) throw keyError(key);
    return this.#data[key] as PyValue;
  }

  /** `session[key] = value`: always marks the session modified, even for the same value. */
  setitem(key: string, value: PyValue): void {
    this.record('write', '__setitem__', key);
    this.#data[key] = value;
    this.#changed();
  }

  /** `del session[key]`: a missing key raises KeyError and changes nothing. */
  delitem(key: string): void {
    this.record('write', '__delitem__', key);
    if (!this.#has(key)) throw keyError(key);
    delete this.#data[key];
    this.#changed();
  }

  /** `key in session`: does not mark the session accessed. */
  contains(key: string): boolean {
    this.record('read', '__contains__', key);
    return this.#has(key);
  }

  /** `len(session)`: does not mark the session accessed. */
  len(): number {
    this.record('read', '__len__');
    return Object.keys(this.#data).length;
  }

  /** `list(session.keys())`: does not mark the session accessed. */
  keys(): string[] {
    this.record('read', 'keys');
    return Object.keys(this.#data);
  }

  /** `list(session.values())`: does not mark the session accessed. */
  values(): PyValue[] {
    this.record('read', 'values');
    return Object.values(this.#data);
  }

  /** `list(session.items())`: does not mark the session accessed. */
  items(): [string, PyValue][] {
    this.record('read', 'items');
    return Object.entries(this.#data);
  }

  /** `session.clear()`: marks the session modified even when it was already empty. */
  clear(): void {
    this.record('write', 'clear');
    for (const key of Object.keys(this.#data)) delete this.#data[key];
    this.#changed();
  }

  /**
   * `session.pop(key)` / `session.pop(key, default)`: modified only if the key existed; without a
   * default a missing key raises KeyError.
   */
  pop(key: string, ...defaultValue: [] | [PyValue]): PyValue {
    this.record('write', 'pop', key);
    if (!this.#has(key)) {
      if (defaultValue.length === 0) throw keyError(key);
      return defaultValue[0];
    }
    const value = this.#data[key] as PyValue;
    delete this.#data[key];
    this.#changed();
    return value;
  }

  /** `session.popitem()`: removes the last key; an empty session raises KeyError. */
  popitem(): [string, PyValue] {
    this.record('write', 'popitem');
    const key = Object.keys(this.#data).at(-1);
    if (key === undefined) {
      throw new PythonException('KeyError', "'popitem(): dictionary is empty'");
    }
    const value = this.#data[key] as PyValue;
    delete this.#data[key];
    this.#changed();
    return [key, value];
  }

  /**
   * `session.setdefault(key, default)`: marks the session accessed; modified only when the key
   * was missing. Returns the stored value, so mutating it mutates the session silently.
   */
  setdefault(key: string, defaultValue: PyValue = null): PyValue {
    this.record(this.#has(key) ? 'read' : 'write', 'setdefault', key);
    this.accessed = true;
    if (!this.#has(key)) {
      this.#data[key] = defaultValue;
      this.#changed();
    }
    return this.#data[key] as PyValue;
  }

  /** `session.update(other)`: marks the session modified, even for an empty update. */
  update(other: PyDict): void {
    this.record('write', 'update');
    for (const key of Object.keys(other)) this.#data[key] = other[key] as PyValue;
    this.#changed();
  }

  /** `session.permanent`: whether `_permanent` is truthy (reading it counts as access). */
  get permanent(): boolean {
    return pyTruthy(this.get('_permanent', false));
  }

  /** `session.permanent = value`: stores `_permanent` as a bool (a modification). */
  set permanent(value: boolean) {
    this.setitem('_permanent', Boolean(value));
  }

  /** Flask's `session.new`, which this session type always reports as false. */
  get new(): false {
    return false;
  }

  /** A shallow copy of the contents (Python's `dict(session)` on the object), flags untouched. */
  toDict(): PyDict {
    const copy = newDict();
    for (const key of Object.keys(this.#data)) copy[key] = this.#data[key] as PyValue;
    return copy;
  }
}

/** Flask's message when a view writes to the session of an app without a secret key. */
export const NO_SECRET_KEY_MESSAGE =
  'The session is unavailable because no secret key was set.  Set the secret_key on the ' +
  'application to something unique and secret.';

function noSecretKey(): PythonException {
  return new PythonException('RuntimeError', NO_SECRET_KEY_MESSAGE);
}

/**
 * `NullSession`: the empty session of an app without a secret key. Reading works and sees
 * nothing; every write (even `pop` with a default, or `setdefault` of an existing key) raises
 * RuntimeError. It is never saved.
 */
export class NullSession extends SecureCookieSession {
  override setitem(key: string): void {
    this.#refuse('__setitem__', key);
  }
  override delitem(key: string): void {
    this.#refuse('__delitem__', key);
  }
  override clear(): void {
    this.#refuse('clear');
  }
  override pop(key: string): PyValue {
    this.#refuse('pop', key);
  }
  override popitem(): [string, PyValue] {
    this.#refuse('popitem');
  }
  override setdefault(key: string): PyValue {
    this.#refuse('setdefault', key);
  }
  override update(): void {
    this.#refuse('update');
  }
  /** Every write attempt raises (`NullSession._fail`), and the trace records the attempt. */
  #refuse(method: string, key: string | null = null): never {
    this.record('write', method, key);
    throw noSecretKey();
  }
}

/**
 * What `SecureCookieSession(data)` — `dict(data or ())` — makes of a loaded value: a falsy value
 * gives an empty session, a dict is copied, an iterable of 2-item sequences becomes pairs, and
 * anything else raises like Python (Flask answers HTTP 500). Keys that are not text cannot be
 * represented here and are reported as `NonStringKey`.
 */
export function sessionDataFrom(value: PyValue): { ok: true; data: PyDict } | LoadFailure {
  if (!pyTruthy(value)) return { ok: true, data: newDict() };
  if (isDict(value)) return { ok: true, data: value };
  const elements = pyIterate(value);
  if (elements === null) {
    return notASessionDict('TypeError', `'${pyTypeName(value)}' object is not iterable`);
  }
  const data = newDict();
  for (const [index, element] of elements.entries()) {
    const pair = pyIterate(element);
    if (pair === null) {
      return notASessionDict(
        'TypeError',
        `cannot convert dictionary update sequence element #${index} to a sequence`,
      );
    }
    if (pair.length !== 2) {
      return notASessionDict(
        'ValueError',
        `dictionary update sequence element #${index} has length ${pair.length}; 2 is required`,
      );
    }
    const [key, item] = pair as [PyValue, PyValue];
    if (Array.isArray(key) || isDict(key)) {
      return notASessionDict('TypeError', `unhashable type: '${pyTypeName(key)}'`);
    }
    if (typeof key === 'string') data[key] = item;
    else if (key instanceof Markup) data[key.html] = item;
    else return nonStringKey(pyTypeName(key));
  }
  return { ok: true, data };
}
