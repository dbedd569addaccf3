/**
 * The learner's Flask app on real CPython: Pyodide with Debian's Flask 2.2.2 unpacked into its
 * `site-packages`, driven through `runner.py` (imported as `lesson_runner`). Works the same in a
 * Web Worker and in Node; whoever boots Pyodide passes it in.
 *
 * Every call returns a value; nothing the learner's program does throws here. Strings in results
 * (bodies, tracebacks, output) come from untrusted code: render them as text.
 */
import type { PyodideInterface } from 'pyodide';
import runnerSource from './runner.py?raw';
import type { SecretKey, SessionAccess } from '../flask/index.ts';

/** A request as the playground's browser sends it. `now` is the simulated clock, Unix seconds. */
export interface PythonRequest {
  readonly method: string;
  /** Path and query, percent-encoded as on the wire, e.g. `/login/zo%C3%AB`. */
  readonly path: string;
  /** The `Cookie` header's value, or null when the browser sends none. */
  readonly cookieHeader: string | null;
  readonly now: number;
  /** Record the line trace of the view (costs time: off for plain runs). */
  readonly trace?: boolean;
}

/** An exception from the learner's program, as Python reports it. */
export interface PythonError {
  /** The exception class name (`KeyError`, `SyntaxError`, …), or `NoApp`. */
  readonly type: string;
  readonly message: string;
  /** Line of the learner's file where it happened (innermost), or null. */
  readonly line: number | null;
  /** Python's traceback text, limited to frames of the learner's file (`app.py`). */
  readonly traceback: string;
}

/** The session as the view saw it at a trace event. */
export interface TracedSession {
  /** `dict.__repr__` of the session, e.g. `{'count': 1}`. */
  readonly repr: string;
  readonly accessed: boolean;
  readonly modified: boolean;
  readonly permanent: boolean;
  /** `repr()` of each value by key, e.g. `{ count: '1' }`. */
  readonly items: Readonly<Record<string, string>>;
  /** Flask's tagged JSON of the session (`session_interface.serializer`), or null if unstorable. */
  readonly tagged: string | null;
}

/** One `sys.settrace` event in a view of the learner's file. */
export interface PythonTraceEvent {
  /** `line`: about to run `line`; `return`: the view returned; `exception`: `line` raised. */
  readonly event: 'line' | 'return' | 'exception';
  readonly line: number;
  /** The Python function (the view) the event is in. */
  readonly function: string;
  /** The exception class, for `exception` events. */
  readonly exception?: string;
  /** The session at that moment (before the line runs), or null outside a request. */
  readonly session: TracedSession | null;
  /**
   * What a `line` event's line did to the session, in order: Flask's session methods the learner's
   * code called (`get`, `__getitem__`, `__setitem__`, …), as the engine's trace names them.
   */
  readonly accesses: readonly SessionAccess[];
}

/** The route Flask matched for a traced request (`request.url_rule`, `request.view_args`). */
export interface PythonRoute {
  /** The rule, e.g. `/login/<name>`, or null when no route matched (a 404). */
  readonly rule: string | null;
  /** The line of the view's `@app.route(...)` decorator in the learner's file, or null. */
  readonly routeLine: number | null;
  /** Flask's endpoint (the view function's name unless given), or null. */
  readonly endpoint: string | null;
  /** The URL arguments as text, e.g. `{ name: 'alice' }`. */
  readonly args: Readonly<Record<string, string>>;
}

/** Status line, headers in order and body, exactly as Flask's `wsgi_app` returned them. */
export interface PythonResponse {
  readonly status: string;
  readonly headers: readonly (readonly [string, string])[];
  readonly body: string;
}

export type LoadOutcome =
  | { readonly ok: true; readonly output: string }
  | { readonly ok: false; readonly error: PythonError; readonly output: string };

export type RequestOutcome =
  | {
      readonly ok: true;
      readonly response: PythonResponse;
      /** The exception behind an HTTP 500, or null. */
      readonly error: PythonError | null;
      /** The app's `secret_key`, text or bytes (to verify its cookies); null when unset. */
      readonly secretKey: SecretKey | null;
      /** What the program printed or logged during the request (Flask logs a 500's traceback). */
      readonly output: string;
      readonly trace: readonly PythonTraceEvent[];
      /** Trace events beyond the recorded limit, not kept. */
      readonly traceDropped: number;
      /** The route Flask matched, for a traced request that started; else null. */
      readonly route: PythonRoute | null;
    }
  | { readonly ok: false; readonly error: PythonError; readonly output: string };

/** Where `site-packages` is in Pyodide 0.25's file system (Python 3.11). */
const SITE_PACKAGES = '/lib/python3.11/site-packages';

/** A loaded Pyodide with Flask unpacked and the runner imported. */
export interface FlaskRuntime {
  /** Compiles and runs the program (the watchdog applies), then finds its Flask app. */
  loadApp(source: string): LoadOutcome;
  /**
   * `app.config.update(config)` on the loaded app, for the playground's experiments: JSON values
   * only (a secret key is text or null, a lifetime is seconds).
   */
  configure(
    config: Readonly<Record<string, unknown>>,
  ): { ok: true } | { ok: false; error: PythonError };
  /** One request through the loaded app's test client. */
  request(request: PythonRequest): RequestOutcome;
}

/**
 * Unpacks the vendored Flask zip (`FLASK_ZIP` in `assets.ts`, precompiled) into Pyodide and imports the
 * runner. Throws only if that fails (a broken download), never because of learner code.
 */
export function startFlaskRuntime(pyodide: PyodideInterface, flaskZip: Uint8Array): FlaskRuntime {
  pyodide.unpackArchive(flaskZip, 'zip', { extractDir: SITE_PACKAGES });
  pyodide.FS.writeFile(`${SITE_PACKAGES}/lesson_runner.py`, runnerSource);
  const runner = pyodide.pyimport('lesson_runner') as unknown as {
    load_app(source: string): string;
    configure(json: string): string;
    request(json: string): string;
  };
  return {
    loadApp: (source) => JSON.parse(runner.load_app(source)) as LoadOutcome,
    configure: (config) =>
      JSON.parse(runner.configure(JSON.stringify(config))) as
        { ok: true } | { ok: false; error: PythonError },
    request: (request) => {
      const raw = JSON.parse(
        runner.request(
          JSON.stringify({
            method: request.method,
            path: request.path,
            cookie_header: request.cookieHeader,
            now: request.now,
            trace: request.trace ?? false,
          }),
        ),
      ) as RawRequestOutcome;
      if (!raw.ok) return raw;
      return {
        ok: true,
        response: raw.response,
        error: raw.error,
        secretKey:
          raw.secret_key === null || typeof raw.secret_key === 'string'
            ? raw.secret_key
            : new Uint8Array(raw.secret_key.bytes),
        output: raw.output,
        trace: raw.trace,
        traceDropped: raw.trace_dropped,
        route:
          raw.route === null
            ? null
            : {
                rule: raw.route.rule,
                routeLine: raw.route.route_line,
                endpoint: raw.route.endpoint,
                args: raw.route.args,
              },
      };
    },
  };
}

type RawRequestOutcome =
  | {
      ok: true;
      response: PythonResponse;
      error: PythonError | null;
      secret_key: string | { bytes: number[] } | null;
      output: string;
      trace: PythonTraceEvent[];
      trace_dropped: number;
      route: {
        rule: string | null;
        route_line: number | null;
        endpoint: string | null;
        args: Record<string, string>;
      } | null;
    }
  | { ok: false; error: PythonError; output: string };
