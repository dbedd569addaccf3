import { pyRepr, type TraceEvent } from '../flask/index.ts';
import { strRepr } from '../flask/str-repr.ts';
import type { ServerConfig } from './config.ts';

/** One stage of a traced request in the playground's words, with the code line it ran. */
export interface TraceStep {
  readonly stage: TraceEvent['stage'];
  /** e.g. "Session loaded". */
  readonly title: string;
  /** The Python line that ran (view lines and the route), with its 1-based line number. */
  readonly code: { readonly line: number; readonly python: string } | null;
  /** What happened, one sentence each. */
  readonly facts: readonly string[];
}

const SAVE_REASONS: Record<string, string> = {
  modified: 'session.modified is True',
  'permanent-refresh': 'the session is permanent and SESSION_REFRESH_EACH_REQUEST is on',
  'refresh-off': 'the session is permanent but SESSION_REFRESH_EACH_REQUEST is off',
  'not-modified': 'the session was not modified',
  empty: 'the session is empty and was not modified',
  'no-secret-key': 'there is no secret key (the session is a NullSession)',
  'load-error': 'loading the cookie raised',
  'serialize-error': 'the session could not be serialized',
};

/**
 * The trace of one request (`handleRequest`'s `trace.events`, Flask's `SecureCookieSessionInterface`
 * stages) as the steps the playground lists: one per stage, one per executed view line. Shows only
 * what the engine decided; `config` only names keys (a fallback's index → its text). `program`,
 * the app's Python the line numbers refer to, gives the route's line as written (a learner's app
 * may route with `@app.get`); without it the route reads `@app.route(rule)`.
 */
export function traceSteps(
  events: readonly TraceEvent[],
  config: ServerConfig,
  program?: string,
): TraceStep[] {
  const programLines = program?.split('\n') ?? [];
  const cameWithCookie = events.some((event) => event.stage === 'load' && event.cookie !== null);
  return events.map((event): TraceStep => {
    switch (event.stage) {
      case 'request':
        return {
          stage: event.stage,
          title: 'The browser sends the request',
          code: null,
          facts: [
            `${event.method} ${event.path}`,
            event.cookieHeader === null
              ? 'No Cookie header: the browser has no cookie for this site.'
              : `Cookie: ${event.cookieHeader}`,
          ],
        };
      case 'receive':
        return {
          stage: event.stage,
          title: 'Flask receives it',
          code:
            event.routeLine === null || event.rule === null
              ? null
              : {
                  line: event.routeLine,
                  python:
                    programLines[event.routeLine - 1]?.trim() ??
                    `@app.route(${strRepr(event.rule)})`,
                },
          facts: [
            event.endpoint === null
              ? `${event.path} goes to the view.`
              : `${event.path} matches the route, so Flask calls ${event.endpoint}().`,
          ],
        };
      case 'load': {
        const outcome = event.outcome;
        const facts: string[] = [];
        switch (outcome.kind) {
          case 'no-secret-key':
            facts.push(
              'No secret key: Flask ignores any cookie and hands the view a NullSession that cannot be written.',
            );
            break;
          case 'no-cookie':
            facts.push('No session cookie: the view gets a new, empty session.');
            break;
          case 'verified': {
            const key =
              outcome.key.kind === 'current'
                ? 'the current SECRET_KEY'
                : `the fallback key ${strRepr(config.fallbacks[outcome.key.index] ?? '?')} (SECRET_KEY_FALLBACKS[${outcome.key.index}])`;
            facts.push(`The signature checks out with ${key}.`);
            break;
          }
          case 'rejected':
          case 'error':
            facts.push(`${outcome.failure.pythonClass}: ${outcome.failure.pythonMessage}`);
            facts.push(outcome.failure.message);
            break;
        }
        if (event.session !== null) facts.push(`session = ${pyRepr(event.session)}`);
        return { stage: event.stage, title: 'Flask loads the session', code: null, facts };
      }
      case 'view': {
        const facts: string[] = [];
        const before = pyRepr(event.before);
        const after = pyRepr(event.after);
        const reads = event.accesses.filter((access) => access.kind === 'read').length;
        const writes = event.accesses.length - reads;
        if (event.accesses.length > 0) {
          facts.push(
            [
              reads > 0 ? `reads the session ${times(reads)}` : '',
              writes > 0 ? `writes it ${times(writes)}` : '',
            ]
              .filter(Boolean)
              .join(' and ')
              .replace(/^./, (first) => first.toUpperCase()) + '.',
          );
        }
        facts.push(before === after ? `session stays ${after}` : `session: ${before} → ${after}`);
        if (event.error !== null) {
          facts.push(`Raises ${event.error.pythonClass}: ${event.error.pythonMessage}`);
        }
        return {
          stage: event.stage,
          title: event.returned ? 'The view returns' : 'The view runs a line',
          code:
            event.line === null || event.python === null
              ? null
              : { line: event.line, python: event.python },
          facts,
        };
      }
      case 'process':
        return {
          stage: event.stage,
          title: 'Flask prepares the response',
          code: null,
          facts: [
            event.status,
            event.error === null
              ? `Body: ${event.body}`
              : `${event.error.pythonClass} was not caught, so the body is Flask’s 500 page.`,
          ],
        };
      case 'save': {
        const why = SAVE_REASONS[event.reason] ?? event.reason;
        const facts =
          event.outcome === 'set'
            ? [`Flask signs the session into a new cookie, because ${why}.`]
            : event.outcome === 'deleted'
              ? [
                  `The session is empty and was modified, so Flask tells the browser to delete the cookie.`,
                ]
              : event.outcome === 'unchanged'
                ? [
                    cameWithCookie
                      ? `No Set-Cookie: ${why}, so the browser keeps its cookie.`
                      : `No Set-Cookie: ${why}, so the browser still has no session cookie.`,
                  ]
                : event.outcome === 'not-saved'
                  ? [`Nothing saved: ${why}.`]
                  : [`Saving failed: ${why}.`];
        if (event.setCookie !== null) facts.push(`Set-Cookie: ${event.setCookie}`);
        return { stage: event.stage, title: 'Flask saves the session', code: null, facts };
      }
      case 'respond':
        return {
          stage: event.stage,
          title: 'The response goes back to the browser',
          code: null,
          facts: [
            event.status,
            event.browser.kind === 'store'
              ? 'The browser stores the new session cookie.'
              : event.browser.kind === 'delete'
                ? 'The browser deletes its session cookie.'
                : 'The browser keeps the cookie it has (if any).',
          ],
        };
    }
  });
}

function times(count: number): string {
  return count === 1 ? 'once' : count === 2 ? 'twice' : `${count} times`;
}
