import {
  CART_LOST_UPDATE_PY,
  CART_MODIFIED_PY,
  COUNTER_PY,
  LOGIN_PY,
  type LessonAppId,
} from '../lesson-app-sources.ts';
import { strRepr } from '../flask/str-repr.ts';
import { LIFETIME_CHOICES, LESSON_CONFIG, type ServerConfig } from './config.ts';

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
    trackedKey: 'count',
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
    trackedKey: 'user',
  },
  'cart-lost-update': {
    id: 'cart-lost-update',
    label: 'Shopping cart (list changed in place)',
    app: 'cart-lost-update',
    python: CART_LOST_UPDATE_PY,
    routes: cartRoutes,
    trackedKey: 'cart',
  },
  'cart-modified': {
    id: 'cart-modified',
    label: 'Shopping cart with session.modified = True',
    app: 'cart-modified',
    python: CART_MODIFIED_PY,
    routes: cartRoutes,
    trackedKey: 'cart',
  },
};

/** The route for `path` in a scenario (its first route when the path is not served). */
export function routeFor(scenario: Scenario, path: string): Route {
  return scenario.routes.find((route) => route.path === path) ?? (scenario.routes[0] as Route);
}

/**
 * The app's Python source with the playground's settings written in: the secret key line (or its
 * absence), `SECRET_KEY_FALLBACKS`, a non-default lifetime and `session.permanent = True`.
 */
export function pythonSource(scenario: Scenario, config: ServerConfig): string {
  const lines = scenario.python.replace(/\n$/, '').split('\n');
  const lifetime = LIFETIME_CHOICES.find((choice) => choice.seconds === config.lifetime);
  const customLifetime = config.lifetime !== LESSON_CONFIG.lifetime;
  const out: string[] = customLifetime ? ['from datetime import timedelta'] : [];
  for (const line of lines) {
    if (line.startsWith('app.secret_key')) {
      out.push(
        config.noSecretKey
          ? '# app.secret_key is not set'
          : `app.secret_key = ${strRepr(config.secretKey)}`,
      );
      if (config.fallbacks.length > 0) {
        const keys = config.fallbacks.map((key) => strRepr(key)).join(', ');
        out.push(`app.config['SECRET_KEY_FALLBACKS'] = [${keys}]`);
      }
      if (customLifetime) {
        const value = lifetime?.python ?? `timedelta(seconds=${config.lifetime})`;
        out.push(`app.permanent_session_lifetime = ${value}`);
      }
      continue;
    }
    out.push(line);
    if (config.permanent && /^def \w+\(.*\):$/.test(line)) out.push('    session.permanent = True');
  }
  return `${out.join('\n')}\n`;
}
