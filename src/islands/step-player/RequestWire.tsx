import type { StageFrame } from '../../lib/player/frames.ts';

/**
 * The browser ⇄ Flask diagram: the cookie travels with the request (stage 1), sits in Flask
 * while it works (stages 2–6) and travels back with the response (stage 7). The chip's movement
 * is a CSS animation, switched off under `prefers-reduced-motion`.
 */
export default function RequestWire({ frame, moment }: { frame: StageFrame; moment: string }) {
  const where =
    frame.flight === 'request'
      ? 'On its way to Flask with the request'
      : frame.flight === 'response'
        ? 'On its way back to the browser with the response'
        : 'In Flask, handling the request';
  return (
    <figure class="wire" data-flight={frame.flight}>
      <div class="wire-end wire-browser">Browser</div>
      <div class="wire-track" aria-hidden="true">
        <span class="wire-line wire-out">request →</span>
        <span class="wire-line wire-back">← response</span>
      </div>
      <div class="wire-end wire-flask">Flask</div>
      <code class="wire-cookie" key={moment}>
        {frame.carried}
      </code>
      <figcaption>
        {where}: <code>{frame.carried}</code>
      </figcaption>
    </figure>
  );
}
