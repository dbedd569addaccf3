/**
 * Flask's `SecureCookieSessionInterface`: `openSession` turns the request's cookie into the
 * `session` object and `saveSession` decides which headers the response gets (Flask's
 * `flask/sessions.py`: `SecureCookieSessionInterface.open_session` and `save_session`).
 * Behaviour is Debian's Flask 2.2.2 (= upstream 2.2.5), except `SECRET_KEY_FALLBACKS`, which
 * follows Flask ≥ 3.1.1: sign with `SECRET_KEY`, accept any fallback too.
 */
import { dumpCookie, getCookie, type CookieAttributes } from './cookies.ts';
import { flaskOutcome, type DumpFailure, type LoadFailure } from './exceptions.ts';
import { URLSafeTimedSerializer } from './serializer.ts';
import { NullSession, SecureCookieSession, sessionDataFrom } from './sessions.ts';
import type { SecretKey } from './signer.ts';
import type { Header, SaveOutcome, SaveReason, VerifyingKey } from './trace.ts';
import { loadPako, type ZlibLoader } from './zlib.ts';

/** The `app.config` keys that shape sessions, with Flask's names. */
export interface FlaskConfig {
  /** Falsy (`null`, `''`, empty bytes) means sessions are unavailable (a {@link NullSession}). */
  readonly SECRET_KEY: SecretKey | null;
  /** Older keys still accepted when verifying, oldest first. */
  readonly SECRET_KEY_FALLBACKS?: readonly SecretKey[];
  readonly SESSION_COOKIE_NAME?: string;
  /**
   * Sent as given. Werkzeug 2.2 also requires a dot and drops a port, which is not checked here,
   * and Flask 2.2's fallback to `SERVER_NAME` is not modelled.
   */
  readonly SESSION_COOKIE_DOMAIN?: string | null;
  /** Falls back to `APPLICATION_ROOT`. Plain ASCII paths only (no URL encoding is applied). */
  readonly SESSION_COOKIE_PATH?: string | null;
  readonly APPLICATION_ROOT?: string;
  readonly SESSION_COOKIE_HTTPONLY?: boolean;
  readonly SESSION_COOKIE_SECURE?: boolean;
  readonly SESSION_COOKIE_SAMESITE?: 'Strict' | 'Lax' | 'None' | null;
  /** Seconds. The `Expires` of permanent cookies, and the maximum age of every cookie. */
  readonly PERMANENT_SESSION_LIFETIME?: number;
  readonly SESSION_REFRESH_EACH_REQUEST?: boolean;
  /** `Set-Cookie` values longer than this draw Werkzeug's warning; 0 disables it. */
  readonly MAX_COOKIE_SIZE?: number;
}

type FullConfig = Required<FlaskConfig>;

/** Flask's defaults for everything but the secret key. */
export const DEFAULT_CONFIG: Readonly<Omit<FullConfig, 'SECRET_KEY'>> = {
  SECRET_KEY_FALLBACKS: [],
  SESSION_COOKIE_NAME: 'session',
  SESSION_COOKIE_DOMAIN: null,
  SESSION_COOKIE_PATH: null,
  APPLICATION_ROOT: '/',
  SESSION_COOKIE_HTTPONLY: true,
  SESSION_COOKIE_SECURE: false,
  SESSION_COOKIE_SAMESITE: null,
  PERMANENT_SESSION_LIFETIME: 31 * 24 * 60 * 60,
  SESSION_REFRESH_EACH_REQUEST: true,
  MAX_COOKIE_SIZE: 4093,
};

function withDefaults(config: FlaskConfig): FullConfig {
  return { ...DEFAULT_CONFIG, ...config };
}

function hasSecretKey(key: SecretKey | null): key is SecretKey {
  return key !== null && key.length > 0;
}

/** `get_signing_serializer`: keys `[...fallbacks, SECRET_KEY]`, so the current key signs. */
function signingSerializer(
  config: FullConfig & { readonly SECRET_KEY: SecretKey },
  loadZlib: ZlibLoader,
): URLSafeTimedSerializer {
  const keys = [...config.SECRET_KEY_FALLBACKS, config.SECRET_KEY];
  return new URLSafeTimedSerializer(keys, { loadZlib });
}

/** How the incoming cookie was judged. */
export type Verification =
  | { readonly kind: 'no-secret-key' }
  | { readonly kind: 'no-cookie' }
  | { readonly kind: 'ok'; readonly timestamp: number; readonly key: VerifyingKey }
  /** A `BadSignature` (or subclass): Flask silently starts a new empty session. */
  | { readonly kind: 'rejected'; readonly failure: LoadFailure }
  /** Loading raised something else: Flask answers 500 before the view runs. */
  | { readonly kind: 'error'; readonly failure: LoadFailure };

/** `open_session`: the session a view gets, or none when loading the cookie raised. */
export type OpenedSession =
  | {
      readonly session: SecureCookieSession;
      /** The session cookie's value as Flask read it from the header, or `null`. */
      readonly cookie: string | null;
      readonly verification: Exclude<Verification, { kind: 'error' }>;
    }
  | {
      readonly session: null;
      readonly cookie: string;
      readonly verification: Extract<Verification, { kind: 'error' }>;
    };

/**
 * `open_session` (plus the `NullSession` fallback): no secret key ignores cookies; a missing or
 * empty cookie, or one failing a `BadSignature` check, gives a new empty session; a validly
 * signed cookie whose contents cannot be loaded gives no session at all (HTTP 500).
 */
export async function openSession(
  config: FlaskConfig,
  cookieHeader: string | null,
  now: number,
  loadZlib: ZlibLoader = loadPako,
): Promise<OpenedSession> {
  const full = withDefaults(config);
  const cookie = cookieHeader === null ? null : getCookie(cookieHeader, full.SESSION_COOKIE_NAME);
  const key = full.SECRET_KEY;
  if (!hasSecretKey(key)) {
    return { session: new NullSession(), cookie, verification: { kind: 'no-secret-key' } };
  }
  if (cookie === null || cookie === '') {
    return { session: new SecureCookieSession(), cookie, verification: { kind: 'no-cookie' } };
  }
  const serializer = signingSerializer({ ...full, SECRET_KEY: key }, loadZlib);
  const loaded = await serializer.loads(cookie, { maxAge: full.PERMANENT_SESSION_LIFETIME, now });
  if (!loaded.ok) {
    return flaskOutcome(loaded.error) === 'new-empty-session'
      ? {
          session: new SecureCookieSession(),
          cookie,
          verification: { kind: 'rejected', failure: loaded },
        }
      : { session: null, cookie, verification: { kind: 'error', failure: loaded } };
  }
  const data = sessionDataFrom(loaded.value);
  if (!data.ok) return { session: null, cookie, verification: { kind: 'error', failure: data } };
  // The serializer's keys are `[...fallbacks, SECRET_KEY]`: the last index is the current key.
  const fallbacks = full.SECRET_KEY_FALLBACKS.length;
  const verifiedBy: VerifyingKey =
    loaded.keyIndex === fallbacks
      ? { kind: 'current' }
      : { kind: 'fallback', index: loaded.keyIndex };
  return {
    session: new SecureCookieSession(data.data),
    cookie,
    verification: { kind: 'ok', timestamp: loaded.timestamp, key: verifiedBy },
  };
}

export type { Header };

/** `save_session`'s decision: what it did with the cookie and why. */
export interface SaveDecision {
  readonly outcome: SaveOutcome;
  readonly reason: SaveReason;
  /** The signed cookie value when `outcome` is `set`. */
  readonly cookie: string | null;
  /** The cookie's `Expires`, whole Unix seconds; `null` for a browser-session cookie. */
  readonly expires: number | null;
  /** The session's permanence as `save_session` read it. */
  readonly permanent: boolean;
}

/** What `save_session` adds to the response; `error` when serializing raised (HTTP 500). */
export interface SavedSession {
  readonly headers: readonly Header[];
  readonly warnings: readonly string[];
  readonly error: DumpFailure | null;
  readonly decision: SaveDecision;
}

/**
 * `save_session`, in Flask's order: `Vary: Cookie` if the session was accessed; an empty
 * session only produces a deletion (if modified); otherwise a cookie is written if the session
 * was modified, or is permanent and `SESSION_REFRESH_EACH_REQUEST` holds. Permanent cookies
 * get `Expires = now + PERMANENT_SESSION_LIFETIME`. A {@link NullSession} is never saved.
 */
export async function saveSession(
  config: FlaskConfig,
  session: SecureCookieSession,
  now: number,
  loadZlib: ZlibLoader = loadPako,
): Promise<SavedSession> {
  const full = withDefaults(config);
  const key = full.SECRET_KEY;
  const headers: Header[] = [];
  const warnings: string[] = [];
  let permanent = false;
  const saved = (
    outcome: SaveOutcome,
    reason: SaveReason,
    cookie: string | null = null,
    expires: number | null = null,
    error: DumpFailure | null = null,
  ): SavedSession => ({
    headers,
    warnings,
    error,
    decision: { outcome, reason, cookie, expires, permanent },
  });
  if (session instanceof NullSession || !hasSecretKey(key)) {
    return saved('not-saved', 'no-secret-key');
  }
  const addVary = () => {
    if (!headers.some(([name]) => name === 'Vary')) headers.push(['Vary', 'Cookie']);
  };
  const setCookie = (value: string, attributes: CookieAttributes) => {
    const dumped = dumpCookie(full.SESSION_COOKIE_NAME, value, attributes, full.MAX_COOKIE_SIZE);
    headers.push(['Set-Cookie', dumped.header]);
    if (dumped.warning !== null) warnings.push(dumped.warning);
  };
  const common = {
    domain: full.SESSION_COOKIE_DOMAIN,
    secure: full.SESSION_COOKIE_SECURE,
    httpOnly: full.SESSION_COOKIE_HTTPONLY,
    path: full.SESSION_COOKIE_PATH ?? full.APPLICATION_ROOT,
    sameSite: full.SESSION_COOKIE_SAMESITE,
  };

  if (session.accessed) addVary();
  if (session.len() === 0) {
    if (session.modified) {
      setCookie('', { ...common, expires: new Date(0), maxAge: 0 });
      addVary();
      return saved('deleted', 'modified');
    }
    return saved('unchanged', 'empty');
  }
  // Reading `permanent` goes through `get`, which marks the session accessed, as in Flask
  // (`should_set_cookie` reads it only when the session was not modified).
  const modified = session.modified;
  if (!modified) {
    permanent = session.permanent;
    if (!permanent) return saved('unchanged', 'not-modified');
    if (!full.SESSION_REFRESH_EACH_REQUEST) return saved('unchanged', 'refresh-off');
  }
  permanent = session.permanent;
  const expiresAt = permanent ? now + full.PERMANENT_SESSION_LIFETIME : null;
  const serializer = signingSerializer({ ...full, SECRET_KEY: key }, loadZlib);
  const dumped = await serializer.dumps(session.toDict(), now);
  const reason = modified ? 'modified' : 'permanent-refresh';
  if (!dumped.ok) return saved('failed', 'serialize-error', null, null, dumped);
  const expires = expiresAt === null ? null : new Date(expiresAt * 1000);
  setCookie(dumped.cookie, { ...common, expires, maxAge: null });
  addVary();
  return saved('set', reason, dumped.cookie, expiresAt);
}
