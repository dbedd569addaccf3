/**
 * A lesson app's program as learners see it with a set of settings written in (the secret key
 * line or its absence, `SECRET_KEY_FALLBACKS`, a non-default lifetime, `session.permanent = True`
 * at the top of every view), and where each route, view line and the secret key sit in that text.
 *
 * Everything positional is read from the text itself: `@app.route('<rule>')` gives a route and
 * its line, the `def` below it the endpoint, and the indented lines after it the body. `visit.ts`
 * pairs each body line with the statement of `apps.ts` that has the same Python text, so a trace
 * line number always points at the statement that ran. This module loads no engine code: pages
 * show a program without downloading the session engine.
 */
import { strRepr } from '../flask/str-repr.ts';
import { LESSON_APP_SOURCES, type LessonAppId } from './sources.ts';

/** The URL parts a view receives, e.g. `{ name: 'alice' }`. */
export type RouteArgs = Readonly<Record<string, string>>;

/** The statement every view starts with when the playground makes sessions permanent. */
export const MAKE_PERMANENT_PYTHON = 'session.permanent = True';

const DAY = 24 * 60 * 60;

/** The settings a learner can change, in Flask's terms. */
export interface AppSettings {
  /** `app.secret_key`, or `null` when the app sets none. */
  readonly secretKey: string | null;
  /** `SECRET_KEY_FALLBACKS` (Flask ≥ 3.1), oldest first. */
  readonly fallbacks: readonly string[];
  /** `PERMANENT_SESSION_LIFETIME` in seconds. */
  readonly lifetime: number;
  /** Every view starts with `session.permanent = True`. */
  readonly permanent: boolean;
}

/** Flask's default `PERMANENT_SESSION_LIFETIME`: 31 days. */
export const DEFAULT_LIFETIME = 31 * DAY;

/** One route of a program: its rule, endpoint and the lines its view runs. */
export interface ProgramRoute {
  readonly rule: string;
  readonly endpoint: string;
  /** 1-based line of `@app.route(...)`. */
  readonly routeLine: number;
  /** The view body in order: each line's 1-based number and its Python, trimmed. */
  readonly body: readonly { readonly line: number; readonly python: string }[];
}

export interface Program {
  readonly app: LessonAppId;
  /** The Python text, ending in a newline. */
  readonly source: string;
  /** 1-based line of `app.secret_key = …` (or of the comment saying it is not set). */
  readonly secretKeyLine: number;
  readonly routes: readonly ProgramRoute[];
}

const ROUTE = /^@app\.route\('([^']*)'\)$/;
const DEF = /^def (\w+)\(.*\):$/;
const SECRET_KEY = /^app\.secret_key = '([^'\\]*)'$/;

/** The secret key an app's source sets. */
export function sourceSecretKey(app: LessonAppId): string {
  for (const line of LESSON_APP_SOURCES[app].split('\n')) {
    const match = SECRET_KEY.exec(line);
    if (match) return match[1] as string;
  }
  throw new Error(`lesson app ${app} sets no app.secret_key`);
}

/** The settings the source itself has: its key, no fallbacks, Flask's default lifetime. */
export function sourceSettings(app: LessonAppId): AppSettings {
  return {
    secretKey: sourceSecretKey(app),
    fallbacks: [],
    lifetime: DEFAULT_LIFETIME,
    permanent: false,
  };
}

/** `timedelta(...)` for a lifetime in seconds, in the largest whole unit. */
export function timedeltaPython(seconds: number): string {
  for (const [unit, size] of [
    ['days', DAY],
    ['hours', 3600],
    ['minutes', 60],
  ] as const) {
    if (seconds % size === 0) return `timedelta(${unit}=${seconds / size})`;
  }
  return `timedelta(seconds=${seconds})`;
}

/**
 * The program of `app` with `settings` written in.
 * @throws Error for a source without `app.secret_key` or with a view without a route (a
 * programming error the tests catch).
 */
export function buildProgram(app: LessonAppId, settings: AppSettings): Program {
  const lines = LESSON_APP_SOURCES[app].replace(/\n$/, '').split('\n');
  const customLifetime = settings.lifetime !== DEFAULT_LIFETIME;
  const out: string[] = customLifetime ? ['from datetime import timedelta'] : [];
  const routes: ProgramRoute[] = [];
  let secretKeyLine = 0;
  let pendingRoute: { rule: string; routeLine: number } | null = null;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as string;
    if (SECRET_KEY.test(line)) {
      out.push(
        settings.secretKey === null
          ? '# app.secret_key is not set'
          : `app.secret_key = ${strRepr(settings.secretKey)}`,
      );
      secretKeyLine = out.length;
      if (settings.fallbacks.length > 0) {
        const keys = settings.fallbacks.map((key) => strRepr(key)).join(', ');
        out.push(`app.config['SECRET_KEY_FALLBACKS'] = [${keys}]`);
      }
      if (customLifetime) {
        out.push(`app.permanent_session_lifetime = ${timedeltaPython(settings.lifetime)}`);
      }
      continue;
    }
    out.push(line);
    const route = ROUTE.exec(line);
    if (route) pendingRoute = { rule: route[1] as string, routeLine: out.length };
    const def = DEF.exec(line);
    if (!def) continue;
    const endpoint = def[1] as string;
    if (pendingRoute === null) throw new Error(`lesson app ${app}: view ${endpoint} has no route`);
    const body: { line: number; python: string }[] = [];
    if (settings.permanent) {
      out.push(`    ${MAKE_PERMANENT_PYTHON}`);
      body.push({ line: out.length, python: MAKE_PERMANENT_PYTHON });
    }
    while (lines[index + 1]?.startsWith('    ')) {
      const next = lines[++index] as string;
      out.push(next);
      body.push({ line: out.length, python: next.trim() });
    }
    routes.push({ ...pendingRoute, endpoint, body });
    pendingRoute = null;
  }
  if (secretKeyLine === 0) throw new Error(`lesson app ${app} sets no app.secret_key`);
  return { app, source: `${out.join('\n')}\n`, secretKeyLine, routes };
}

function rulePattern(rule: string): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  const escaped = rule
    .split(/<(\w+)>/)
    .map((part, i) => {
      if (i % 2 === 1) {
        names.push(part);
        return '([^/]+)';
      }
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return { pattern: new RegExp(`^${escaped}$`), names };
}

/** The route `path` matches (Werkzeug's default converter: one path segment), with its args. */
export function matchRoute(
  program: Program,
  path: string,
): { route: ProgramRoute; args: RouteArgs } | null {
  for (const route of program.routes) {
    const { pattern, names } = rulePattern(route.rule);
    const match = pattern.exec(path);
    if (!match) continue;
    const args = Object.fromEntries(names.map((name, i) => [name, match[i + 1] as string]));
    return { route, args };
  }
  return null;
}
