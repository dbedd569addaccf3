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
import { loadPako, type ZlibLoader } from './zlib.ts';

/** Status codes a view may return, with Werkzeug's reason phrases. */
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

/** A view function: reads and writes the session like Python code would, returns the body. */
export type View = (session: SecureCookieSession) => ViewResult;

/** The body of Flask's default 500 page. */
export const INTERNAL_SERVER_ERROR_BODY =
  '<!doctype html>\n<html lang=en>\n<title>500 Internal Server Error</title>\n' +
  '<h1>Internal Server Error</h1>\n<p>The server encountered an internal error and was unable ' +
  'to complete your request. Either the server is overloaded or there is an error in the ' +
  'application.</p>\n';

export interface RequestInput {
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

/** An exception Flask met while handling the request. */
export interface RequestError {
  /** Python's exception class: `KeyError`, `RuntimeError`, `BadPayload`, `TypeError`, … */
  readonly pythonClass: string;
  readonly pythonMessage: string;
  /** What went wrong, in plain English. */
  readonly message: string;
}

/** Each step of the request, for showing learners what happened. */
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
}

/** A simulated request, or why it could not be simulated faithfully. */
export type RequestResult =
  | { readonly ok: true; readonly response: Response; readonly trace: RequestTrace }
  | { readonly ok: false; readonly error: SimulatorLimit; readonly message: string };

/** Runs `view` for one request with the given `Cookie` header and clock. */
export async function handleRequest(
  config: FlaskConfig,
  request: RequestInput,
  view: View,
): Promise<RequestResult> {
  const loadZlib = request.loadZlib ?? loadPako;
  const opened = await openSession(config, request.cookieHeader, request.now, loadZlib);
  if (opened.session === null) {
    const failure = opened.verification.failure;
    if (isSimulatorLimit(failure.error)) return notSimulated(failure.error, failure.message);
    const { pythonClass, pythonMessage, message } = failure;
    return {
      ok: true,
      response: respond(500, INTERNAL_SERVER_ERROR_BODY, []),
      trace: {
        cookie: opened.cookie,
        verification: opened.verification,
        sessionBefore: null,
        viewResult: null,
        sessionAfter: null,
        accessed: false,
        modified: false,
        permanent: false,
        error: { pythonClass, pythonMessage, message },
        warnings: [],
      },
    };
  }

  const session = opened.session;
  const sessionBefore = deepCopy(session.toDict());
  let viewResult: ViewResult | null = null;
  let error: RequestError | null = null;
  try {
    viewResult = view(session);
  } catch (thrown) {
    error = viewError(thrown);
  }
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
  return {
    ok: true,
    response: respond(statusCode, body, saved.headers),
    trace: {
      cookie: opened.cookie,
      verification: opened.verification,
      sessionBefore,
      viewResult,
      sessionAfter,
      ...flags,
      error,
      warnings: saved.warnings,
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
