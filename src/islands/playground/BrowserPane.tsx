import { useEffect, useRef } from 'preact/hooks';
import type { StoredCookie } from '../../lib/browser/set-cookie.ts';
import { HOST } from '../../lib/playground/config.ts';
import { cookieLifetime } from '../../lib/playground/describe.ts';
import { pageView } from '../../lib/playground/page.ts';
import type { Scenario } from '../../lib/playground/scenarios.ts';
import {
  advanceClock,
  clearCookies,
  restartBrowser,
  setPath,
  type PlaygroundState,
} from '../../lib/playground/state.ts';
import { formatUtc } from '../../lib/time-format.ts';
import { withEngine, type Step } from './engine.ts';

const HOUR = 60 * 60;
const DAY = 24 * HOUR;
const CLOCK_STEPS = [
  ['+1 hour', HOUR],
  ['+1 day', DAY],
  ['+31 days', 31 * DAY],
] as const;

interface BrowserPaneProps {
  readonly state: PlaygroundState | null;
  readonly scenario: Scenario;
  readonly disabled: boolean;
  readonly run: (step: Step) => void;
}

/** The simulated browser: address bar, the page it shows, its cookie jar and the clock. */
export function BrowserPane({ state, scenario, disabled, run }: BrowserPaneProps) {
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
      <BrowserWindow exchange={state?.last ?? null} reveal={reveal} />

      <h4>Cookie jar</h4>
      {state === null || state.jar.length === 0 ? (
        <p class="pg-muted">No cookies: the next request is a new visitor.</p>
      ) : (
        <ul class="pg-jar">
          {state.jar.map((stored) => (
            <CookieCard cookie={stored} now={state.clock} key={stored.name} />
          ))}
        </ul>
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

/** The browser's window: the page the last response drew (status line, then the page). */
function BrowserWindow({
  exchange,
  reveal,
}: {
  exchange: PlaygroundState['last'];
  reveal: { current: boolean };
}) {
  const frame = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!reveal.current || exchange === null) return;
    reveal.current = false;
    frame.current?.scrollIntoView({ block: 'nearest' });
  }, [exchange]);
  const page = exchange === null ? null : pageView(exchange.response);
  // The request line is `GET <path> HTTP/1.1`: the window's bar shows the address it loaded.
  const path = exchange?.request[0]?.split(' ')[1];
  return (
    <div class="pg-window" ref={frame} role="region" aria-label="Page">
      <p class="pg-window-bar">{path === undefined ? 'New tab' : `${HOST}${path}`}</p>
      {page === null ? (
        <p class="pg-muted">Send a request to see the page Flask answers.</p>
      ) : (
        <>
          <p class={page.ok ? 'pg-status' : 'pg-status pg-status-error'}>
            <span class="sr-only">Status: </span>
            {page.status}
          </p>
          {page.heading !== null && <p class="pg-page-heading">{page.heading}</p>}
          {page.text.map((line, index) => (
            <p class="pg-page-text" key={index}>
              {line}
            </p>
          ))}
        </>
      )}
    </div>
  );
}

function CookieCard({ cookie, now }: { cookie: StoredCookie; now: number }) {
  return (
    <li class="pg-cookie">
      <code class="pg-cookie-value">
        {cookie.name}={cookie.value}
      </code>
      <span class="pg-muted">{cookie.attributes.join('; ')}</span>
      <span>{cookieLifetime(cookie, now)}</span>
    </li>
  );
}
