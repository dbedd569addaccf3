import type { ComponentChildren, TargetedFocusEvent, TargetedKeyboardEvent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { StageFrame } from '../../lib/player/frames.ts';
import {
  advance,
  atFirstStep,
  atFirstVisit,
  atLastStep,
  atLastVisit,
  autoplayDelay,
  initialPlayerState,
  keyAction,
  positionText,
  stepFromHash,
  stepHash,
  type PlayerAction,
  type PlayerShape,
} from '../../lib/player/steps.ts';
import Controls from './Controls.tsx';
import RequestWire from './RequestWire.tsx';
import SessionState from './SessionState.tsx';

/** One visit: its execution-table row id, its name, the authored narration and its stages. */
export interface PlayerVisit {
  id: string;
  request: string;
  narration: string;
  frames: StageFrame[];
}

interface Props {
  visits: PlayerVisit[];
  stages: { id: string; label: string }[];
  /** The app's code, server-rendered with `data-line` on each line. */
  code?: ComponentChildren;
  /** The concept flow, server-rendered with `data-stage` on each stage. */
  flow?: ComponentChildren;
  /** The execution table and tracker: elements with `data-step` are marked for the current visit. */
  children?: ComponentChildren;
}

/** Sets or clears `aria-current` on each element whose data attribute matches `current`. */
function markAll(root: HTMLElement, attribute: string, current: string, value: string): void {
  for (const element of root.querySelectorAll<HTMLElement>(`[${attribute}]`)) {
    if (element.getAttribute(attribute) === current) element.setAttribute('aria-current', value);
    else element.removeAttribute('aria-current');
  }
}

/**
 * Steps through every visit of the lesson, stage by stage: the narration of the stage (in a
 * polite status region), where the cookie is, the session before and after, and, in the
 * server-rendered views, the code line that runs, the concept-flow stage and the visit's table
 * row. The position lives in the URL (`#step-3-view`). Keys act only while focus is in the
 * player's panel. Autoplay waits while the pointer or focus is on what the learner reads, and
 * says so on its button.
 */
export default function StepPlayer({ visits, stages, code, flow, children }: Props) {
  const shape: PlayerShape = { visits: visits.length, stages: stages.map((stage) => stage.id) };
  const [ready, setReady] = useState(false);
  const [state, setState] = useState(initialPlayerState);
  const [pointerHold, setPointerHold] = useState(false);
  const [focusHold, setFocusHold] = useState(false);
  const [reducedMotion, setReducedMotion] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const visit = visits[state.visit]!;
  const frame = visit.frames[state.stage]!;
  const stage = stages[state.stage]!;
  const holding = pointerHold || focusHold;
  const delay = autoplayDelay(reducedMotion);

  const act = (action: PlayerAction) => {
    const next = advance(state, action, shape);
    setState(next);
    if (next.visit !== state.visit || next.stage !== state.stage) {
      history.replaceState(history.state, '', stepHash(next, shape));
    }
  };

  useEffect(() => {
    const follow = () => {
      const linked = stepFromHash(location.hash, shape);
      if (linked !== undefined) setState({ ...linked, playing: false });
    };
    follow();
    setReducedMotion(matchMedia('(prefers-reduced-motion: reduce)').matches);
    setReady(true);
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, [visits.length, stages.length]);

  useEffect(() => {
    const element = root.current;
    if (!ready || element === null) return;
    markAll(element, 'data-step', visit.id, 'step');
    markAll(element, 'data-stage', stage.id, 'step');
    markAll(element, 'data-line', String(frame.line ?? ''), 'true');
  }, [ready, visit, stage, frame]);

  useEffect(() => {
    if (!state.playing || holding) return;
    const timer = setTimeout(() => act({ type: 'tick' }), delay);
    return () => clearTimeout(timer);
  }, [state, holding, delay]);

  const onKeyDown = (event: TargetedKeyboardEvent<HTMLElement>) => {
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
  const moment = `${state.visit}-${state.stage}`;

  return (
    <div class="step-player" ref={root}>
      <section class="player-panel" aria-labelledby="player-heading" onKeyDown={onKeyDown}>
        <h2 id="player-heading">Step through the requests</h2>
        <Controls
          ready={ready}
          playing={state.playing}
          holding={holding}
          first={atFirstStep(state)}
          last={atLastStep(state, shape)}
          firstVisit={atFirstVisit(state)}
          lastVisit={atLastVisit(state, shape)}
          delay={delay}
          countdown={`${moment}-${String(holding)}`}
          act={act}
        />
        <div class="player-now" {...hold}>
          <div role="status">
            <p class="player-step">
              <strong>
                {visit.request}, stage {state.stage + 1}: {stage.label}
              </strong>{' '}
              <span class="player-position">({positionText(state, shape)})</span>
            </p>
            <p class="player-narration">
              {frame.narration.map((run) => (run.code ? <code>{run.text}</code> : run.text))}
            </p>
          </div>
        </div>
        <p class="player-keys" data-needs-js>
          While the player has focus: <kbd>←</kbd> and <kbd>→</kbd> step through the stages,{' '}
          <kbd>Page Up</kbd> and <kbd>Page Down</kbd> through the visits, <kbd>Home</kbd> and{' '}
          <kbd>End</kbd> go to the first and last step.
        </p>
      </section>
      <div class="player-code" {...hold}>
        {code}
      </div>
      {/* After the code, so on a phone the marked line sits right under the narration. */}
      <div class="player-detail" {...hold}>
        <p class="player-visit">
          <span class="player-visit-label">This visit:</span> {visit.narration}
        </p>
        <RequestWire frame={frame} moment={moment} />
        <SessionState frame={frame} />
      </div>
      <div class="player-flow" {...hold}>
        {flow}
      </div>
      <div class="player-views" {...hold}>
        {children}
      </div>
    </div>
  );
}
