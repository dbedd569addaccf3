import { applySetCookies, cookieHeader, type CookieJar } from '../browser/cookie-jar.ts';
import { visitCells, type VisitCells } from '../lesson-apps/describe.ts';
import { appProgram } from '../lesson-apps/layout.ts';
import { sourceSettings } from '../lesson-apps/program.ts';
import type { LessonAppId } from '../lesson-apps/sources.ts';
import { visit } from '../lesson-apps/visit.ts';
import type { TraceEvent } from '../flask/index.ts';

/** One execution-table row as the session engine computes it, with the request's trace. */
export interface ComputedStep extends VisitCells {
  /** What Flask decided at each stage; line numbers refer to the app's source as written. */
  readonly events: readonly TraceEvent[];
}

/** Any fixed time: the table shows no timestamps, and a fixed clock keeps builds reproducible. */
export const BUILD_CLOCK = 1_700_000_000;

/**
 * Runs `visits` requests to a lesson app's first route without URL arguments through the session engine, as a new
 * visitor whose browser keeps the cookies Flask sets, with the app's own settings, and returns
 * each row's values and trace. Fails with a sentence when the engine could not simulate a request.
 */
export async function runScenario(
  app: LessonAppId,
  visits: number,
): Promise<{ ok: true; steps: ComputedStep[] } | { ok: false; message: string }> {
  const program = appProgram(app, sourceSettings(app));
  const path = program.routes.find((route) => !route.rule.includes('<'))?.rule;
  if (path === undefined) {
    return {
      ok: false,
      message: `every route of ${app} needs URL arguments; the table cannot pick one`,
    };
  }
  let jar: CookieJar = [];
  const steps: ComputedStep[] = [];
  for (let number = 1; number <= visits; number++) {
    const result = await visit(program, {
      path,
      cookieHeader: cookieHeader(jar, BUILD_CLOCK) ?? null,
      now: BUILD_CLOCK,
    });
    if (!result.ok) {
      return { ok: false, message: `request ${number} could not be simulated: ${result.message}` };
    }
    const setCookies = result.response.headers
      .filter(([name]) => name === 'Set-Cookie')
      .map(([, value]) => value);
    jar = applySetCookies(jar, setCookies, BUILD_CLOCK);
    steps.push({ ...visitCells(app, result), events: result.trace.events });
  }
  return { ok: true, steps };
}
