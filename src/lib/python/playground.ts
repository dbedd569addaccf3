/**
 * The playground's requests answered by real Flask: the same browser (cookie jar, clock) and the
 * same rows and request/response panel as the simulator, filled from what the learner's program
 * did on CPython. Loaded with the Python runtime, never with the page.
 */
import { applySetCookies, cookieHeader } from '../browser/cookie-jar.ts';
import {
  loadSessionCookie,
  type Response,
  type StatusCode,
  type TraceEvent,
} from '../flask/index.ts';
import { HOST } from '../playground/config.ts';
import type { Scenario } from '../playground/scenarios.ts';
import {
  sessionCookie,
  type Exchange,
  type PlaygroundState,
  type Row,
} from '../playground/state.ts';
import { FLASK_VERSION, PYTHON_VERSION } from './assets.ts';
import type { PythonRequest, PythonTraceEvent, RequestOutcome } from './runtime.ts';

/** The request the simulated browser sends for the address bar's path, with its cookies. */
export function pythonRequest(state: PlaygroundState): PythonRequest {
  return {
    method: 'GET',
    path: encodeURI(state.path),
    cookieHeader: cookieHeader(state.jar, state.clock) ?? null,
    now: state.clock,
    trace: true,
  };
}

/** Python's response in the engine's shape, for the panel and for comparing the two. */
export function asResponse(python: {
  status: string;
  headers: readonly (readonly [string, string])[];
  body: string;
}): Response {
  return {
    status: python.status,
    statusCode: Number.parseInt(python.status, 10) as StatusCode,
    headers: python.headers.map(([name, value]) => [name, value] as const),
    body: python.body,
  };
}

/** The lines a view ran, as the action column says it, e.g. `lines 7, 8` or `line 7 → KeyError`. */
export function describeTrace(trace: readonly PythonTraceEvent[]): string {
  const lines = [
    ...new Set(trace.filter((event) => event.event === 'line').map((event) => event.line)),
  ];
  const raised = trace.find((event) => event.event === 'exception');
  if (lines.length === 0) return 'the view did not run';
  const ran = `${lines.length === 1 ? 'line' : 'lines'} ${lines.join(', ')}`;
  return raised === undefined ? `ran ${ran}` : `ran ${ran} → ${raised.exception ?? 'exception'}`;
}

/**
 * Has the simulator verify the session cookie real Flask just set (now in the browser's jar),
 * with the app's key and the simulated clock, and appends what it found to the last row's note.
 * Real Flask signed it, so a refusal would be a simulator bug, and says so.
 */
export async function checkCookieWithSimulator(
  state: PlaygroundState,
  outcome: RequestOutcome,
): Promise<PlaygroundState> {
  const cookie = sessionCookie(state);
  const row = state.rows.at(-1);
  const setCookie = outcome.ok && outcome.response.headers.some(([name]) => name === 'Set-Cookie');
  if (!outcome.ok || !setCookie || outcome.secretKey === null || cookie === undefined || !row) {
    return state;
  }
  const loaded = await loadSessionCookie(cookie, {
    secretKey: outcome.secretKey,
    now: state.clock,
  });
  const sentence = loaded.ok
    ? 'The simulator verified the cookie Flask set with the app’s secret key.'
    : `The simulator could not verify the cookie Flask set (${loaded.error}: ${loaded.message}).`;
  return {
    ...state,
    rows: [...state.rows.slice(0, -1), { ...row, note: `${row.note} ${sentence}` }],
  };
}

/** The differences between two responses (status, each header, body), or none. */
export function responseDifferences(simulated: Response, real: Response): string[] {
  const differences: string[] = [];
  if (simulated.status !== real.status) {
    differences.push(`status: simulator ${simulated.status}, Flask ${real.status}`);
  }
  const count = Math.max(simulated.headers.length, real.headers.length);
  for (let index = 0; index < count; index += 1) {
    const a = simulated.headers[index]?.join(': ') ?? 'nothing';
    const b = real.headers[index]?.join(': ') ?? 'nothing';
    if (a !== b) differences.push(`header ${index + 1}: simulator ${a}, Flask ${b}`);
  }
  if (simulated.body !== real.body) differences.push('the bodies differ');
  return differences;
}

/**
 * The playground after real Flask answered `request`: a new row, the request/response panel
 * (with `trace`, from `pythonTrace`, and the `program` that ran), and the jar updated by the
 * response's Set-Cookie headers. A request that did not run (no app
 * loaded, Python restarted) leaves everything but the notice as it was.
 */
export function applyOutcome(
  state: PlaygroundState,
  scenario: Scenario,
  request: PythonRequest,
  outcome: RequestOutcome,
  trace: readonly TraceEvent[],
  program: string,
): PlaygroundState {
  if (!outcome.ok) return { ...state, notice: outcome.error.message };
  const response = asResponse(outcome.response);
  const setCookies = response.headers
    .filter(([name]) => name === 'Set-Cookie')
    .map(([, value]) => value);
  const sessions = outcome.trace
    .map((event) => event.session)
    .filter((session) => session !== null);
  const first = sessions[0];
  const last = sessions.at(-1);
  const error = outcome.error;
  const tracked = last?.items[scenario.trackedKey];
  const row: Row = {
    visit: state.rows.length + 1,
    label: 'Real Flask',
    request: `GET ${state.path}`,
    before: first?.repr ?? '—',
    action: describeTrace(outcome.trace),
    after: last?.repr ?? '—',
    output: response.statusCode === 200 ? response.body : response.status,
    tracked: tracked ?? (last === undefined ? '—' : 'not set'),
    note: [
      error === null
        ? ''
        : `${error.type}: ${error.message}${error.line === null ? '' : ` (line ${error.line})`}.`,
      setCookies.length > 0 ? 'Flask sent a new cookie.' : 'Flask sent no cookie.',
    ]
      .filter((part) => part !== '')
      .join(' '),
    outcome: response.statusCode >= 500 ? 'failed' : 'ok',
  };
  const exchange: Exchange = {
    request: [
      `GET ${request.path} HTTP/1.1`,
      `Host: ${HOST}`,
      ...(request.cookieHeader === null ? [] : [`Cookie: ${request.cookieHeader}`]),
    ],
    verification: `Real Flask ${FLASK_VERSION} on Python ${PYTHON_VERSION} handled this request with your code.`,
    response,
    exception: error === null ? null : `${error.type}: ${error.message}`,
    warnings: [],
    trace,
    program,
  };
  return {
    ...state,
    jar: applySetCookies(state.jar, setCookies, state.clock),
    rows: [...state.rows, row],
    last: exchange,
    notice: null,
  };
}
