/**
 * One visit in the execution table's words (session before, action, session after, output, the
 * tracked value), as the playground's rows and the lesson's build-time table both show it.
 */
import { pyRepr, type PyDict } from '../flask/index.ts';
import { TRACKED_KEYS, type LessonAppId } from './sources.ts';
import type { Visit } from './visit.ts';

/** A visit's execution-table cells. */
export interface VisitCells {
  /** The session as the view received it, as Python prints it ("—" when the view never ran). */
  readonly before: string;
  readonly action: string;
  readonly after: string;
  /** The response body, or the status line when the request failed. */
  readonly output: string;
  /** The tracked session key after the visit, as Python prints it, or "not set". */
  readonly tracked: string;
}

/** What the view does to the session, as Python, for the Action column. */
function actionText(
  app: LessonAppId,
  endpoint: string,
  args: Readonly<Record<string, string>>,
  after: PyDict | null,
): string {
  switch (endpoint) {
    case 'index':
      return after !== null && 'count' in after
        ? `session.get('count', 0) + 1 = ${pyRepr(after['count'] ?? null)}`
        : "session['count'] = session.get('count', 0) + 1";
    case 'login':
      return `session['user'] = ${pyRepr(args['name'] ?? '')}`;
    case 'logout':
      return 'session.clear()';
    default:
      return (
        `session.setdefault('cart', []).append(${pyRepr(args['item'] ?? '')})` +
        (app === 'cart-modified' ? '; session.modified = True' : '')
      );
  }
}

/** `session['<tracked key>']` after a visit, as Python prints it, or "not set". */
export function trackedValue(app: LessonAppId, session: PyDict | null): string {
  const key = TRACKED_KEYS[app];
  if (session === null || !(key in session)) return 'not set';
  return pyRepr(session[key] ?? null);
}

/** The execution-table cells of a simulated visit to `app`. */
export function visitCells(app: LessonAppId, visit: Extract<Visit, { ok: true }>): VisitCells {
  const { trace, response } = visit;
  const action = actionText(app, visit.endpoint, visit.args, trace.sessionAfter);
  return {
    before: trace.sessionBefore === null ? '—' : pyRepr(trace.sessionBefore),
    action:
      trace.sessionBefore === null
        ? 'the view did not run'
        : trace.error === null
          ? action
          : `${action} → ${trace.error.pythonClass}`,
    after: trace.sessionAfter === null ? '—' : pyRepr(trace.sessionAfter),
    output: response.statusCode === 200 ? response.body : response.status,
    tracked: trackedValue(app, trace.sessionAfter),
  };
}
