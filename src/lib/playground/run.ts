import { applySetCookies, cookieHeader } from '../browser/cookie-jar.ts';
import {
  pyRepr,
  stageEvent,
  type RequestTrace,
  type Response,
  type VerifyingKey,
  type ZlibLoader,
} from '../flask/index.ts';
import { visitCells } from '../lesson-apps/describe.ts';
import { buildProgram } from '../lesson-apps/layout.ts';
import { visit } from '../lesson-apps/visit.ts';
import { HOST, appSettings, type ServerConfig } from './config.ts';
import { SCENARIOS, routeFor } from './scenarios.ts';
import { rowLabel } from './labels.ts';
import type { Exchange, PlaygroundState, Row } from './state.ts';

/**
 * Sends one request from the simulated browser to the simulated Flask app: the jar's cookies go
 * out, Flask handles the request exactly as the engine models it (`visit`), and the response's
 * Set-Cookie headers update the jar. Adds a row and replaces the request/response panel, whose
 * `trace` holds every stage's decision. Never throws: when the engine cannot simulate a case, the
 * state carries a notice saying why. `label` names the row (an experiment's name); by default it
 * says what happened (`rowLabel`).
 */
export async function sendRequest(
  state: PlaygroundState,
  options: { loadZlib?: ZlibLoader; label?: string } = {},
): Promise<PlaygroundState> {
  const scenario = SCENARIOS[state.scenario];
  const route = routeFor(scenario, state.path);
  const header = cookieHeader(state.jar, state.clock) ?? null;
  const program = buildProgram(scenario.app, appSettings(state.config), scenario.python);
  const result = await visit(program, {
    path: route.path,
    cookieHeader: header,
    now: state.clock,
    ...(options.loadZlib === undefined ? {} : { loadZlib: options.loadZlib }),
  });
  if (!result.ok)
    return { ...state, notice: `This request cannot be simulated: ${result.message}` };

  const { response, trace } = result;
  const setCookies = response.headers
    .filter(([name]) => name === 'Set-Cookie')
    .map(([, value]) => value);
  const visitNumber = state.rows.length + 1;
  const named = rowLabel(trace.verification, state.visits);
  const row: Row = {
    visit: visitNumber,
    label: options.label ?? named.label,
    request: `GET ${route.path}`,
    ...visitCells(scenario.app, result),
    note: explain(trace, response, state.config),
    outcome:
      response.statusCode >= 500
        ? 'failed'
        : trace.verification.kind === 'rejected'
          ? 'rejected'
          : 'ok',
  };
  const exchange: Exchange = {
    request: [
      `GET ${route.path} HTTP/1.1`,
      `Host: ${HOST}`,
      ...(header === null ? [] : [`Cookie: ${header}`]),
    ],
    verification: verificationText(trace, state.config),
    response,
    exception:
      trace.error === null ? null : `${trace.error.pythonClass}: ${trace.error.pythonMessage}`,
    warnings: trace.warnings,
    trace: trace.events,
    program: result.program.source,
  };
  return {
    ...state,
    jar: applySetCookies(state.jar, setCookies, state.clock),
    rows: [...state.rows, row],
    visits: named.visits,
    last: exchange,
    notice: null,
  };
}

/** The key that verified a cookie, as Flask decided, in words. */
function keyName(key: VerifyingKey, config: ServerConfig): string {
  if (key.kind === 'current') return 'the current SECRET_KEY';
  const fallback = config.fallbacks[key.index];
  return `the fallback key ${fallback === undefined ? `#${key.index + 1}` : pyRepr(fallback)}`;
}

/** How Flask judged the request's session cookie. */
export function verificationText(trace: RequestTrace, config: ServerConfig): string {
  const verification = trace.verification;
  switch (verification.kind) {
    case 'no-secret-key':
      return trace.cookie === null
        ? 'No secret key is set: Flask uses a stand-in session that is always empty and cannot be written.'
        : 'No secret key is set: Flask ignores the cookie and uses a stand-in session that is always empty and cannot be written.';
    case 'no-cookie':
      return 'No session cookie was sent: the view starts with a new, empty session.';
    case 'ok':
      return `Signature valid, checked with ${keyName(verification.key, config)}: the session is restored from the cookie.`;
    case 'rejected':
    case 'error':
      return `${verification.failure.error}: ${verification.failure.message}`;
  }
}

/** One or two sentences on why the request ended as it did, for the table's note column. */
export function explain(trace: RequestTrace, response: Response, config: ServerConfig): string {
  const parts: string[] = [];
  const verification = trace.verification;
  if (verification.kind === 'rejected') {
    parts.push(
      `Cookie rejected (${verification.failure.error}); Flask started a new, empty session.`,
    );
  } else if (verification.kind === 'error') {
    parts.push(`${verification.failure.error}: ${verification.failure.message}`);
  } else if (verification.kind === 'no-cookie') {
    parts.push('No cookie yet, so the session started empty.');
  } else if (verification.kind === 'ok' && config.fallbacks.length > 0) {
    parts.push(`Cookie accepted, checked with ${keyName(verification.key, config)}.`);
  }
  if (trace.error !== null && verification.kind !== 'error') parts.push(trace.error.message);

  const saved = stageEvent(trace.events, 'save');
  if (saved.outcome === 'deleted') {
    parts.push('The session is empty now, so Flask told the browser to delete the cookie.');
  } else if (saved.outcome === 'set') {
    parts.push(
      saved.flags.permanent
        ? 'Permanent session: Flask re-signed it with a new Expires date.'
        : 'Flask signed the changed session into a new cookie.',
    );
  } else if (
    response.statusCode === 200 &&
    trace.sessionBefore !== null &&
    trace.sessionAfter !== null
  ) {
    const changed = pyRepr(trace.sessionBefore) !== pyRepr(trace.sessionAfter);
    parts.push(
      changed && !trace.modified
        ? 'The list inside the session changed in place, so session.modified stayed False and Flask sent no cookie: the browser keeps the old data.'
        : 'The session did not change, so Flask sent no cookie.',
    );
  }
  return parts.join(' ');
}
