import { useEffect, useRef } from 'preact/hooks';
import { HOST } from '../../lib/playground/config.ts';
import type { Scenario } from '../../lib/playground/scenarios.ts';
import {
  advanceClock,
  clearCookies,
  restartBrowser,
  setPath,
  type PlaygroundState,
} from '../../lib/playground/state.ts';
import { formatUtc } from '../../lib/time-format.ts';
import { withEngine, type Results, type Step } from './engine.ts';

const HOUR = 60 * 60;
const DAY = 24 * HOUR;
const CLOCK_STEPS = [
  ['+1 hour', HOUR],
  ['+1 day', DAY],
  ['+31 days', 31 * DAY],
] as const;

interface BrowserPaneProps {
  readonly state: PlaygroundState | null;
  /** The views of results, once downloaded (`results.ts`). */
  readonly results: Results | null;
  readonly scenario: Scenario;
  readonly disabled: boolean;
  readonly run: (step: Step) => void;
}

/** The simulated browser: address bar, the page it shows, its cookie jar and the clock. */
export function BrowserPane({ state, results, scenario, disabled, run }: BrowserPaneProps) {
  // Set by "Send request" so the page it brings is scrolled into view (on phones the window may
  // sit below the fold); other actions that send requests keep the learner where they are.
  const reveal = useRef(false);
  return (
    <section class="pg-pane" aria-labelledby="pg-browser">
      <h3 id="pg-browser">Browser</h3>
      <form
        class="pg-address"
        onSubmit={(event) => {
          event.preventDefault();
          reveal.current = true;
          run(withEngine((engine, current) => engine.sendRequest(current)));
        }}
      >
        <label for="pg-path">Address</label>
        <div class="pg-address-row">
          <span class="pg-host" aria-hidden="true">
            http://{HOST}
          </span>
          <select
            id="pg-path"
            value={state?.path ?? '/'}
            disabled={disabled}
            onChange={(event) => {
              const path = event.currentTarget.value;
              run((current) => setPath(current, path));
            }}
          >
            {scenario.routes.map((route) => (
              <option value={route.path} key={route.path}>
                {route.path}
              </option>
            ))}
          </select>
          <button type="submit" class="button button-primary" disabled={disabled}>
            Send request
          </button>
        </div>
      </form>
      <BrowserWindow exchange={state?.last ?? null} reveal={reveal} results={results} />

      <h4>Cookie jar</h4>
      {state === null || state.jar.length === 0 ? (
        <p class="pg-muted">No cookies: the next request is a new visitor.</p>
      ) : (
        results && <results.CookieJar jar={state.jar} now={state.clock} />
      )}
      <div class="pg-buttons">
        <button type="button" class="button" disabled={disabled} onClick={() => run(clearCookies)}>
          Clear cookies (new visitor)
        </button>
        <button
          type="button"
          class="button"
          disabled={disabled}
          onClick={() => run(restartBrowser)}
        >
          Restart the browser
        </button>
      </div>

      <h4 id="pg-clock">Clock</h4>
      <p class="pg-clock">
        {state === null ? (
          '—'
        ) : (
          <time dateTime={new Date(state.clock * 1000).toISOString()}>
            {formatUtc(state.clock)}
          </time>
        )}
      </p>
      <div class="pg-buttons" role="group" aria-labelledby="pg-clock">
        {CLOCK_STEPS.map(([label, seconds]) => (
          <button
            type="button"
            class="button"
            key={label}
            disabled={disabled}
            onClick={() => run((current) => advanceClock(current, seconds))}
          >
            {label}
          </button>
        ))}
      </div>
    </section>
  );
}

/** The browser's window: the address it loaded and the page the last response drew. */
function BrowserWindow({
  exchange,
  reveal,
  results,
}: {
  exchange: PlaygroundState['last'];
  reveal: { current: boolean };
  results: Results | null;
}) {
  const frame = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!reveal.current || exchange === null) return;
    reveal.current = false;
    frame.current?.scrollIntoView({ block: 'nearest' });
  }, [exchange, results]);
  return (
    <div class="pg-window" ref={frame} role="region" aria-label="Page">
      {exchange === null ? (
        <>
          <p class="pg-window-bar">New tab</p>
          <p class="pg-muted">Send a request to see the page Flask answers.</p>
        </>
      ) : (
        results && <results.PageContent exchange={exchange} />
      )}
    </div>
  );
}
