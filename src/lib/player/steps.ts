/**
 * The step-through player's logic: which visit and stage are current, how each control moves
 * them, how a position is written in the URL, and autoplay's timing. Visits and stages are
 * counted from 0 here; learners (and URLs) count visits from 1 and name stages by id:
 * `#step-3` opens visit 3 at its first stage, `#step-3-view` opens its `view` stage.
 */

/** Where the player stands: visit and stage (0-based), and whether autoplay is running. */
export interface PlayerState {
  readonly visit: number;
  readonly stage: number;
  readonly playing: boolean;
}

/** The player's size: how many visits, and the stage ids every visit goes through. */
export interface PlayerShape {
  readonly visits: number;
  readonly stages: readonly string[];
}

export type PlayerAction =
  | { type: 'next' }
  | { type: 'previous' }
  | { type: 'next-visit' }
  | { type: 'previous-visit' }
  | { type: 'restart' }
  | { type: 'last' }
  | { type: 'go'; visit: number; stage: number }
  | { type: 'play' }
  | { type: 'pause' }
  /** Autoplay's timer fired. */
  | { type: 'tick' };

export const initialPlayerState: PlayerState = { visit: 0, stage: 0, playing: false };

const total = (shape: PlayerShape) => shape.visits * shape.stages.length;
const indexOf = (state: Pick<PlayerState, 'visit' | 'stage'>, shape: PlayerShape) =>
  state.visit * shape.stages.length + state.stage;

/** The position at a flat index (clamped into the player). */
function at(index: number, shape: PlayerShape, playing = false): PlayerState {
  const whole = Number.isFinite(index) ? Math.trunc(index) : 0;
  const clamped = Math.min(Math.max(whole, 0), Math.max(total(shape) - 1, 0));
  const perVisit = Math.max(shape.stages.length, 1);
  return { visit: Math.floor(clamped / perVisit), stage: clamped % perVisit, playing };
}

export const atFirstStep = (state: PlayerState) => state.visit === 0 && state.stage === 0;
export const atLastStep = (state: PlayerState, shape: PlayerShape) =>
  indexOf(state, shape) >= total(shape) - 1;
export const atFirstVisit = (state: PlayerState) => state.visit === 0;
export const atLastVisit = (state: PlayerState, shape: PlayerShape) =>
  state.visit >= shape.visits - 1;

/**
 * The state after an action. Moving by hand stops autoplay, since the learner has taken over;
 * "next visit" and "previous visit" land on a visit's first stage; playing from the last step
 * does nothing; autoplay stops on reaching the last step.
 */
export function advance(state: PlayerState, action: PlayerAction, shape: PlayerShape): PlayerState {
  const index = indexOf(state, shape);
  const perVisit = shape.stages.length;
  switch (action.type) {
    case 'next':
      return at(index + 1, shape);
    case 'previous':
      return at(index - 1, shape);
    case 'next-visit':
      return at(Math.min(state.visit + 1, shape.visits - 1) * perVisit, shape);
    case 'previous-visit':
      // From inside a visit, back to its start first; from its start, to the visit before.
      return at((state.stage > 0 ? state.visit : state.visit - 1) * perVisit, shape);
    case 'restart':
      return at(0, shape);
    case 'last':
      return at(total(shape) - 1, shape);
    case 'go':
      return at(Math.min(Math.max(action.stage, 0), perVisit - 1) + action.visit * perVisit, shape);
    case 'play':
      return { ...state, playing: !atLastStep(state, shape) };
    case 'pause':
      return { ...state, playing: false };
    case 'tick': {
      if (!state.playing) return state;
      const next = at(index + 1, shape);
      return { ...next, playing: !atLastStep(next, shape) };
    }
  }
}

/**
 * The player's keyboard shortcuts, active only while focus is inside the player: arrows step
 * through stages, Page Up and Page Down through visits, Home and End jump to the first and last
 * step. Undefined for every other key.
 */
export function keyAction(key: string): PlayerAction | undefined {
  switch (key) {
    case 'ArrowRight':
      return { type: 'next' };
    case 'ArrowLeft':
      return { type: 'previous' };
    case 'PageDown':
      return { type: 'next-visit' };
    case 'PageUp':
      return { type: 'previous-visit' };
    case 'Home':
      return { type: 'restart' };
    case 'End':
      return { type: 'last' };
    default:
      return undefined;
  }
}

const stepFragment = /^#step-([1-9][0-9]*)(?:-([a-z][a-z0-9-]*))?$/;

/** The URL fragment for a position: `#step-3-view` for visit 3 (from 1), stage `view`. */
export function stepHash(state: Pick<PlayerState, 'visit' | 'stage'>, shape: PlayerShape): string {
  return `#step-${state.visit + 1}-${shape.stages[state.stage] ?? ''}`;
}

/**
 * The position a fragment names: `#step-3` (visit 3, first stage) or `#step-3-view`; undefined
 * when it names no visit or stage of the player (another fragment, `#step-0`, `#step-99`,
 * `#step-2-nowhere`).
 */
export function stepFromHash(
  hash: string,
  shape: PlayerShape,
): Pick<PlayerState, 'visit' | 'stage'> | undefined {
  const match = stepFragment.exec(hash);
  if (!match) return undefined;
  const visit = Number(match[1]) - 1;
  const stage = match[2] === undefined ? 0 : shape.stages.indexOf(match[2]);
  if (visit >= shape.visits || stage < 0) return undefined;
  return { visit, stage };
}

/** "Visit 3 of 5, stage 4 of 7": where the player stands, in words. */
export function positionText(state: PlayerState, shape: PlayerShape): string {
  return `Visit ${state.visit + 1} of ${shape.visits}, stage ${state.stage + 1} of ${shape.stages.length}`;
}

/** Milliseconds between autoplay steps: time to read a narration, and longer without motion. */
export function autoplayDelay(prefersReducedMotion: boolean): number {
  return prefersReducedMotion ? 8000 : 5000;
}
