/**
 * Python's answer in the engine's request-trace shape (`src/lib/flask/trace.ts`), so the
 * playground shows a real-Flask request stage by stage like a simulated one. The `view` events
 * come from the `sys.settrace` line events of the learner's view; the session values are Flask's
 * own tagged JSON read back by the engine, each line's session reads and writes from the runner's
 * session classes, and the `receive` stage from the route Flask matched. `save`'s reason is
 * inferred from the flags and the `Set-Cookie` Flask sent.
 */
import {
  cookieParts,
  loadSessionCookie,
  type PyDict,
  type RequestError,
  type SaveOutcome,
  type SaveReason,
  type TraceEvent,
  type ViewLineRan,
} from '../flask/index.ts';
import { parseSetCookie } from '../browser/set-cookie.ts';
import { getCookie } from '../flask/cookies.ts';
import { isDict, newDict } from '../flask/python.ts';
import { loadsTagged } from '../flask/tag.ts';
import type { PythonError, PythonRequest, RequestOutcome, TracedSession } from './runtime.ts';

/** The session Flask would store, as the engine reads it; empty when Flask could not store it. */
function dictOf(session: TracedSession | null | undefined): PyDict {
  if (session?.tagged == null) return newDict();
  const read = loadsTagged(session.tagged);
  return read.ok && isDict(read.value) ? read.value : newDict();
}

function requestError(error: PythonError | null): RequestError | null {
  return error === null
    ? null
    : {
        pythonClass: error.type,
        pythonMessage: error.message,
        message: `${error.type}: ${error.message}`,
      };
}

/** The request's trace events, in stage order. Needs the simulated clock to judge the cookie. */
export async function pythonTrace(
  request: PythonRequest,
  outcome: Extract<RequestOutcome, { ok: true }>,
  source: string,
): Promise<TraceEvent[]> {
  const lines = source.split('\n');
  const cookie = request.cookieHeader === null ? null : getCookie(request.cookieHeader, 'session');
  const loaded =
    cookie === null || outcome.secretKey === null
      ? null
      : await loadSessionCookie(cookie, { secretKey: outcome.secretKey, now: request.now });
  const pyEvents = outcome.trace;
  const first = pyEvents[0]?.session ?? null;
  const last = pyEvents.at(-1)?.session ?? null;
  const view: ViewLineRan[] = [];
  pyEvents.forEach((event, index) => {
    if (event.event !== 'line') return;
    const next = pyEvents[index + 1];
    const raised = next?.event === 'exception';
    view.push({
      stage: 'view',
      line: event.line,
      python: lines[event.line - 1]?.trim() ?? null,
      before: dictOf(event.session),
      after: dictOf(next?.session ?? event.session),
      flagsBefore: {
        accessed: event.session?.accessed ?? false,
        modified: event.session?.modified ?? false,
      },
      flagsAfter: {
        accessed: next?.session?.accessed ?? false,
        modified: next?.session?.modified ?? false,
      },
      accesses: event.accesses,
      returned: next?.event === 'return',
      error: raised ? requestError(outcome.error) : null,
    });
  });
  const { status, headers, body } = outcome.response;
  const setCookie = headers.find(([name]) => name === 'Set-Cookie')?.[1] ?? null;
  // What the browser does with Flask's header, read by the same parser as the cookie jar.
  const effect = setCookie === null ? null : parseSetCookie(setCookie, request.now);
  const deleted = effect?.kind === 'delete';
  const kept = effect?.kind === 'store' && effect.cookie.name === 'session' ? effect.cookie : null;
  const stored = kept?.value ?? null;
  const expires = kept?.expires ?? null;
  const saveOutcome: SaveOutcome =
    outcome.secretKey === null ? 'not-saved' : deleted ? 'deleted' : stored ? 'set' : 'unchanged';
  const reason: SaveReason =
    saveOutcome === 'not-saved'
      ? 'no-secret-key'
      : last?.modified
        ? 'modified'
        : stored
          ? 'permanent-refresh'
          : 'not-modified';
  const statusCode = Number.parseInt(status, 10);
  return [
    { stage: 'request', method: 'GET', path: request.path, cookieHeader: request.cookieHeader },
    {
      stage: 'receive',
      path: request.path,
      rule: outcome.route?.rule ?? null,
      routeLine: outcome.route?.routeLine ?? null,
      endpoint: outcome.route?.endpoint ?? null,
      args: outcome.route?.args ?? {},
    },
    {
      stage: 'load',
      cookie,
      parts: cookie === null ? null : cookieParts(cookie),
      outcome:
        outcome.secretKey === null
          ? { kind: 'no-secret-key' }
          : loaded === null
            ? { kind: 'no-cookie' }
            : loaded.ok
              ? { kind: 'verified', key: { kind: 'current' }, signedAt: loaded.timestamp }
              : { kind: 'rejected', failure: loaded },
      session: first === null ? null : dictOf(first),
    },
    ...view,
    { stage: 'process', status, statusCode, body, error: requestError(outcome.error) },
    {
      stage: 'save',
      outcome: saveOutcome,
      reason,
      session: last === null ? null : dictOf(last),
      flags: {
        accessed: last?.accessed ?? false,
        modified: last?.modified ?? false,
        permanent: last?.permanent ?? false,
      },
      cookie: stored,
      setCookie,
      vary: headers.some(([name, value]) => name === 'Vary' && value.includes('Cookie')),
      expires,
    },
    {
      stage: 'respond',
      status,
      headers,
      browser: deleted
        ? { kind: 'delete' }
        : stored
          ? { kind: 'store', cookie: stored, expires }
          : { kind: 'keep' },
    },
  ];
}
