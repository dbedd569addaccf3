/**
 * Runs one request through the session engine the way the figures need it: a view, the
 * session the browser's cookie carries (signed at the fixed clock) and the response as a
 * learner reads it. The real-Flask counterpart is `tests/conformance/gen_mode_figures.py`.
 */
import {
  dumpSessionCookie,
  handleRequest,
  newDict,
  type FlaskConfig,
  type PyDict,
  type PyValue,
  type View,
} from '../../flask/index.ts';

/** The figures' clock (Unix seconds, 2023-11-14T22:13:20Z): fixed so builds are reproducible. */
export const FIGURE_CLOCK = 1_700_000_000;

/** The lesson's `app.secret_key`. */
export const LESSON_KEY = 'secret';

/** A response as the figures show it. */
export interface Exchange {
  /** e.g. `200 OK`. */
  status: string;
  body: string;
  /** Every `Set-Cookie` header value, in order (empty when none was sent). */
  setCookie: string[];
  /** The `Vary` header, or null. */
  vary: string | null;
  /** Python's exception class when the view raised (the response is then a 500), else null. */
  error: string | null;
  /** Werkzeug's warnings, e.g. a cookie longer than `MAX_COOKIE_SIZE`. */
  warnings: string[];
}

/** A JSON value (from the examples file) as the Python value Flask's JSON loader would give. */
export function fromJson(value: unknown): PyValue {
  if (Array.isArray(value)) return value.map(fromJson);
  if (typeof value === 'object' && value !== null) {
    const dict = newDict();
    for (const [key, item] of Object.entries(value)) dict[key] = fromJson(item);
    return dict;
  }
  return value as PyValue;
}

/**
 * The cookie Flask sends for `session` with `secretKey` at the figures' clock.
 * @throws Error when the engine cannot sign it (a mistake in a figure, caught by the build).
 */
export async function signedCookie(session: PyDict, secretKey = LESSON_KEY): Promise<string> {
  const dumped = await dumpSessionCookie(session, { secretKey, timestamp: FIGURE_CLOCK });
  if (!dumped.ok) throw new Error(`figure session cannot be signed: ${dumped.message}`);
  return dumped.cookie;
}

/**
 * One request to `view`, carrying `cookie` (a `session` cookie value, or null for none).
 * @throws Error when the engine cannot simulate the request (a mistake in a figure).
 */
export async function exchange(
  view: View,
  cookie: string | null,
  config: FlaskConfig = { SECRET_KEY: LESSON_KEY },
): Promise<Exchange> {
  const result = await handleRequest(
    config,
    { cookieHeader: cookie === null ? null : `session=${cookie}`, now: FIGURE_CLOCK },
    view,
  );
  if (!result.ok) throw new Error(`figure request cannot be simulated: ${result.message}`);
  const { response, trace } = result;
  const header = (name: string) => response.headers.filter(([key]) => key === name);
  return {
    status: response.status,
    body: response.body,
    setCookie: header('Set-Cookie').map(([, value]) => value),
    vary: header('Vary')[0]?.[1] ?? null,
    error: trace.error?.pythonClass ?? null,
    warnings: [...trace.warnings],
  };
}

/** The value of a `Set-Cookie` header's cookie (`session=<value>; …` → `<value>`). */
export function cookieValue(setCookie: string): string {
  return setCookie.slice(setCookie.indexOf('=') + 1).split(';')[0] ?? '';
}
