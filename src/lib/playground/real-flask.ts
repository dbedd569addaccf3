/**
 * Where the simulated browser's "Send request" goes: to the simulator (`run.ts`), or, while
 * "Edit and run" runs the learner's app on real Flask (`src/islands/python-runner/`), to the
 * runner's step. The switch is the `sendRequest` of the engine module the browser pane already
 * calls, so the page's own code carries nothing for it. A page has one playground, so one switch.
 */
import { sendRequest as simulate } from './run.ts';
import type { PlaygroundState } from './state.ts';

/** Sends the browser's request for `state` and returns the playground after the response. */
export type Send = (state: PlaygroundState) => Promise<PlaygroundState>;

let realFlask: Send | null = null;

/** From now on the browser's requests go to `send` (real Flask), or to the simulator for null. */
export function sendToRealFlask(send: Send | null): void {
  realFlask = send;
}

/** The browser pane's request: real Flask's step while one is set, else the simulator's. */
export function sendRequest(state: PlaygroundState): Promise<PlaygroundState> {
  return realFlask === null ? simulate(state) : realFlask(state);
}
