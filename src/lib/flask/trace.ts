/**
 * The request trace: what Flask decided at each of the seven stages of one request, in order, as
 * {@link handleRequest} (`app.ts`) reports it. Callers show these decisions; they never re-derive
 * them (which key verified a cookie, whether a `Set-Cookie` deletes it, …).
 *
 * Shape (stable; other modules build on it):
 *
 * | stage     | event                | what it says                                                       |
 * | --------- | -------------------- | ------------------------------------------------------------------ |
 * | `request` | {@link RequestSent}     | method, path, the `Cookie` header (or `null`)                    |
 * | `receive` | {@link RequestReceived} | the route rule, its line in the app's source, the view's name    |
 * | `load`    | {@link SessionLoaded}   | the cookie's parts; which key verified it or the exact error     |
 * | `view`    | {@link ViewLineRan}     | one event per executed line: session before/after, reads, writes |
 * | `process` | {@link ResponsePrepared}| status and body (Flask's 500 page after an exception)            |
 * | `save`    | {@link SessionSaved}    | cookie set, deleted or not sent, and why                         |
 * | `respond` | {@link ResponseSent}    | the headers as sent and what the browser does with the cookie    |
 *
 * Every request has exactly one event of each stage except `view`, which has one per executed line
 * (none when the view never ran because loading the cookie raised, one with `line: null` for a
 * view given as a plain function).
 */
import type { LoadFailure } from './exceptions.ts';
import type { PyDict } from './python.ts';
import type { SessionAccess } from './sessions.ts';

/** The stages of a request, in order; the session lesson's concept-flow ids. */
export const TRACE_STAGES = [
  'request',
  'receive',
  'load',
  'view',
  'process',
  'save',
  'respond',
] as const;

export type TraceStage = (typeof TRACE_STAGES)[number];

/** A response header, name and value. */
export type Header = readonly [string, string];

/** An exception Flask met while handling the request. */
export interface RequestError {
  /** Python's exception class: `KeyError`, `RuntimeError`, `BadPayload`, `TypeError`, … */
  readonly pythonClass: string;
  readonly pythonMessage: string;
  /** What went wrong, in plain English. */
  readonly message: string;
}

/** 1. The browser sends the request. */
export interface RequestSent {
  readonly stage: 'request';
  readonly method: 'GET';
  /** e.g. `/login/alice`. */
  readonly path: string;
  /** The `Cookie` header exactly as sent, or `null` when the browser sent none. */
  readonly cookieHeader: string | null;
}

/** 2. Flask matches the URL to a view. `null`s when the view was given as a plain function. */
export interface RequestReceived {
  readonly stage: 'receive';
  readonly path: string;
  /** The route's rule, e.g. `/login/<name>`. */
  readonly rule: string | null;
  /** The 1-based line of the `@app.route(...)` decorator in the app's source. */
  readonly routeLine: number | null;
  /** The view function's name (Flask's endpoint). */
  readonly endpoint: string | null;
  /** The URL parts the view receives, e.g. `{ name: 'alice' }`. */
  readonly args: Readonly<Record<string, string>>;
}

/** Which configured key verified a cookie, as itsdangerous decided (newest key tried first). */
export type VerifyingKey =
  | { readonly kind: 'current' }
  /** `SECRET_KEY_FALLBACKS[index]` (0-based, in the config's order). */
  | { readonly kind: 'fallback'; readonly index: number };

/** A cookie split at its dots, as text; `null` parts are missing. */
export interface CookieParts {
  /** The base64 data, with its leading `.` when zlib-compressed. */
  readonly payload: string;
  readonly timestamp: string | null;
  readonly signature: string | null;
  readonly compressed: boolean;
}

/** How `open_session` judged the cookie. */
export type LoadOutcome =
  /** No secret key: Flask ignores any cookie and hands out a `NullSession`. */
  | { readonly kind: 'no-secret-key' }
  /** No cookie, or an empty one: a new, empty session. */
  | { readonly kind: 'no-cookie' }
  /** Verified and loaded; `signedAt` in whole Unix seconds. */
  | { readonly kind: 'verified'; readonly key: VerifyingKey; readonly signedAt: number }
  /** A `BadSignature` or subclass: Flask silently starts a new, empty session. */
  | { readonly kind: 'rejected'; readonly failure: LoadFailure }
  /** Any other exception: Flask answers 500 before the view runs. */
  | { readonly kind: 'error'; readonly failure: LoadFailure };

/** 3. The session as `open_session` made it. */
export interface SessionLoaded {
  readonly stage: 'load';
  /** The session cookie's value from the `Cookie` header, or `null`. */
  readonly cookie: string | null;
  readonly parts: CookieParts | null;
  readonly outcome: LoadOutcome;
  /** The session the view receives (a deep copy), or `null` when loading raised. */
  readonly session: PyDict | null;
}

/** Flask's two session flags (`SessionMixin.accessed`, `SecureCookieSession.modified`). */
export interface SessionFlags {
  readonly accessed: boolean;
  readonly modified: boolean;
}

/** 4. One executed line of the view. */
export interface ViewLineRan {
  readonly stage: 'view';
  /** 1-based line in the app's Python source, or `null` for a view given as a function. */
  readonly line: number | null;
  /** The statement on that line, as the source shows it (trimmed), or `null`. */
  readonly python: string | null;
  /** Deep copies of the session before and after the line. */
  readonly before: PyDict;
  readonly after: PyDict;
  readonly flagsBefore: SessionFlags;
  readonly flagsAfter: SessionFlags;
  /** What the line did to the session, in order. */
  readonly accesses: readonly SessionAccess[];
  /** Whether this line ended the view with `return`. */
  readonly returned: boolean;
  /** The exception this line raised, or `null`. */
  readonly error: RequestError | null;
}

/** 5. The response Flask built from the view's return value (or its 500 page). */
export interface ResponsePrepared {
  readonly stage: 'process';
  readonly status: string;
  readonly statusCode: number;
  readonly body: string;
  /** The exception behind a 500, or `null`. */
  readonly error: RequestError | null;
}

/** What `save_session` did with the cookie. */
export type SaveOutcome =
  /** A new signed cookie in `Set-Cookie`. */
  | 'set'
  /** An emptied, modified session: a `Set-Cookie` that deletes the cookie (`Max-Age=0`). */
  | 'deleted'
  /** Nothing sent: the browser keeps what it has. */
  | 'unchanged'
  /** Never saved: no secret key (`NullSession`), or loading the cookie raised. */
  | 'not-saved'
  /** Serializing raised (HTTP 500, no cookie). */
  | 'failed';

/** Why `save_session` decided as it did. */
export type SaveReason =
  /** `session.modified` was true. */
  | 'modified'
  /** Not modified, but permanent and `SESSION_REFRESH_EACH_REQUEST` is on: re-signed. */
  | 'permanent-refresh'
  /** Not modified; permanent, but `SESSION_REFRESH_EACH_REQUEST` is off. */
  | 'refresh-off'
  /** Not modified and not permanent. */
  | 'not-modified'
  /** Empty and not modified: nothing to store or delete. */
  | 'empty'
  | 'no-secret-key'
  | 'load-error'
  | 'serialize-error';

/** 6. `save_session`'s decision. */
export interface SessionSaved {
  readonly stage: 'save';
  readonly outcome: SaveOutcome;
  readonly reason: SaveReason;
  /** The session as saved (a deep copy), or `null` when the view never ran. */
  readonly session: PyDict | null;
  readonly flags: SessionFlags & { readonly permanent: boolean };
  /** The new cookie value when `outcome` is `set`. */
  readonly cookie: string | null;
  /** The `Set-Cookie` header value, when one was sent. */
  readonly setCookie: string | null;
  /** Whether `Vary: Cookie` was added (the session was accessed). */
  readonly vary: boolean;
  /** When the cookie expires (whole Unix seconds), `null` for a browser-session cookie. */
  readonly expires: number | null;
}

/** What the browser does with its session cookie after this response. */
export type BrowserCookieAction =
  | { readonly kind: 'store'; readonly cookie: string; readonly expires: number | null }
  | { readonly kind: 'delete' }
  | { readonly kind: 'keep' };

/** 7. The response as sent, and its effect on the browser's cookie. */
export interface ResponseSent {
  readonly stage: 'respond';
  readonly status: string;
  readonly headers: readonly Header[];
  readonly browser: BrowserCookieAction;
}

export type TraceEvent =
  | RequestSent
  | RequestReceived
  | SessionLoaded
  | ViewLineRan
  | ResponsePrepared
  | SessionSaved
  | ResponseSent;

/** The event of a stage that has exactly one (every stage but `view`). */
export function stageEvent<S extends Exclude<TraceStage, 'view'>>(
  events: readonly TraceEvent[],
  stage: S,
): Extract<TraceEvent, { stage: S }> {
  const found = events.find((event) => event.stage === stage);
  if (found === undefined) throw new RangeError(`the trace has no ${stage} event`);
  return found as Extract<TraceEvent, { stage: S }>;
}

/** The view's executed lines, in order. */
export function viewLines(events: readonly TraceEvent[]): ViewLineRan[] {
  return events.filter((event): event is ViewLineRan => event.stage === 'view');
}
