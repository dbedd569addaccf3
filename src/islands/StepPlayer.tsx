import type { ComponentChildren, TargetedFocusEvent, TargetedKeyboardEvent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Lesson } from '../schemas/lesson.ts';
import { columnNames } from '../lib/lesson/ref-label.ts';
import {
  advance,
  atFirstStep,
  atLastStep,
  autoplayDelay,
  initialPlayerState,
  keyAction,
  stepFromHash,
  stepHash,
  stepValueText,
  type PlayerAction,
} from '../lib/player/steps.ts';

interface Props {
  steps: Lesson['execution']['steps'];
  stages: readonly { id: string; label: string }[];
  tracker: Lesson['tracker'];
  /** The server-rendered views the player drives: elements with `data-step` (table rows, tracker
   * cells) and `data-stage` (flow stages) get `aria-current="step"` while their step is current. */
  children?: ComponentChildren;
}

const facts = ['before', 'action', 'after', 'output'] as const;

/**
 * Steps through the execution table one request at a time, narrating each step in a polite
 * status region and keeping the step in the URL (`#step-3`). Keys act only while focus is in the
 * player's panel. Autoplay waits while the pointer or focus is on the narration or the lesson
 * views, and goes slower when the learner prefers reduced motion. Before hydration the controls
 * are disabled; without JavaScript the page lists every narration instead.
 */
export default function StepPlayer({ steps, stages, tracker, children }: Props) {
  const count = steps.length;
  const [ready, setReady] = useState(false);
  const [state, setState] = useState(initialPlayerState);
  const [pointerHold, setPointerHold] = useState(false);
  const [focusHold, setFocusHold] = useState(false);
  const views = useRef<HTMLDivElement>(null);
  const step = steps[state.step]!;
  const stageIndex = stages.findIndex((stage) => stage.id === step.stage);

  const act = (action: PlayerAction) => {
    const next = advance(state, action, count);
    setState(next);
    if (next.step !== state.step) history.replaceState(history.state, '', stepHash(next.step));
  };

  useEffect(() => {
    const follow = () => {
      const linked = stepFromHash(location.hash, count);
      if (linked !== undefined) setState({ step: linked, playing: false });
    };
    follow();
    setReady(true);
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, [count]);

  useEffect(() => {
    if (!ready) return;
    for (const element of views.current?.querySelectorAll<HTMLElement>('[data-step]') ?? []) {
      markCurrent(element, element.dataset['step'] === step.id);
    }
    for (const element of views.current?.querySelectorAll<HTMLElement>('[data-stage]') ?? []) {
      markCurrent(element, element.dataset['stage'] === step.stage);
    }
  }, [ready, step]);

  useEffect(() => {
    if (!state.playing || pointerHold || focusHold) return;
    const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
    const timer = setTimeout(() => act({ type: 'tick' }), autoplayDelay(reduced));
    return () => clearTimeout(timer);
  }, [state, pointerHold, focusHold]);

  const onKeyDown = (event: TargetedKeyboardEvent<HTMLElement>) => {
    // The slider handles its own arrow, Home and End keys.
    if ((event.target as HTMLElement).localName === 'input') return;
    const action = keyAction(event.key);
    if (!action || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    act(action);
  };

  const hold = {
    onMouseEnter: () => setPointerHold(true),
    onMouseLeave: () => setPointerHold(false),
    onFocusIn: () => setFocusHold(true),
    onFocusOut: (event: TargetedFocusEvent<HTMLElement>) => {
      if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocusHold(false);
    },
  };

  const first = atFirstStep(state);
  const last = atLastStep(state, count);
  // At an end, buttons are aria-disabled rather than disabled so a focused one keeps focus.
  const control = (disabled: boolean, action: PlayerAction) => ({
    type: 'button' as const,
    class: 'button',
    disabled: !ready,
    'aria-disabled': ready && disabled ? ('true' as const) : undefined,
    onClick: () => !disabled && act(action),
  });

  return (
    <div class="step-player">
      <section class="player-panel" aria-labelledby="player-heading" onKeyDown={onKeyDown}>
        <h2 id="player-heading">Step through the requests</h2>
        {/* Controls come first so they stay put while the narration's length changes. */}
        <div class="player-controls">
          <div class="player-slider">
            <label for="player-step">Step</label>
            <input
              id="player-step"
              type="range"
              min={1}
              max={count}
              step={1}
              value={state.step + 1}
              aria-valuetext={stepValueText({ steps, tracker }, state.step)}
              disabled={!ready}
              onInput={(event) => act({ type: 'go', step: Number(event.currentTarget.value) - 1 })}
            />
            <span aria-hidden="true">
              {state.step + 1} / {count}
            </span>
          </div>
          <div class="player-buttons">
            <button {...control(first, { type: 'restart' })}>
              <Icon path="M4 4h2.5v16H4zM20 4 8 12l12 8z" /> Restart
            </button>
            <button {...control(first, { type: 'previous' })}>
              <Icon path="M17 4 7 12l10 8z" /> Previous
            </button>
            {state.playing ? (
              <button {...control(false, { type: 'pause' })}>
                <Icon path="M6 4h4v16H6zM14 4h4v16h-4z" /> Pause
              </button>
            ) : (
              <button {...control(last, { type: 'play' })}>
                <Icon path="M7 4l13 8-13 8z" /> Play
              </button>
            )}
            <button {...control(last, { type: 'next' })}>
              Next <Icon path="M7 4l10 8-10 8z" />
            </button>
          </div>
        </div>
        <div class="player-now" {...hold}>
          <div role="status">
            <p class="player-step">
              <strong>
                Step {state.step + 1} of {count}:
              </strong>{' '}
              {step.request}
            </p>
            <p class="player-narration">{step.narration}</p>
          </div>
          {stageIndex >= 0 && (
            <p class="player-flow-stage">
              Concept flow, stage {stageIndex + 1}: {stages[stageIndex]!.label}
            </p>
          )}
          <dl class="player-facts">
            {facts.map((column) => (
              <div key={column}>
                <dt>{columnNames[column]}</dt>
                <dd>
                  {column === 'output' ? <samp>{step[column]}</samp> : <code>{step[column]}</code>}
                </dd>
              </div>
            ))}
          </dl>
        </div>
        <p class="player-keys">
          While the player has focus: <kbd>←</kbd> and <kbd>→</kbd> step, <kbd>Home</kbd> and{' '}
          <kbd>End</kbd> go to the first and last step.
        </p>
      </section>
      <div class="player-views" ref={views} {...hold}>
        {children}
      </div>
    </div>
  );
}

function markCurrent(element: HTMLElement, current: boolean): void {
  if (current) element.setAttribute('aria-current', 'step');
  else element.removeAttribute('aria-current');
}

function Icon({ path }: { path: string }) {
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="14" height="14">
      <path fill="currentColor" d={path} />
    </svg>
  );
}
