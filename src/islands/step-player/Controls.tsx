import type { PlayerAction } from '../../lib/player/steps.ts';

interface Props {
  ready: boolean;
  playing: boolean;
  /** Autoplay is on but waits because the pointer or focus is over what the learner reads. */
  holding: boolean;
  first: boolean;
  last: boolean;
  firstVisit: boolean;
  lastVisit: boolean;
  /** Autoplay's delay in milliseconds, for its progress bar. */
  delay: number;
  /** Changes whenever autoplay's countdown starts again, so the progress bar restarts. */
  countdown: string;
  act: (action: PlayerAction) => void;
}

/**
 * The player's buttons: visit and stage steps, autoplay with its progress to the next step, and
 * restart. Hidden without JavaScript (`data-needs-js`); disabled until the island hydrates. At an
 * end, buttons are aria-disabled rather than disabled so a focused one keeps focus.
 */
export default function Controls(props: Props) {
  const { ready, act } = props;
  const control = (disabled: boolean, action: PlayerAction) => ({
    type: 'button' as const,
    class: 'button',
    disabled: !ready,
    'aria-disabled': ready && disabled ? ('true' as const) : undefined,
    onClick: () => !disabled && act(action),
  });
  return (
    <div class="player-controls" data-needs-js>
      <div class="player-buttons">
        <button {...control(props.firstVisit && props.first, { type: 'previous-visit' })}>
          <Icon path="M4 4h2.5v16H4zM20 4 8 12l12 8z" /> Previous visit
        </button>
        <button {...control(props.first, { type: 'previous' })}>
          <Icon path="M17 4 7 12l10 8z" /> Back
        </button>
        <button {...control(props.last, { type: 'next' })}>
          Next <Icon path="M7 4l10 8-10 8z" />
        </button>
        <button {...control(props.lastVisit, { type: 'next-visit' })}>
          Next visit <Icon path="M4 4l12 8-12 8zM17.5 4H20v16h-2.5z" />
        </button>
      </div>
      <div class="player-autoplay">
        {props.playing ? (
          <button {...control(false, { type: 'pause' })}>
            <Icon path="M6 4h4v16H6zM14 4h4v16h-4z" />{' '}
            {props.holding ? 'Paused while you read' : 'Pause'}
          </button>
        ) : (
          <button {...control(props.last, { type: 'play' })}>
            <Icon path="M7 4l13 8-13 8z" /> Play
          </button>
        )}
        <button {...control(props.first, { type: 'restart' })}>Restart</button>
        {props.playing && !props.holding && (
          <span class="autoplay-progress" data-delay={props.delay} key={props.countdown}>
            <span class="sr-only">Next step in {props.delay / 1000} seconds</span>
          </span>
        )}
      </div>
    </div>
  );
}

function Icon({ path }: { path: string }) {
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="14" height="14">
      <path fill="currentColor" d={path} />
    </svg>
  );
}
