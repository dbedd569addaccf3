/**
 * The step-through player's logic: which step is current, how each control moves it, how a step
 * is written in the URL, and what the slider announces. Steps are counted from 0 here and shown
 * to learners (and written in URLs) from 1.
 */

/** The current step (0-based) and whether autoplay is running. */
export interface PlayerState {
  step: number;
  playing: boolean;
}

export type PlayerAction =
  | { type: 'next' }
  | { type: 'previous' }
  | { type: 'restart' }
  | { type: 'last' }
  | { type: 'go'; step: number }
  | { type: 'play' }
  | { type: 'pause' }
  /** Autoplay's timer fired. */
  | { type: 'tick' };

export const initialPlayerState: PlayerState = { step: 0, playing: false };

/** `step` as a whole number within the `count` steps. */
export function clampStep(step: number, count: number): number {
  const whole = Number.isFinite(step) ? Math.trunc(step) : 0;
  return Math.min(Math.max(whole, 0), Math.max(count - 1, 0));
}

export const atFirstStep = (state: PlayerState) => state.step === 0;
export const atLastStep = (state: PlayerState, count: number) => state.step >= count - 1;

/**
 * The state after an action. Moving by hand stops autoplay, since the learner has taken over;
 * playing from the last step does nothing; autoplay stops on reaching the last step.
 */
export function advance(state: PlayerState, action: PlayerAction, count: number): PlayerState {
  const to = (step: number, playing = false) => ({ step: clampStep(step, count), playing });
  switch (action.type) {
    case 'next':
      return to(state.step + 1);
    case 'previous':
      return to(state.step - 1);
    case 'restart':
      return to(0);
    case 'last':
      return to(count - 1);
    case 'go':
      return to(action.step);
    case 'play':
      return { step: state.step, playing: !atLastStep(state, count) };
    case 'pause':
      return { step: state.step, playing: false };
    case 'tick': {
      if (!state.playing) return state;
      const next = to(state.step + 1);
      return { step: next.step, playing: !atLastStep(next, count) };
    }
  }
}

/**
 * The player's keyboard shortcuts, active only while focus is inside the player: arrows step,
 * Home and End jump to the first and last step. Undefined for every other key.
 */
export function keyAction(key: string): PlayerAction | undefined {
  switch (key) {
    case 'ArrowRight':
      return { type: 'next' };
    case 'ArrowLeft':
      return { type: 'previous' };
    case 'Home':
      return { type: 'restart' };
    case 'End':
      return { type: 'last' };
    default:
      return undefined;
  }
}

const stepFragment = /^#step-([1-9][0-9]*)$/;

/** The URL fragment that opens the player at `step`: `#step-3` for the third step. */
export function stepHash(step: number): string {
  return `#step-${step + 1}`;
}

/**
 * The step a URL fragment such as `#step-3` names, or undefined when it names none of the
 * `count` steps (another fragment, `#step-0`, `#step-99`, `#step-x`).
 */
export function stepFromHash(hash: string, count: number): number | undefined {
  const match = stepFragment.exec(hash);
  const step = match ? Number(match[1]) - 1 : -1;
  return step >= 0 && step < count ? step : undefined;
}

/** What the lesson data gives the slider's announcement. */
export interface ValueTextSource {
  steps: readonly { request: string }[];
  tracker: { variable: string; values: readonly string[] };
}

/** What the step slider announces, e.g. "Step 3 of 5, Third visit: session['count'] = 3". */
export function stepValueText(lesson: ValueTextSource, step: number): string {
  const count = lesson.steps.length;
  const where = `Step ${step + 1} of ${count}, ${lesson.steps[step]?.request ?? ''}`;
  const value = lesson.tracker.values[step];
  return value === undefined ? where : `${where}: ${lesson.tracker.variable} = ${value}`;
}

/** Milliseconds between autoplay steps: time to read a narration, and longer without motion. */
export function autoplayDelay(prefersReducedMotion: boolean): number {
  return prefersReducedMotion ? 8000 : 5000;
}
