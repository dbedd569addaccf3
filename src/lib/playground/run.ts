import { applySetCookies, cookieHeader } from '../browser/cookie-jar.ts';
import {
  cookieSignatureMatches,
  handleRequest,
  parseSignedCookie,
  pyRepr,
  type RequestTrace,
  type Response,
  type ZlibLoader,
} from '../flask/index.ts';
import { HOST, flaskConfig, type ServerConfig } from './config.ts';
import { SCENARIOS, routeFor } from './scenarios.ts';
import { actionText, trackedValue, viewFor } from './views.ts';
import { rowLabel } from './labels.ts';
import type { Exchange, PlaygroundState, Row } from './state.ts';

/**
 * Sends one request from the simulated browser to the simulated Flask app: the jar's cookies go
 * out, Flask handles the request exactly as the engine models it, and the response's Set-Cookie
 * headers update the jar. Adds a row and replaces the request/response panel. Never throws:
 * when the engine cannot simulate a case, the state carries a notice saying why. `label` names
 * the row (an experiment's name); by default it says what happened (`rowLabel`).
 */
export async function sendRequest(
  state: PlaygroundState,
  options: { loadZlib?: ZlibLoader; label?: string } = {},
): Promise<PlaygroundState> {
  const scenario = SCENARIOS[state.scenario];
  const route = routeFor(scenario, state.path);
  const header = cookieHeader(state.jar, state.clock) ?? null;
  const result = await handleRequest(
    flaskConfig(state.config),
    {
      cookieHeader: header,
      now: state.clock,
      ...(options.loadZlib === undefined ? {} : { loadZlib: options.loadZlib }),
    },
    viewFor(scenario, route, state.config),
  );
  if (!result.ok)
    return { ...state, notice: `This request cannot be simulated: ${result.message}` };

  const { response, trace } = result;
  const setCookies = response.headers
    .filter(([name]) => name === 'Set-Cookie')
    .map(([, value]) => value);
  const visit = state.rows.length + 1;
  const named = rowLabel(trace.verification, state.visits);
  const before = trace.sessionBefore === null ? '—' : pyRepr(trace.sessionBefore);
  const after = trace.sessionAfter === null ? '—' : pyRepr(trace.sessionAfter);
  const row: Row = {
    visit,
    label: options.label ?? named.label,
    request: `GET ${route.path}`,
    before,
    action:
      trace.sessionBefore === null
        ? 'the view did not run'
        : trace.error === null
          ? actionText(scenario, route, trace.sessionAfter)
          : `${actionText(scenario, route, trace.sessionAfter)} → ${trace.error.pythonClass}`,
    after,
    output: response.statusCode === 200 ? response.body : response.status,
    tracked: trackedValue(scenario, trace.sessionAfter),
    note: explain(trace, response, setCookies, state.config),
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

/** Which configured key verified a cookie: the current one, or a fallback. */
function verifyingKey(cookie: string, config: ServerConfig): string {
  const signed = parseSignedCookie(cookie);
  if (signed === null || cookieSignatureMatches(signed, config.secretKey))
    return 'the current SECRET_KEY';
  const fallback = config.fallbacks.find((key) => cookieSignatureMatches(signed, key));
  return fallback === undefined ? 'the current SECRET_KEY' : `the fallback key ${pyRepr(fallback)}`;
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
      return `Signature valid, checked with ${verifyingKey(trace.cookie ?? '', config)}: the session is restored from the cookie.`;
    case 'rejected':
    case 'error':
      return `${verification.failure.error}: ${verification.failure.message}`;
  }
}

/** One or two sentences on why the request ended as it did, for the table's note column. */
export function explain(
  trace: RequestTrace,
  response: Response,
  setCookies: readonly string[],
  config: ServerConfig,
): string {
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
    parts.push(`Cookie accepted, checked with ${verifyingKey(trace.cookie ?? '', config)}.`);
  }
  if (trace.error !== null && verification.kind !== 'error') parts.push(trace.error.message);

  const deletion = setCookies.some((header) => /Max-Age=0/.test(header));
  if (deletion) {
    parts.push('The session is empty now, so Flask told the browser to delete the cookie.');
  } else if (setCookies.length > 0) {
    parts.push(
      trace.permanent
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
