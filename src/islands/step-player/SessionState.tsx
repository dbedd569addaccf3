import type { StageFrame } from '../../lib/player/frames.ts';

/** The session at this point of the request: before and after the stage, or once if unchanged. */
export default function SessionState({ frame }: { frame: StageFrame }) {
  const { before, after } = frame;
  if (before === null && after === null) {
    return (
      <p class="player-session-none">
        The <code>session</code> object only exists inside Flask, while it handles the request.
      </p>
    );
  }
  if (before === null || before === after) {
    return (
      <dl class="player-session">
        <dt>Session</dt>
        <dd>
          <code>{after}</code>
        </dd>
      </dl>
    );
  }
  return (
    <dl class="player-session">
      <dt>Session before</dt>
      <dd>
        <code>{before}</code>
      </dd>
      <dt>Session after</dt>
      <dd>
        <code>{after}</code>
      </dd>
    </dl>
  );
}
