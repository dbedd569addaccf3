/**
 * The Flask apps the session lesson shows, as TypeScript views that do to the session what the
 * Python in `lesson-app-sources.ts` does (real Flask runs that Python for the conformance vectors).
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
import type { LessonAppId } from './lesson-app-sources.ts';

export type { LessonAppId };

/** A view of a lesson app; `args` are the route's URL parts, e.g. `{ name: 'alice' }`. */
export type LessonView = (
  session: SecureCookieSession,
  args: Readonly<Record<string, string>>,
) => ViewResult;

export interface LessonApp {
  readonly id: LessonAppId;
  /** `app.secret_key` as the source sets it. */
  readonly secretKey: string;
  /** The views, by Python function name (Flask's endpoint). */
  readonly views: Readonly<Record<string, LessonView>>;
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
    secretKey: 'secret',
    views: { index: (session) => `Count: ${pyStr(session.get('count'))}` },
  },
  permanent: {
    id: 'permanent',
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
