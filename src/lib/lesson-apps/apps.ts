/**
 * The bodies of the lesson apps' views, one entry per Python statement: each pairs the statement
 * exactly as `sources.ts` shows it with TypeScript that does the same to the session. Where a
 * statement sits (its line number), the route's rule and the secret key are read from the source
 * itself (`program.ts`) and paired with these statements by their text (`visit.ts`), so the
 * trace's line numbers cannot drift from the code learners read;
 * `tests/unit/lesson-apps/apps.test.ts` checks every view line has its statement, and the
 * conformance vectors check what the statements do against real Flask.
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
} from '../flask/index.ts';
import { MAKE_PERMANENT_PYTHON, type RouteArgs } from './program.ts';
import type { LessonAppId } from './sources.ts';

/** One statement of a view body: the Python text, and what it does (a result on `return`). */
export interface Statement {
  /** The statement, trimmed, exactly as the source shows it. */
  readonly python: string;
  readonly run: (session: SecureCookieSession, args: RouteArgs) => ViewResult | undefined;
}

/** A lesson app: each view's body by Python function name (Flask's endpoint). */
export interface LessonAppBody {
  readonly id: LessonAppId;
  readonly views: Readonly<Record<string, readonly Statement[]>>;
}

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
const appendToCart: Statement = {
  python: "session.setdefault('cart', []).append(item)",
  run: (session, { item = '' }) => {
    const cart = session.setdefault('cart', []);
    if (!Array.isArray(cart)) {
      throw new PythonException(
        'AttributeError',
        `'${pyTypeName(cart)}' object has no attribute 'append'`,
      );
    }
    cart.push(item);
    return undefined;
  },
};

const showCart: Statement = {
  python: 'return f"Cart: {session[\'cart\']}"',
  run: (session) => `Cart: ${pyStr(session.getitem('cart'))}`,
};

/** `session.permanent = True`, a statement of the permanent app and of the playground's switch. */
export const MAKE_PERMANENT: Statement = {
  python: MAKE_PERMANENT_PYTHON,
  run: (session) => {
    session.permanent = true;
    return undefined;
  },
};

export const LESSON_APP_BODIES: Readonly<Record<LessonAppId, LessonAppBody>> = {
  counter: {
    id: 'counter',
    views: {
      index: [
        {
          python: "session['count'] = session.get('count', 0) + 1",
          run: (session) => {
            session.setitem('count', plusOne(session.get('count', 0)));
            return undefined;
          },
        },
        {
          python: 'return f"Count: {session[\'count\']}"',
          run: (session) => `Count: ${pyStr(session.getitem('count'))}`,
        },
      ],
    },
  },
  login: {
    id: 'login',
    views: {
      login: [
        {
          python: "session['user'] = name",
          run: (session, { name = '' }) => {
            session.setitem('user', name);
            return undefined;
          },
        },
        {
          python: 'return f"Logged in as {name}"',
          run: (_, { name = '' }) => `Logged in as ${name}`,
        },
      ],
      logout: [
        {
          python: 'session.clear()',
          run: (session) => {
            session.clear();
            return undefined;
          },
        },
        { python: 'return "Logged out"', run: () => 'Logged out' },
      ],
    },
  },
  'cart-lost-update': {
    id: 'cart-lost-update',
    views: { add: [appendToCart, showCart] },
  },
  'cart-modified': {
    id: 'cart-modified',
    views: {
      add: [
        appendToCart,
        {
          python: 'session.modified = True',
          run: (session) => {
            session.modified = true;
            return undefined;
          },
        },
        showCart,
      ],
    },
  },
  'read-only': {
    id: 'read-only',
    views: {
      index: [
        {
          python: 'return f"Count: {session.get(\'count\')}"',
          run: (session) => `Count: ${pyStr(session.get('count'))}`,
        },
      ],
    },
  },
  permanent: {
    id: 'permanent',
    views: {
      remember: [
        MAKE_PERMANENT,
        {
          python: "session['user'] = name",
          run: (session, { name = '' }) => {
            session.setitem('user', name);
            return undefined;
          },
        },
        { python: 'return f"Remembered {name}"', run: (_, { name = '' }) => `Remembered ${name}` },
      ],
      hello: [{ python: 'return "Hello"', run: () => 'Hello' }],
    },
  },
};
