import { LESSON_APPS, type LessonView } from '../lesson-apps.ts';
import { pyRepr, type PyDict, type View } from '../flask/index.ts';
import type { ServerConfig } from './config.ts';
import type { Route, Scenario } from './scenarios.ts';

/**
 * The view Flask runs for a route, with the settings applied: when sessions are permanent, the
 * view starts with `session.permanent = True`, as the displayed source says.
 */
export function viewFor(scenario: Scenario, route: Route, config: ServerConfig): View {
  const view = LESSON_APPS[scenario.app].views[route.view] as LessonView;
  return (session) => {
    if (config.permanent) session.permanent = true;
    return view(session, route.args);
  };
}

/** What the view does to the session, as Python, for the Action column. */
export function actionText(scenario: Scenario, route: Route, after: PyDict | null): string {
  switch (route.view) {
    case 'index':
      return after !== null && 'count' in after
        ? `session.get('count', 0) + 1 = ${pyRepr(after['count'] ?? null)}`
        : "session['count'] = session.get('count', 0) + 1";
    case 'login':
      return `session['user'] = ${pyRepr(route.args['name'] ?? '')}`;
    case 'logout':
      return 'session.clear()';
    default:
      return (
        `session.setdefault('cart', []).append(${pyRepr(route.args['item'] ?? '')})` +
        (scenario.id === 'cart-modified' ? '; session.modified = True' : '')
      );
  }
}

/** `session['<tracked key>']` after a request, as Python prints it, or "not set". */
export function trackedValue(scenario: Scenario, session: PyDict | null): string {
  if (session === null || !(scenario.trackedKey in session)) return 'not set';
  return pyRepr(session[scenario.trackedKey] ?? null);
}
