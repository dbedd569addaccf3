/**
 * Every figure the `flask-session` simulator gives the lesson's modes, computed by the session
 * engine. `tests/conformance/gen_mode_figures.py` computes the same object with real Flask into
 * `tests/conformance/mode-figures.json`, and a unit test requires the two to be equal.
 */
import { compressionCases, cookieAnatomy, keyFallbacks, taggedValues } from './deep-dive.ts';
import { exampleIds, runExample, type ExampleFigure, type ExampleId } from './learn.ts';
import { cookieSizes, headerCounts, inPlaceChange } from './performance.ts';
import { predictionBodies } from './predictions.ts';
import { forgedCookie, queryCounterBody, twoVisitors } from './why.ts';

/** The edited address of the query-string figure: the visitor types a count of their own. */
export const QUERY_VISITS = [2, 999999] as const;

export async function computeFlaskSessionFigures() {
  const examples = {} as Record<ExampleId, ExampleFigure>;
  for (const id of exampleIds) examples[id] = await runExample(id);
  return {
    learn: examples,
    why: {
      twoVisitors: await twoVisitors(),
      queryString: QUERY_VISITS.map((count) => ({
        url: `/?count=${count}`,
        body: queryCounterBody(count),
      })),
      forged: await forgedCookie(),
    },
    deepDive: {
      anatomy: await cookieAnatomy(),
      compression: await compressionCases(),
      tagged: await taggedValues(),
      fallbacks: await keyFallbacks(),
    },
    performance: {
      sizes: await cookieSizes(),
      headers: await headerCounts(),
      inPlace: await inPlaceChange(),
    },
    predictions: await predictionBodies(),
  };
}

export type FlaskSessionFigures = Awaited<ReturnType<typeof computeFlaskSessionFigures>>;

let cached: Promise<FlaskSessionFigures> | undefined;

/** The figures, computed once per build (every mode page of every lesson shares them). */
export function flaskSessionFigures(): Promise<FlaskSessionFigures> {
  cached ??= computeFlaskSessionFigures();
  return cached;
}
