import { sendRequest } from '../playground/run.ts';
import type { ScenarioId } from '../playground/scenarios.ts';
import { initialState, selectScenario } from '../playground/state.ts';

/** One execution-table row as the session engine computes it. */
export interface ComputedStep {
  before: string;
  action: string;
  after: string;
  output: string;
  /** The tracked session value after the step (the variable tracker's column). */
  tracked: string;
}

/** Any fixed time: the table shows no timestamps, and a fixed clock keeps builds reproducible. */
const BUILD_CLOCK = 1_700_000_000;

/**
 * Runs `visits` requests of a playground scenario through the session engine, exactly as the
 * playground does for a new visitor with the lesson's settings, and returns each row's values.
 * Fails with a sentence when the engine could not simulate a request.
 */
export async function runScenario(
  scenario: ScenarioId,
  visits: number,
): Promise<{ ok: true; steps: ComputedStep[] } | { ok: false; message: string }> {
  let state = selectScenario(initialState(BUILD_CLOCK), scenario);
  for (let visit = 1; visit <= visits; visit++) {
    state = await sendRequest(state);
    if (state.rows.length !== visit) {
      return {
        ok: false,
        message: `request ${visit} could not be simulated: ${state.notice ?? ''}`,
      };
    }
  }
  return {
    ok: true,
    steps: state.rows.map(({ before, action, after, output, tracked }) => ({
      before,
      action,
      after,
      output,
      tracked,
    })),
  };
}
