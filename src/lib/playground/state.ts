import type { CookieJar } from '../browser/cookie-jar.ts';
import { closeBrowser, dropExpired } from '../browser/expiry.ts';
import type { Response, TraceEvent } from '../flask/index.ts';
import { LESSON_CONFIG, type ServerConfig } from './config.ts';
import { SCENARIOS, type ScenarioId } from './scenarios.ts';

/** One request in the playground's execution table, in the lesson table's columns. */
export interface Row {
  /** 1-based position in the table: the row's identity, never shown as its name. */
  readonly visit: number;
  /** What happened, e.g. "New visitor", "Second visit", "Visit with tampered cookie" (`labels.ts`). */
  readonly label: string;
  /** e.g. `GET /login/alice`. */
  readonly request: string;
  /** The session as the view received it, as Python prints it ("—" when the view never ran). */
  readonly before: string;
  readonly action: string;
  readonly after: string;
  /** The response body, or the status line when the request failed. */
  readonly output: string;
  /** The tracked session key after the request (the variable tracker). */
  readonly tracked: string;
  /** Why the request went the way it did, in one or two sentences. */
  readonly note: string;
  readonly outcome: 'ok' | 'rejected' | 'failed';
}

/** The last request and response in full, for the request/response panel. */
export interface Exchange {
  /** The request line and headers the browser sent. */
  readonly request: readonly string[];
  /** How Flask judged the incoming cookie, in plain words. */
  readonly verification: string;
  readonly response: Response;
  /** Flask's exception, when there was one: class and Python's message. */
  readonly exception: string | null;
  readonly warnings: readonly string[];
  /** What Flask decided at each stage of this request (`src/lib/flask/trace.ts`). */
  readonly trace: readonly TraceEvent[];
  /** The app's Python as run; the trace's line numbers refer to this text. */
  readonly program: string;
}

/** Everything the playground shows. Immutable: every action returns a new state. */
export interface PlaygroundState {
  readonly scenario: ScenarioId;
  readonly config: ServerConfig;
  /** The address bar's path. */
  readonly path: string;
  readonly jar: CookieJar;
  /** The simulated clock shared by browser and server, whole Unix seconds. */
  readonly clock: number;
  readonly rows: readonly Row[];
  /** How many requests the browser's current visitor has made (for "Second visit", …). */
  readonly visits: number;
  readonly last: Exchange | null;
  /** A sentence about the last thing done that was not a request (tamper, key change, clock). */
  readonly notice: string | null;
}

/** A fresh playground: the lesson's counter app, no cookies, the clock at `now`. */
export function initialState(now: number): PlaygroundState {
  return {
    scenario: 'counter',
    config: LESSON_CONFIG,
    path: '/',
    jar: [],
    clock: now,
    rows: [],
    visits: 0,
    last: null,
    notice: null,
  };
}

export function selectScenario(state: PlaygroundState, scenario: ScenarioId): PlaygroundState {
  const path = SCENARIOS[scenario].routes[0]?.path ?? '/';
  return { ...state, scenario, path, notice: null };
}

export function setPath(state: PlaygroundState, path: string): PlaygroundState {
  return { ...state, path };
}

export function updateConfig(
  state: PlaygroundState,
  change: Partial<ServerConfig>,
): PlaygroundState {
  return { ...state, config: { ...state.config, ...change }, notice: null };
}

/** Moves the shared clock on; cookies whose Expires has passed disappear from the jar. */
export function advanceClock(state: PlaygroundState, seconds: number): PlaygroundState {
  const clock = state.clock + seconds;
  const jar = dropExpired(state.jar, clock);
  const dropped = state.jar.length - jar.length;
  const notice =
    dropped > 0
      ? `The browser deleted ${dropped === 1 ? 'a cookie whose' : `${dropped} cookies whose`} Expires time passed.`
      : null;
  return { ...state, clock, jar, notice };
}

/** A new visitor: the browser forgets every cookie. */
export function clearCookies(state: PlaygroundState): PlaygroundState {
  return {
    ...state,
    jar: [],
    notice: 'The browser forgot its cookies: the next request is a new visitor.',
  };
}

/** Closing the browser keeps only cookies with an Expires time (permanent sessions). */
export function restartBrowser(state: PlaygroundState): PlaygroundState {
  const jar = closeBrowser(state.jar);
  const notice =
    jar.length === state.jar.length
      ? 'The browser restarted and kept its cookies: they all have an Expires time.'
      : 'The browser restarted and dropped its session cookies (those without an Expires time).';
  return { ...state, jar, notice };
}

/** The browser's session cookie value, if it has one. */
export function sessionCookie(state: PlaygroundState): string | undefined {
  return state.jar.find((cookie) => cookie.name === 'session')?.value;
}

export function clearRows(state: PlaygroundState): PlaygroundState {
  return { ...state, rows: [], last: null, notice: null };
}

/** The lesson's set-up again: the counter app, its settings, no cookies, no rows, clock at `now`. */
export function resetPlayground(now: number): PlaygroundState {
  return { ...initialState(now), notice: 'The playground is back to the lesson’s set-up.' };
}

/** The sentence a screen reader hears after a request, e.g. "Third visit, GET /: Count: 3. …". */
export function announceRow(row: Row): string {
  return `${row.label}, ${row.request}: ${row.output}. ${row.note}`;
}
