/**
 * Where things sit in a lesson app's program text (`program.ts`): each `@app.route('<rule>')`
 * and its line, the `def` below it (the endpoint), the indented lines after it (the body), and the
 * secret key line. Everything positional is read from the text itself; `visit.ts` pairs each
 * body line with the statement of `apps.ts` that has the same Python, so a trace line number
 * always points at the statement that ran.
 */
import {
  NO_SECRET_KEY_LINE,
  SECRET_KEY_LINE,
  programSource,
  type AppSettings,
  type RouteArgs,
} from './program.ts';
import { LESSON_APP_SOURCES, type LessonAppId } from './sources.ts';

/** One route of a program: its rule, endpoint and the lines its view runs. */
export interface ProgramRoute {
  readonly rule: string;
  readonly endpoint: string;
  /** 1-based line of `@app.route(...)`. */
  readonly routeLine: number;
  /** The view body in order: each line's 1-based number and its Python, trimmed. */
  readonly body: readonly { readonly line: number; readonly python: string }[];
}

/** An app's program with its settings, and where its parts sit. */
export interface Program {
  readonly app: LessonAppId;
  /** The settings written in, which the app also runs with. */
  readonly settings: AppSettings;
  /** The Python text, ending in a newline. */
  readonly source: string;
  /** 1-based line of `app.secret_key = …` (or of the comment saying it is not set). */
  readonly secretKeyLine: number;
  readonly routes: readonly ProgramRoute[];
}

const ROUTE = /^@app\.route\('([^']*)'\)$/;
const DEF = /^def (\w+)\(.*\):$/;

/**
 * The program of `app`, whose source is `source`, with `settings` written in.
 * @throws Error for a source without `app.secret_key` or with a view without a route (a
 * programming error the tests catch).
 */
export function buildProgram(app: LessonAppId, settings: AppSettings, source: string): Program {
  const text = programSource(source, settings);
  const lines = text.replace(/\n$/, '').split('\n');
  const routes: ProgramRoute[] = [];
  let secretKeyLine = 0;
  let pending: { rule: string; routeLine: number } | null = null;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as string;
    if (SECRET_KEY_LINE.test(line) || line === NO_SECRET_KEY_LINE) secretKeyLine = index + 1;
    const route = ROUTE.exec(line);
    if (route) pending = { rule: route[1] as string, routeLine: index + 1 };
    const def = DEF.exec(line);
    if (!def) continue;
    const endpoint = def[1] as string;
    if (pending === null) throw new Error(`lesson app ${app}: view ${endpoint} has no route`);
    const body: { line: number; python: string }[] = [];
    while (lines[index + 1]?.startsWith('    ')) {
      index++;
      body.push({ line: index + 1, python: (lines[index] as string).trim() });
    }
    routes.push({ ...pending, endpoint, body });
    pending = null;
  }
  if (secretKeyLine === 0) throw new Error(`lesson app ${app} sets no app.secret_key`);
  return { app, settings, source: text, secretKeyLine, routes };
}

/** The program of `app` with `settings` written in (see {@link buildProgram}). */
export function appProgram(app: LessonAppId, settings: AppSettings): Program {
  return buildProgram(app, settings, LESSON_APP_SOURCES[app]);
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
