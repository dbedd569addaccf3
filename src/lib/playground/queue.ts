/** One action on the playground: the next state from the current one, at once or later. */
export type Step<S> = (state: S) => S | Promise<S>;

export interface StepQueueHooks<S> {
  /** The state the next step starts from (the latest one shown); null before the first state. */
  readonly current: () => S | null;
  /** Shows the state a step produced; `before` is the state the step started from. */
  readonly settle: (before: S, after: S) => void;
  /** A step threw (a bug: steps return problems as values); `state` is where it started. */
  readonly fail: (state: S, error: unknown) => void;
  /** True while at least one step is waiting or running, false when all are done. */
  readonly busy: (busy: boolean) => void;
}

/**
 * Runs steps one after another, each on the state the previous one left, so quick clicks are
 * queued rather than lost or applied to a stale state. With nothing queued, a synchronous step
 * settles before `run` returns, so controlled inputs (a checkbox, a text field) never lag.
 * Callers read event values before calling `run`: a queued step runs after the event is over.
 */
export function createStepQueue<S>(hooks: StepQueueHooks<S>): { run: (step: Step<S>) => void } {
  let tail: Promise<void> = Promise.resolve();
  let pending = 0;

  const enqueue = (step: Step<S>, startedFrom: S | null) => {
    pending += 1;
    if (pending === 1) hooks.busy(true);
    tail = tail.then(async () => {
      const state = startedFrom ?? hooks.current();
      try {
        if (state !== null) hooks.settle(state, await step(state));
      } catch (error) {
        if (state !== null) hooks.fail(state, error);
      } finally {
        pending -= 1;
        if (pending === 0) hooks.busy(false);
      }
    });
  };

  return {
    run(step) {
      const idle = pending === 0 ? hooks.current() : null;
      if (idle === null) {
        enqueue(step, null);
        return;
      }
      let result: S | Promise<S>;
      try {
        result = step(idle);
      } catch (error) {
        hooks.fail(idle, error);
        return;
      }
      if (result instanceof Promise) enqueue(() => result, idle);
      else hooks.settle(idle, result);
    },
  };
}
