/**
 * A byte-exact TypeScript model of Flask's default session: signed cookies made and checked the
 * way itsdangerous and Flask do it, and whole requests through a view. Nothing here throws or
 * rejects for hostile cookies: every outcome is a value with a kind and a sentence.
 *
 * `handleRequest` also returns the request's trace (`trace.events`): one event per stage —
 * request, receive, load, view (one per executed line), process, save, respond — saying what
 * Flask decided (which key verified the cookie, which line raised, why a cookie was set, deleted
 * or not sent). `trace.ts` documents the shape.
 */
import { dumpFailure, type DumpFailure, type LoadFailure } from './exceptions.ts';
import type { PyDict } from './python.ts';
import { URLSafeTimedSerializer } from './serializer.ts';
import { DEFAULT_CONFIG } from './session-interface.ts';
import { sessionDataFrom } from './sessions.ts';
import type { SecretKey } from './signer.ts';
import type { ZlibLoader } from './zlib.ts';

export interface DumpOptions {
  readonly secretKey: SecretKey;
  /** Signing time, whole Unix seconds (≥ 0). */
  readonly timestamp: number;
  readonly loadZlib?: ZlibLoader;
}

/**
 * The cookie value Flask would send for `session` signed at `timestamp`, or the error Flask
 * would raise while saving it (e.g. a value JSON cannot hold).
 */
export async function dumpSessionCookie(
  session: PyDict,
  options: DumpOptions,
): Promise<{ ok: true; cookie: string } | DumpFailure> {
  if (!Number.isSafeInteger(options.timestamp) || options.timestamp < 0) {
    return dumpFailure(
      'ValueError',
      'argument out of range',
      'The timestamp must be a whole number of seconds, 0 or more.',
    );
  }
  const serializer = new URLSafeTimedSerializer(options.secretKey, optionalLoader(options));
  return serializer.dumps(session, options.timestamp);
}

export interface LoadOptions {
  readonly secretKey: SecretKey;
  /** Older keys also accepted (Flask ≥ 3.1.1's `SECRET_KEY_FALLBACKS`), oldest first. */
  readonly secretKeyFallbacks?: readonly SecretKey[];
  /** Maximum age in seconds; Flask uses `PERMANENT_SESSION_LIFETIME`, 31 days by default. */
  readonly maxAge?: number;
  /** The server clock, whole Unix seconds. */
  readonly now: number;
  readonly loadZlib?: ZlibLoader;
}

/**
 * The session inside `cookie` and when it was signed, after every check Flask makes, or the
 * itsdangerous exception class Flask would meet (`error`) with Python's message.
 */
export async function loadSessionCookie(
  cookie: string,
  options: LoadOptions,
): Promise<{ ok: true; session: PyDict; timestamp: number } | LoadFailure> {
  const keys = [...(options.secretKeyFallbacks ?? []), options.secretKey];
  const serializer = new URLSafeTimedSerializer(keys, optionalLoader(options));
  const maxAge = options.maxAge ?? DEFAULT_CONFIG.PERMANENT_SESSION_LIFETIME;
  const loaded = await serializer.loads(cookie, { maxAge, now: options.now });
  if (!loaded.ok) return loaded;
  const data = sessionDataFrom(loaded.value);
  return data.ok ? { ok: true, session: data.data, timestamp: loaded.timestamp } : data;
}

function optionalLoader(options: { readonly loadZlib?: ZlibLoader }) {
  return options.loadZlib === undefined ? {} : { loadZlib: options.loadZlib };
}

export { cookieParts, handleRequest, INTERNAL_SERVER_ERROR_BODY } from './app.ts';
export type {
  LineView,
  RequestError,
  RequestInput,
  RequestResult,
  RequestTrace,
  Response,
  StatusCode,
  View,
  ViewFunction,
  ViewLine,
  ViewResult,
} from './app.ts';
export { TRACE_STAGES, stageEvent, viewLines } from './trace.ts';
export type {
  BrowserCookieAction,
  CookieParts,
  LoadOutcome,
  RequestReceived,
  RequestSent,
  ResponsePrepared,
  ResponseSent,
  SaveOutcome,
  SaveReason,
  SessionFlags,
  SessionLoaded,
  SessionSaved,
  TraceEvent,
  TraceStage,
  VerifyingKey,
  ViewLineRan,
} from './trace.ts';
export { cookieSignatureMatches, decodeSessionCookie, parseSignedCookie } from './decode.ts';
export type { DecodedCookie, DecodeErrorKind, DecodeFailure, SignedCookie } from './decode.ts';
export { flaskOutcome, isSimulatorLimit } from './exceptions.ts';
export type {
  DumpErrorKind,
  DumpFailure,
  EngineError,
  FlaskOutcome,
  ItsdangerousError,
  LoadErrorKind,
  LoadFailure,
  SimulatorLimit,
} from './exceptions.ts';
export {
  Markup,
  PyFloat,
  PyTuple,
  PyUUID,
  deepCopy,
  floatValue,
  intValue,
  newDict,
  pyTruthy,
  pyTypeName,
} from './python.ts';
export type { PyDict, PyValue } from './python.ts';
export { pyRepr, pyStr } from './repr.ts';
export { URLSafeTimedSerializer } from './serializer.ts';
export { DEFAULT_CONFIG, openSession, saveSession } from './session-interface.ts';
export type {
  FlaskConfig,
  Header,
  OpenedSession,
  SaveDecision,
  SavedSession,
  Verification,
} from './session-interface.ts';
export {
  NO_SECRET_KEY_MESSAGE,
  NullSession,
  PythonException,
  SecureCookieSession,
} from './sessions.ts';
export type { PythonExceptionClass, SessionAccess } from './sessions.ts';
export { SESSION_SALT, Signer, deriveKey } from './signer.ts';
export type { SecretKey } from './signer.ts';
export { TimestampSigner } from './timed.ts';
export { MAX_DECOMPRESSED_BYTES } from './zlib.ts';
export type { ZlibLoader } from './zlib.ts';
