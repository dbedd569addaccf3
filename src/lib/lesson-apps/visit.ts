/**
 * One visit to a lesson app: the request goes through the session engine with the app's Python
 * run line by line, and the result carries the response, the trace (`trace.events`, see
 * `src/lib/flask/trace.ts`) and the program text whose line numbers the trace uses. The
 * playground and the build-time execution table both call {@link visit}.
 */
import {
  handleRequest,
  type FlaskConfig,
  type LineView,
  type RequestTrace,
  type Response,
  type ViewLine,
  type ZlibLoader,
} from '../flask/index.ts';
import { LESSON_APP_BODIES, MAKE_PERMANENT, type Statement } from './apps.ts';
import { appProgram, matchRoute, type Program, type ProgramRoute } from './layout.ts';
import { sourceSettings, type AppSettings, type RouteArgs } from './program.ts';
import type { LessonAppId } from './sources.ts';

export interface VisitRequest {
  /** The path asked for, e.g. `/login/alice`. */
  readonly path: string;
  /** The browser's `Cookie` header, or `null` when it sends none. */
  readonly cookieHeader: string | null;
  /** The shared clock, whole Unix seconds. */
  readonly now: number;
  readonly loadZlib?: ZlibLoader;
}

/** A visit's outcome: the exchange and its trace, or a sentence on why it was not simulated. */
export type Visit =
  | {
      readonly ok: true;
      readonly response: Response;
      readonly trace: RequestTrace;
      /** The program as run; the trace's line numbers refer to `program.source`. */
      readonly program: Program;
      readonly endpoint: string;
      readonly args: RouteArgs;
    }
  | { readonly ok: false; readonly message: string };

/**
 * The engine's line-by-line view for a route of `app`, with its URL args bound: each body line is
 * paired with the statement of `apps.ts` whose Python is that line's text.
 * @throws Error when a line has no statement (a programming error the tests catch).
 */
export function lineView(app: LessonAppId, route: ProgramRoute, args: RouteArgs): LineView {
  const statements: readonly Statement[] = [
    MAKE_PERMANENT,
    ...(LESSON_APP_BODIES[app].views[route.endpoint] ?? []),
  ];
  return {
    endpoint: route.endpoint,
    rule: route.rule,
    routeLine: route.routeLine,
    args,
    lines: route.body.map(({ line, python }): ViewLine => {
      const statement = statements.find((candidate) => candidate.python === python);
      if (statement === undefined) {
        throw new Error(
          `lesson app ${app}, view ${route.endpoint}: no statement for \`${python}\``,
        );
      }
      return { line, python, run: (session) => statement.run(session, args) };
    }),
  };
}

/**
 * The view of `endpoint` in `app` as its source stands, with `args` bound.
 * @throws Error for an endpoint the app does not define (a programming error).
 */
export function sourceView(app: LessonAppId, endpoint: string, args: RouteArgs = {}): LineView {
  const route = appProgram(app, sourceSettings(app)).routes.find(
    (candidate) => candidate.endpoint === endpoint,
  );
  if (route === undefined) throw new Error(`lesson app ${app} has no view ${endpoint}`);
  return lineView(app, route, args);
}

/** The engine's configuration for a program's settings. */
export function flaskConfigFor(settings: AppSettings): FlaskConfig {
  return {
    SECRET_KEY: settings.secretKey === '' ? null : settings.secretKey,
    SECRET_KEY_FALLBACKS: settings.fallbacks,
    PERMANENT_SESSION_LIFETIME: settings.lifetime,
  };
}

/**
 * Sends one request to a program (`appProgram(app, settings)`, or `buildProgram` with the
 * source a page already has). Never throws or rejects.
 */
export async function visit(program: Program, request: VisitRequest): Promise<Visit> {
  const { app, settings } = program;
  const matched = matchRoute(program, request.path);
  if (matched === null) {
    return { ok: false, message: `No route of this app matches ${request.path}.` };
  }
  const result = await handleRequest(
    flaskConfigFor(settings),
    {
      path: request.path,
      cookieHeader: request.cookieHeader,
      now: request.now,
      ...(request.loadZlib === undefined ? {} : { loadZlib: request.loadZlib }),
    },
    lineView(app, matched.route, matched.args),
  );
  if (!result.ok) return { ok: false, message: result.message };
  return {
    ok: true,
    response: result.response,
    trace: result.trace,
    program,
    endpoint: matched.route.endpoint,
    args: matched.args,
  };
}
