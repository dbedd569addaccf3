import {
  CART_LOST_UPDATE_PY,
  CART_MODIFIED_PY,
  COUNTER_PY,
  LOGIN_PY,
  TRACKED_KEYS,
  type LessonAppId,
} from '../lesson-apps/sources.ts';
import { programSource } from '../lesson-apps/program.ts';
import { appSettings, type ServerConfig } from './config.ts';

/** An address the simulated browser can request, and the view Flask routes it to. */
export interface Route {
  readonly path: string;
  /** The Python function name of the view (Flask's endpoint). */
  readonly view: string;
  /** The URL parts the view receives, e.g. `{ name: 'alice' }`. */
  readonly args: Readonly<Record<string, string>>;
}

/** One of the playground's apps: a lesson app, the addresses it serves and what to track. */
export interface Scenario {
  readonly id: ScenarioId;
  readonly label: string;
  readonly app: LessonAppId;
  /** The app's Python program, exactly as shown (and as real Flask ran it for the vectors). */
  readonly python: string;
  readonly routes: readonly Route[];
  /** The session key the tracker column follows, e.g. `count` for `session['count']`. */
  readonly trackedKey: string;
}

export type ScenarioId = 'counter' | 'login' | 'cart-lost-update' | 'cart-modified';

const cartRoutes = ['apple', 'pear', 'banana'].map((item) => ({
  path: `/add/${item}`,
  view: 'add',
  args: { item },
}));

/** The apps on offer. This module loads no engine code, so the playground renders without it. */
export const SCENARIOS: Readonly<Record<ScenarioId, Scenario>> = {
  counter: {
    id: 'counter',
    label: 'Visit counter (the lesson’s code)',
    app: 'counter',
    python: COUNTER_PY,
    routes: [{ path: '/', view: 'index', args: {} }],
    trackedKey: TRACKED_KEYS.counter,
  },
  login: {
    id: 'login',
    label: 'Log in and log out',
    app: 'login',
    python: LOGIN_PY,
    routes: [
      { path: '/login/alice', view: 'login', args: { name: 'alice' } },
      { path: '/login/bob', view: 'login', args: { name: 'bob' } },
      { path: '/logout', view: 'logout', args: {} },
    ],
    trackedKey: TRACKED_KEYS.login,
  },
  'cart-lost-update': {
    id: 'cart-lost-update',
    label: 'Shopping cart (list changed in place)',
    app: 'cart-lost-update',
    python: CART_LOST_UPDATE_PY,
    routes: cartRoutes,
    trackedKey: TRACKED_KEYS['cart-lost-update'],
  },
  'cart-modified': {
    id: 'cart-modified',
    label: 'Shopping cart with session.modified = True',
    app: 'cart-modified',
    python: CART_MODIFIED_PY,
    routes: cartRoutes,
    trackedKey: TRACKED_KEYS['cart-modified'],
  },
};

/** The route for `path` in a scenario (its first route when the path is not served). */
export function routeFor(scenario: Scenario, path: string): Route {
  return scenario.routes.find((route) => route.path === path) ?? (scenario.routes[0] as Route);
}

/**
 * The app's Python source with the playground's settings written in: the secret key line (or its
 * absence), `SECRET_KEY_FALLBACKS`, a non-default lifetime and `session.permanent = True`. The
 * trace's line numbers refer to this text.
 */
export function pythonSource(scenario: Scenario, config: ServerConfig): string {
  return programSource(scenario.python, appSettings(config));
}
