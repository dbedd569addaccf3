/**
 * One request through a Flask app, as far as sessions are concerned (`Flask.wsgi_app`,
 * `full_dispatch_request`, `handle_exception`, `process_response`): open the session, run the
 * view, save the session, and answer with Flask's status line, body and headers in order —
 * plus a trace of every step for learners.
 *
 * An exception in the view (or while saving) gives Flask's generic 500 page; the session is
 * still saved for that response unless it is a `NullSession`. A validly signed cookie that
 * cannot be loaded fails before the view runs, and then nothing about the session is sent.
 */
import { utf8Encode } from './encoding.ts';
import { isSimulatorLimit, type SimulatorLimit } from './exceptions.ts';
import { deepCopy, pyTruthy, type PyDict } from './python.ts';
import {
  openSession,
  saveSession,
  type FlaskConfig,
  type Header,
  type Verification,
} from './session-interface.ts';
import { NO_SECRET_KEY_MESSAGE, PythonException, type SecureCookieSession } from './sessions.ts';
import type {
  CookieParts,
  LoadOutcome,
  RequestError,
  ResponsePrepared,
  SessionFlags,
  TraceEvent,
  ViewLineRan,
} from './trace.ts';
import { loadPako, type ZlibLoader } from './zlib.ts';

/** Status codes a view may return, with Werkzeug's reason phrases. */
export type { RequestError };

const STATUS_LINES = {
  200: '200 OK',
  201: '201 CREATED',
  400: '400 BAD REQUEST',
  401: '401 UNAUTHORIZED',
  403: '403 FORBIDDEN',
  404: '404 NOT FOUND',
  500: '500 INTERNAL SERVER ERROR',
} as const;

export type StatusCode = keyof typeof STATUS_LINES;

/** What a view returns: a body (status 200), or a body with a status. */
export type ViewResult = string | { readonly status: StatusCode; readonly body: string };

/** A view given as a plain function: reads and writes the session, returns the body. */
export type ViewFunction = (session: SecureCookieSession) => ViewResult;

/**
 * One line of a view's Python source and what it does: `run` returns the view's result on a
 * `return` line and `undefined` otherwise; it throws {@link PythonException} where Python raises.
 */
export interface ViewLine {
  /** 1-based line in the app's source. */
  readonly line: number;
  /** The statement on that line, trimmed, exactly as the source shows it. */
  readonly python: string;
  readonly run: (session: SecureCookieSession) => ViewResult | undefined;
}

/** A view defined line by line, so the trace can say which line ran and what it did. */
export interface LineView {
  /** The view function's name (Flask's endpoint). */
  readonly endpoint: string;
  /** The route's rule, e.g. `/login/<name>`. */
  readonly rule: string;
  /** The 1-based line of the `@app.route(...)` decorator. */
  readonly routeLine: number;
  /** The URL parts the view receives. */
  readonly args: Readonly<Record<string, string>>;
  /** The body's lines in execution order; the view stops at the first that returns or raises. */
  readonly lines: readonly ViewLine[];
}

export type View = ViewFunction | LineView;

/** The body of Flask's default 500 page. */
export const INTERNAL_SERVER_ERROR_BODY =
  '<!doctype html>\n<html lang=en>\n<title>500 Internal Server Error</title>\n' +
  '<h1>Internal Server Error</h1>\n<p>The server encountered an internal error and was unable ' +
  'to complete your request. Either the server is overloaded or there is an error in the ' +
  'application.</p>\n';

export interface RequestInput {
  /** The request path, for the trace (default `/`). */
  readonly path?: string;
  /** The request's `Cookie` header, or `null` when there is none. */
  readonly cookieHeader: string | null;
  /** The server clock, whole Unix seconds. */
  readonly now: number;
  readonly loadZlib?: ZlibLoader;
}

export interface Response {
  /** e.g. `200 OK`, `500 INTERNAL SERVER ERROR`. */
  readonly status: string;
  readonly statusCode: StatusCode;
  /** In Flask's order: Content-Type, Content-Length, then Vary / Set-Cookie as saved. */
  readonly headers: readonly Header[];
  readonly body: string;
}

/** A summary of the request plus every stage's decision in order (`events`, see `trace.ts`). */
export interface RequestTrace {
  /** The session cookie's value as Flask read it from the `Cookie` header. */
  readonly cookie: string | null;
  readonly verification: Verification;
  /** The session the view received (a deep copy), or `null` when it never ran. */
  readonly sessionBefore: PyDict | null;
  /** What the view returned, or `null` when it raised or never ran. */
  readonly viewResult: ViewResult | null;
  /** The session after the view (a deep copy), or `null` when it never ran. */
  readonly sessionAfter: PyDict | null;
  /** The session flags when the view finished (they decide the headers). */
  readonly accessed: boolean;
  readonly modified: boolean;
  readonly permanent: boolean;
  readonly error: RequestError | null;
  /** Werkzeug's warnings, e.g. a cookie above `MAX_COOKIE_SIZE`. */
  readonly warnings: readonly string[];
  /** What Flask decided at each stage, in order. */
  readonly events: readonly TraceEvent[];
}

/** A simulated request, or why it could not be simulated faithfully. */
export type RequestResult =
  | { readonly ok: true; readonly response: Response; readonly trace: RequestTrace }
  | { readonly ok: false; readonly error: SimulatorLimit; readonly message: string };

/**
 * Runs `view` for one request with the given `Cookie` header and clock. The result's
 * `trace.events` hold every stage's decision (`trace.ts`); a {@link LineView} adds one `view`
 * event per executed line.
 */
export async function handleRequest(
  config: FlaskConfig,
  request: RequestInput,
  view: View,
): Promise<RequestResult> {
  const loadZlib = request.loadZlib ?? loadPako;
  const path = request.path ?? '/';
  const events: TraceEvent[] = [
    { stage: 'request', method: 'GET', path, cookieHeader: request.cookieHeader },
    typeof view === 'function'
      ? { stage: 'receive', path, rule: null, routeLine: null, endpoint: null, args: {} }
      : {
          stage: 'receive',
          path,
          rule: view.rule,
          routeLine: view.routeLine,
          endpoint: view.endpoint,
          args: view.args,
        },
  ];
  const opened = await openSession(config, request.cookieHeader, request.now, loadZlib);
  const parts = opened.cookie === null || opened.cookie === '' ? null : cookieParts(opened.cookie);
  if (opened.session === null) {
    const failure = opened.verification.failure;
    if (isSimulatorLimit(failure.error)) return notSimulated(failure.error, failure.message);
    const { pythonClass, pythonMessage, message } = failure;
    const error = { pythonClass, pythonMessage, message };
    const response = respond(500, INTERNAL_SERVER_ERROR_BODY, []);
    events.push(
      {
        stage: 'load',
        cookie: opened.cookie,
        parts,
        outcome: { kind: 'error', failure },
        session: null,
      },
      prepared(response, error),
      {
        stage: 'save',
        outcome: 'not-saved',
        reason: 'load-error',
        session: null,
        flags: { accessed: false, modified: false, permanent: false },
        cookie: null,
        setCookie: null,
        vary: false,
        expires: null,
      },
      {
        stage: 'respond',
        status: response.status,
        headers: response.headers,
        browser: { kind: 'keep' },
      },
    );
    return {
      ok: true,
      response,
      trace: {
        cookie: opened.cookie,
        verification: opened.verification,
        sessionBefore: null,
        viewResult: null,
        sessionAfter: null,
        accessed: false,
        modified: false,
        permanent: false,
        error,
        warnings: [],
        events,
      },
    };
  }

  const session = opened.session;
  const sessionBefore = deepCopy(session.toDict());
  events.push({
    stage: 'load',
    cookie: opened.cookie,
    parts,
    outcome: loadOutcome(opened.verification),
    session: sessionBefore,
  });
  const ran = runView(session, view);
  events.push(...ran.lines);
  let error = ran.error;
  const viewResult = ran.result;
  const flags = {
    accessed: session.accessed,
    modified: session.modified,
    // read without `session.permanent`, which would mark the session accessed
    permanent: pyTruthy(session.toDict()['_permanent'] ?? false),
  };
  const sessionAfter = deepCopy(session.toDict());

  const saved = await saveSession(config, session, request.now, loadZlib);
  if (saved.error?.error === 'ZlibUnavailable') {
    return notSimulated('ZlibUnavailable', saved.error.message);
  }
  if (saved.error !== null && error === null) {
    error = {
      pythonClass: saved.error.error,
      pythonMessage: saved.error.pythonMessage,
      message: `${saved.error.message} Flask answers HTTP 500 and sends no cookie.`,
    };
  }
  const [statusCode, body] =
    error !== null ? ([500, INTERNAL_SERVER_ERROR_BODY] as const) : viewResponse(viewResult);
  const response = respond(statusCode, body, saved.headers);
  const setCookie = saved.headers.find(([name]) => name === 'Set-Cookie')?.[1] ?? null;
  const { decision } = saved;
  events.push(prepared(response, error), {
    stage: 'save',
    outcome: decision.outcome,
    reason: decision.reason,
    session: sessionAfter,
    flags,
    cookie: decision.cookie,
    setCookie,
    vary: saved.headers.some(([name]) => name === 'Vary'),
    expires: decision.expires,
  });
  events.push({
    stage: 'respond',
    status: response.status,
    headers: response.headers,
    browser:
      decision.outcome === 'set' && decision.cookie !== null
        ? { kind: 'store', cookie: decision.cookie, expires: decision.expires }
        : decision.outcome === 'deleted'
          ? { kind: 'delete' }
          : { kind: 'keep' },
  });
  return {
    ok: true,
    response,
    trace: {
      cookie: opened.cookie,
      verification: opened.verification,
      sessionBefore,
      viewResult,
      sessionAfter,
      ...flags,
      error,
      warnings: saved.warnings,
      events,
    },
  };
}

/** The trace's load outcome for a session that opened. */
function loadOutcome(verification: Exclude<Verification, { kind: 'error' }>): LoadOutcome {
  switch (verification.kind) {
    case 'ok':
      return { kind: 'verified', key: verification.key, signedAt: verification.timestamp };
    case 'rejected':
      return { kind: 'rejected', failure: verification.failure };
    default:
      return { kind: verification.kind };
  }
}

/** A cookie's data, timestamp and signature, split at its last two dots. */
export function cookieParts(cookie: string): CookieParts {
  const compressed = cookie.startsWith('.');
  const body = compressed ? cookie.slice(1) : cookie;
  const signatureDot = body.lastIndexOf('.');
  if (signatureDot < 0) return { payload: cookie, timestamp: null, signature: null, compressed };
  const timestampDot = body.lastIndexOf('.', signatureDot - 1);
  const signature = body.slice(signatureDot + 1);
  if (timestampDot < 0) {
    return {
      payload: cookie.slice(0, cookie.length - signature.length - 1),
      timestamp: null,
      signature,
      compressed,
    };
  }
  return {
    payload: (compressed ? '.' : '') + body.slice(0, timestampDot),
    timestamp: body.slice(timestampDot + 1, signatureDot),
    signature,
    compressed,
  };
}

function prepared(response: Response, error: RequestError | null): ResponsePrepared {
  return {
    stage: 'process',
    status: response.status,
    statusCode: response.statusCode,
    body: response.body,
    error,
  };
}

function flagsOf(session: SecureCookieSession): SessionFlags {
  return { accessed: session.accessed, modified: session.modified };
}

/**
 * Runs the view: a {@link LineView} line by line (stopping at the line that returns or raises),
 * a plain function as one step. Each step becomes a `view` event.
 */
function runView(
  session: SecureCookieSession,
  view: View,
): { lines: ViewLineRan[]; result: ViewResult | null; error: RequestError | null } {
  const steps =
    typeof view === 'function'
      ? [{ line: null, python: null, run: view }]
      : view.lines.map(({ line, python, run }) => ({ line, python, run }));
  const lines: ViewLineRan[] = [];
  session.takeAccesses();
  for (const step of steps) {
    const before = deepCopy(session.toDict());
    const flagsBefore = flagsOf(session);
    let result: ViewResult | undefined;
    let error: RequestError | null = null;
    try {
      result = step.run(session);
    } catch (thrown) {
      error = viewError(thrown);
    }
    lines.push({
      stage: 'view',
      line: step.line,
      python: step.python,
      before,
      after: deepCopy(session.toDict()),
      flagsBefore,
      flagsAfter: flagsOf(session),
      accesses: session.takeAccesses(),
      returned: result !== undefined,
      error,
    });
    if (error !== null) return { lines, result: null, error };
    if (result !== undefined) return { lines, result, error: null };
  }
  // Python's implicit `return None`: Flask refuses it (`Flask.make_response`).
  const endpoint = typeof view === 'function' ? 'view' : view.endpoint;
  return {
    lines,
    result: null,
    error: {
      pythonClass: 'TypeError',
      pythonMessage: `The view function for '${endpoint}' did not return a valid response. The function either returned None or ended without a return statement.`,
      message: 'The view ended without returning a response. Flask answers HTTP 500.',
    },
  };
}

function notSimulated(error: SimulatorLimit, message: string): RequestResult {
  return { ok: false, error, message };
}

function viewResponse(result: ViewResult | null): readonly [StatusCode, string] {
  if (result === null) return [500, INTERNAL_SERVER_ERROR_BODY];
  return typeof result === 'string' ? [200, result] : [result.status, result.body];
}

function respond(
  statusCode: StatusCode,
  body: string,
  sessionHeaders: readonly Header[],
): Response {
  return {
    status: STATUS_LINES[statusCode],
    statusCode,
    headers: [
      ['Content-Type', 'text/html; charset=utf-8'],
      ['Content-Length', String(utf8Encode(body).length)],
      ...sessionHeaders,
    ],
    body,
  };
}

function viewError(thrown: unknown): RequestError {
  if (thrown instanceof PythonException) {
    const message =
      thrown.pythonClass === 'RuntimeError' && thrown.pythonMessage === NO_SECRET_KEY_MESSAGE
        ? 'The view tried to change the session, but the app has no secret key, so there is ' +
          'no session to change. Flask answers HTTP 500.'
        : `The view raised ${thrown.pythonClass}: ${thrown.pythonMessage}. Flask answers HTTP 500.`;
    return { pythonClass: thrown.pythonClass, pythonMessage: thrown.pythonMessage, message };
  }
  const text = thrown instanceof Error ? thrown.message : String(thrown);
  return {
    pythonClass: 'Exception',
    pythonMessage: text,
    message: `The view failed (${text}). Flask answers HTTP 500.`,
  };
}
