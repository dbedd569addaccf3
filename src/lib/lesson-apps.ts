/**
 * The Flask apps the session lesson shows, each as the exact Python source learners read and a
 * TypeScript version of every view that does the same to the session. The conformance generator
 * (`tests/conformance/gen_vectors.py`) extracts the `*_PY` sources from this file and runs them
 * in real Flask, so the two cannot drift apart: keep each source a plain template literal
 * (no backticks, backslashes or `${`).
 */
import {
  PyFloat,
  PythonException,
  floatValue,
  intValue,
  pyStr,
  pyTypeName,
  type PyValue,
  type SecureCookieSession,
  type ViewResult,
} from './flask/index.ts';

/** A view of a lesson app; `args` are the route's URL parts, e.g. `{ name: 'alice' }`. */
export type LessonView = (
  session: SecureCookieSession,
  args: Readonly<Record<string, string>>,
) => ViewResult;

export interface LessonApp {
  readonly id: LessonAppId;
  /** The complete Python program, exactly as shown. */
  readonly python: string;
  /** `app.secret_key` as the source sets it. */
  readonly secretKey: string;
  /** The views, by Python function name (Flask's endpoint). */
  readonly views: Readonly<Record<string, LessonView>>;
}

export type LessonAppId =
  'counter' | 'login' | 'cart-lost-update' | 'cart-modified' | 'read-only' | 'permanent';

const COUNTER_PY = `from flask import Flask, session
app = Flask(__name__)
app.secret_key = 'secret'

@app.route('/')
def index():
    session['count'] = session.get('count', 0) + 1
    return f"Count: {session['count']}"
`;

const LOGIN_PY = `from flask import Flask, session
app = Flask(__name__)
app.secret_key = 'secret'

@app.route('/login/<name>')
def login(name):
    session['user'] = name
    return f"Logged in as {name}"

@app.route('/logout')
def logout():
    session.clear()
    return "Logged out"
`;

const CART_LOST_UPDATE_PY = `from flask import Flask, session
app = Flask(__name__)
app.secret_key = 'secret'

@app.route('/add/<item>')
def add(item):
    session.setdefault('cart', []).append(item)
    return f"Cart: {session['cart']}"
`;

const CART_MODIFIED_PY = `from flask import Flask, session
app = Flask(__name__)
app.secret_key = 'secret'

@app.route('/add/<item>')
def add(item):
    session.setdefault('cart', []).append(item)
    session.modified = True
    return f"Cart: {session['cart']}"
`;

const READ_ONLY_PY = `from flask import Flask, session
app = Flask(__name__)
app.secret_key = 'secret'

@app.route('/')
def index():
    return f"Count: {session.get('count')}"
`;

const PERMANENT_PY = `from flask import Flask, session
app = Flask(__name__)
app.secret_key = 'secret'

@app.route('/remember/<name>')
def remember(name):
    session.permanent = True
    session['user'] = name
    return f"Remembered {name}"

@app.route('/hello')
def hello():
    return "Hello"
`;

/** Python's `value + 1`, for the counter (a crafted cookie may hold any type). */
function plusOne(value: PyValue): PyValue {
  if (typeof value === 'boolean') return Number(value) + 1;
  if (typeof value === 'bigint') return intValue(value + 1n);
  if (typeof value === 'number') {
    return Number.isSafeInteger(value) ? intValue(BigInt(value) + 1n) : floatValue(value + 1);
  }
  if (value instanceof PyFloat) return floatValue(value.value + 1);
  const type = pyTypeName(value);
  throw new PythonException(
    'TypeError',
    ['str', 'list', 'tuple'].includes(type)
      ? `can only concatenate ${type} (not "int") to ${type}`
      : type === 'bytes'
        ? "can't concat int to bytes"
        : `unsupported operand type(s) for +: '${type}' and 'int'`,
  );
}

/** `session.setdefault('cart', []).append(item)`, including Python's error for a non-list. */
function appendToCart(session: SecureCookieSession, item: string): void {
  const cart = session.setdefault('cart', []);
  if (!Array.isArray(cart)) {
    throw new PythonException(
      'AttributeError',
      `'${pyTypeName(cart)}' object has no attribute 'append'`,
    );
  }
  cart.push(item);
}

export const LESSON_APPS: Readonly<Record<LessonAppId, LessonApp>> = {
  counter: {
    id: 'counter',
    python: COUNTER_PY,
    secretKey: 'secret',
    views: {
      index: (session) => {
        session.setitem('count', plusOne(session.get('count', 0)));
        return `Count: ${pyStr(session.getitem('count'))}`;
      },
    },
  },
  login: {
    id: 'login',
    python: LOGIN_PY,
    secretKey: 'secret',
    views: {
      login: (session, { name = '' }) => {
        session.setitem('user', name);
        return `Logged in as ${name}`;
      },
      logout: (session) => {
        session.clear();
        return 'Logged out';
      },
    },
  },
  'cart-lost-update': {
    id: 'cart-lost-update',
    python: CART_LOST_UPDATE_PY,
    secretKey: 'secret',
    views: {
      add: (session, { item = '' }) => {
        appendToCart(session, item);
        return `Cart: ${pyStr(session.getitem('cart'))}`;
      },
    },
  },
  'cart-modified': {
    id: 'cart-modified',
    python: CART_MODIFIED_PY,
    secretKey: 'secret',
    views: {
      add: (session, { item = '' }) => {
        appendToCart(session, item);
        session.modified = true;
        return `Cart: ${pyStr(session.getitem('cart'))}`;
      },
    },
  },
  'read-only': {
    id: 'read-only',
    python: READ_ONLY_PY,
    secretKey: 'secret',
    views: { index: (session) => `Count: ${pyStr(session.get('count'))}` },
  },
  permanent: {
    id: 'permanent',
    python: PERMANENT_PY,
    secretKey: 'secret',
    views: {
      remember: (session, { name = '' }) => {
        session.permanent = true;
        session.setitem('user', name);
        return `Remembered ${name}`;
      },
      hello: () => 'Hello',
    },
  },
};
