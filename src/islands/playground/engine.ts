import { lazyModule } from '../../lib/lazy-module.ts';
import type { Step as QueueStep } from '../../lib/playground/queue.ts';
import type { PlaygroundState } from '../../lib/playground/state.ts';

export type Engine = typeof import('../../lib/playground/engine.ts');
export type Step = QueueStep<PlaygroundState>;

/** The session engine, downloaded on first use (a failed download is retried next time). */
export const loadEngine: () => Promise<Engine> = lazyModule(
  () => import('../../lib/playground/engine.ts'),
);

export type Results = typeof import('./results.ts');

/** The views of requests' results (`results.ts`), downloaded once there is a result to show. */
export const loadResults: () => Promise<Results> = lazyModule(() => import('./results.ts'));

export const ENGINE_FAILED =
  'The simulator’s code could not be downloaded (are you offline?). Reload the page to try again.';

/** A step that needs the engine; a failed download leaves the state as it was, with a notice. */
export const withEngine =
  (use: (engine: Engine, state: PlaygroundState) => Promise<PlaygroundState>): Step =>
  async (state) => {
    // Fetched alongside the engine, so the result's views are there when the result is.
    loadResults().catch(() => undefined);
    const engine = await loadEngine().catch(() => null);
    return engine === null ? { ...state, notice: ENGINE_FAILED } : use(engine, state);
  };
