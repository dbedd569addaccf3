import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { StoredCookie } from '../lib/browser/set-cookie.ts';
import type { CookieAnatomy } from '../lib/playground/anatomy.ts';
import {
  HOST,
  LESSON_CONFIG,
  LIFETIME_CHOICES,
  hasSecretKey,
  type ServerConfig,
} from '../lib/playground/config.ts';
import { SCENARIOS, pythonSource, type ScenarioId } from '../lib/playground/scenarios.ts';
import {
  advanceClock,
  clearCookies,
  clearRows,
  initialState,
  restartBrowser,
  selectScenario,
  sessionCookie,
  setPath,
  updateConfig,
  type PlaygroundState,
  type Row,
} from '../lib/playground/state.ts';
import { announceRow, cookieLifetime } from '../lib/playground/describe.ts';
import { lazyModule } from '../lib/lazy-module.ts';
import { formatUtc } from '../lib/time-format.ts';
import { EditAndRun } from './python-runner/EditAndRun.tsx';

const HOUR = 60 * 60;
const DAY = 24 * HOUR;

type Engine = typeof import('../lib/playground/engine.ts');
type Step = (state: PlaygroundState) => PlaygroundState | Promise<PlaygroundState>;

/** The session engine, downloaded on first use (a failed download is retried next time). */
const loadEngine: () => Promise<Engine> = lazyModule(() => import('../lib/playground/engine.ts'));

const ENGINE_FAILED =
  'The simulator’s code could not be downloaded (are you offline?). Reload the page to try again.';

/** A step that needs the engine; a failed download leaves the state as it was, with a notice. */
const withEngine =
  (
    use: (engine: Engine, state: PlaygroundState) => Promise<PlaygroundState> | PlaygroundState,
  ): Step =>
  async (state) => {
    const engine = await loadEngine().catch(() => null);
    return engine === null ? { ...state, notice: ENGINE_FAILED } : use(engine, state);
  };

// Steps built from an event's value: the value is read when the event fires, since the step
// itself may run later (after queued requests), when the event object is no longer usable.
const chooseScenario =
  (scenario: ScenarioId): Step =>
  (state) =>
    selectScenario(state, scenario);
const goTo =
  (path: string): Step =>
  (state) =>
    setPath(state, path);
const configure =
  (change: Partial<ServerConfig>): Step =>
  (state) =>
    updateConfig(state, change);

/**
 * The session playground: a simulated browser and a simulated Flask app side by side. Every
 * action goes through `src/lib/playground/`; this component only renders state and wires events.
 * Server-rendered, its controls are disabled until the island has loaded.
 */
/** `inspectorUrl` is the cookie inspector's page, where the anatomy's cookie can be opened. */
export default function SessionPlayground({ inspectorUrl }: { inspectorUrl: string }) {
  const [state, setState] = useState<PlaygroundState | null>(null);
  const [busy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [anatomy, setAnatomy] = useState<CookieAnatomy | { ok: false; message: string } | null>(
    null,
  );
  const [draft, setDraft] = useState('');
  // While the learner runs their code on real Flask, requests go to Python instead of the engine.
  const [python, setPython] = useState<Step | null>(null);
  const latest = useRef<PlaygroundState | null>(null);
  const queue = useRef(Promise.resolve());
  const pending = useRef(0);
  const show = (next: PlaygroundState) => {
    latest.current = next;
    setState(next);
  };

  // The clock starts at the learner's real time, which only the browser knows.
  useEffect(() => show(initialState(Math.floor(Date.now() / 1000))), []);

  const cookie = state === null ? undefined : sessionCookie(state);
  useEffect(() => {
    if (state === null || cookie === undefined) {
      setAnatomy(null);
      return;
    }
    let current = true;
    loadEngine()
      .then((engine) => engine.cookieAnatomy(cookie, state.clock))
      .then((result) => {
        if (!current) return;
        setAnatomy(result);
        if (result.ok) setDraft(result.json);
      })
      .catch(() => {
        if (current) setAnatomy({ ok: false, message: ENGINE_FAILED });
      });
    return () => {
      current = false;
    };
  }, [cookie, state?.clock]);

  const settle = (before: PlaygroundState, next: PlaygroundState) => {
    show(next);
    const newRow = next.rows.length > before.rows.length ? next.rows.at(-1) : undefined;
    setAnnouncement(newRow ? announceRow(newRow) : (next.notice ?? ''));
  };

  // Actions run one after another, each on the state the previous one left, so quick clicks are
  // queued rather than lost or applied to a stale state. With nothing queued, a synchronous
  // change (a checkbox, the clock) applies at once so controlled inputs never lag. Handlers read
  // their control's value before calling `run`: a queued step runs after the event is over, when
  // `event.currentTarget` is null.
  const run = (step: Step) => {
    const idle = pending.current === 0 ? latest.current : null;
    if (idle !== null) {
      const result = step(idle);
      if (!(result instanceof Promise)) {
        settle(idle, result);
        return;
      }
      enqueue(() => result, idle);
      return;
    }
    enqueue(step);
  };

  const enqueue = (step: Step, startedFrom?: PlaygroundState) => {
    pending.current += 1;
    setBusy(true);
    queue.current = queue.current.then(async () => {
      const current = startedFrom ?? latest.current;
      try {
        if (current !== null) settle(current, await step(current));
      } catch (error) {
        // Steps return errors as values; reaching this is a bug, so say so rather than go quiet.
        const notice = `The playground hit an unexpected error: ${String(error)}`;
        if (current !== null) show({ ...current, notice });
        setAnnouncement(notice);
      } finally {
        pending.current -= 1;
        if (pending.current === 0) setBusy(false);
      }
    });
  };

  // Only disabled until hydration: disabling a focused button mid-request would drop keyboard
  // focus, and `run` queues actions anyway.
  const disabled = state === null;
  const scenario = SCENARIOS[state?.scenario ?? 'counter'];
  const config = state?.config;

  return (
    <div class="playground" aria-busy={busy}>
      {state === null && (
        <p class="pg-loading">
          The playground runs in your browser and needs JavaScript. Without it, the execution table
          above shows the same five visits.
        </p>
      )}

      <div class="pg-toolbar">
        <label>
          App{' '}
          <select
            value={scenario.id}
            disabled={disabled}
            onChange={(event) => run(chooseScenario(event.currentTarget.value as ScenarioId))}
          >
            {Object.values(SCENARIOS).map((option) => (
              <option value={option.id} key={option.id}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          class="button"
          disabled={disabled}
          onClick={() => run(withEngine((engine, s) => engine.replayLesson(s)))}
        >
          Replay the lesson’s 5 visits
        </button>
        <button
          type="button"
          class="button"
          disabled={disabled || state.rows.length === 0}
          onClick={() => run(clearRows)}
        >
          Clear the table
        </button>
      </div>

      <div class="pg-panes">
        <section class="pg-pane" aria-labelledby="pg-browser">
          <h3 id="pg-browser">Browser</h3>
          <form
            class="pg-address"
            onSubmit={(event) => {
              event.preventDefault();
              run(python ?? withEngine((engine, s) => engine.sendRequest(s)));
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
                onChange={(event) => run(goTo(event.currentTarget.value))}
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
            <button
              type="button"
              class="button"
              disabled={disabled}
              onClick={() => run(clearCookies)}
            >
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

          <h4>Clock</h4>
          <p class="pg-clock">
            {state === null ? (
              '—'
            ) : (
              <time dateTime={new Date(state.clock * 1000).toISOString()}>
                {formatUtc(state.clock)}
              </time>
            )}
          </p>
          <div class="pg-buttons">
            {[
              ['+1 hour', HOUR],
              ['+1 day', DAY],
              ['+31 days', 31 * DAY],
            ].map(([label, seconds]) => (
              <button
                type="button"
                class="button"
                key={label}
                disabled={disabled}
                aria-label={`Advance the clock ${String(label).slice(1)}`}
                onClick={() => run((s) => advanceClock(s, seconds as number))}
              >
                {label}
              </button>
            ))}
          </div>
        </section>

        <section class="pg-pane" aria-labelledby="pg-server">
          <h3 id="pg-server">Flask app</h3>
          <EditAndRun state={state} onSendChange={setPython}>
            <pre class="pg-code" tabIndex={0} aria-label="The app’s Python code">
              <code>{pythonSource(scenario, config ?? LESSON_CONFIG)}</code>
            </pre>
          </EditAndRun>
          <fieldset class="pg-config" disabled={disabled}>
            <legend>Configuration</legend>
            <label class="pg-field">
              <span>
                <code>SECRET_KEY</code>
              </span>
              <input
                type="text"
                spellcheck={false}
                autocomplete="off"
                value={(config ?? LESSON_CONFIG).secretKey}
                disabled={config?.noSecretKey}
                onChange={(event) => run(configure({ secretKey: event.currentTarget.value }))}
              />
            </label>
            <label class="pg-check">
              <input
                type="checkbox"
                checked={config?.noSecretKey ?? false}
                onChange={(event) => run(configure({ noSecretKey: event.currentTarget.checked }))}
              />
              <span>
                No secret key (leave <code>app.secret_key</code> unset)
              </span>
            </label>
            <p class="pg-field">
              <span>
                <code>SECRET_KEY_FALLBACKS</code>
              </span>
              <span>
                {config && config.fallbacks.length > 0 ? config.fallbacks.join(', ') : 'none'}
              </span>
            </p>
            <label class="pg-field">
              <span>
                <code>PERMANENT_SESSION_LIFETIME</code>
              </span>
              <select
                value={String((config ?? LESSON_CONFIG).lifetime)}
                onChange={(event) =>
                  run(configure({ lifetime: Number(event.currentTarget.value) }))
                }
              >
                {LIFETIME_CHOICES.map((choice) => (
                  <option value={String(choice.seconds)} key={choice.seconds}>
                    {choice.label}
                  </option>
                ))}
              </select>
            </label>
            <label class="pg-check">
              <input
                type="checkbox"
                checked={config?.permanent ?? false}
                onChange={(event) => run(configure({ permanent: event.currentTarget.checked }))}
              />
              <span>
                <code>session.permanent = True</code> in the view
              </span>
            </label>
          </fieldset>
        </section>
      </div>

      <section class="pg-experiments" aria-labelledby="pg-experiments">
        <h3 id="pg-experiments">Experiments</h3>
        <p class="pg-muted">
          Each button sets the experiment up and sends a request; the table below says what Flask
          did.
        </p>
        <ul>
          <Experiment
            label="Tamper with the cookie"
            text="Change the count inside the cookie to 99 without re-signing it."
            disabled={disabled}
            onClick={() => run(withEngine((engine, s) => engine.tamperExperiment(s)))}
          />
          <Experiment
            label="Change the secret key"
            text="Give the app a new key: cookies signed with the old one stop verifying."
            disabled={disabled}
            onClick={() => run(withEngine((engine, s) => engine.changeKeyExperiment(s)))}
          />
          <Experiment
            label="Rotate the key"
            text="New key, old key kept in SECRET_KEY_FALLBACKS: old cookies still verify."
            disabled={disabled}
            onClick={() => run(withEngine((engine, s) => engine.rotateKeyExperiment(s)))}
          />
          <Experiment
            label="Remove the secret key"
            text="Run the counter with no app.secret_key: the write raises RuntimeError."
            disabled={disabled}
            onClick={() => run(withEngine((engine, s) => engine.noSecretKeyExperiment(s)))}
          />
          <Experiment
            label="Let the session expire"
            text="Jump one second past PERMANENT_SESSION_LIFETIME and visit again."
            disabled={disabled}
            onClick={() => run(withEngine((engine, s) => engine.expiryExperiment(s)))}
          />
        </ul>
        <details class="pg-edit">
          <summary>Edit the cookie’s data by hand</summary>
          <label for="pg-draft">The JSON inside the cookie</label>
          <textarea
            id="pg-draft"
            rows={3}
            spellcheck={false}
            value={draft}
            disabled={disabled || cookie === undefined}
            onInput={(event) => setDraft(event.currentTarget.value)}
          />
          <button
            type="button"
            class="button"
            disabled={disabled || cookie === undefined}
            onClick={() => run(withEngine((engine, s) => engine.tamperCookie(s, draft)))}
          >
            Put it in the cookie jar without re-signing
          </button>
        </details>
      </section>

      {state?.notice && (
        <p class="pg-notice" role="note">
          {state.notice}
        </p>
      )}

      {state?.last && <ExchangeView exchange={state.last} />}

      <section class="pg-anatomy" aria-labelledby="pg-anatomy">
        <h3 id="pg-anatomy">Cookie anatomy</h3>
        <p class="pg-signed">
          <strong>Signed, not encrypted:</strong> anyone can read this; only the key holder can
          change it.
        </p>
        {anatomy === null ? (
          <p class="pg-muted">The browser has no session cookie yet. Send a request.</p>
        ) : anatomy.ok ? (
          <>
            <AnatomyView anatomy={anatomy} />
            <p class="pg-inspect">
              <a href={inspectorUrl + anatomy.inspectorFragment}>
                Open this cookie in the cookie inspector
              </a>{' '}
              to verify it with a key, sign your own or guess a weak key.
            </p>
          </>
        ) : (
          <p>{anatomy.message}</p>
        )}
      </section>

      <section aria-labelledby="pg-table">
        <h3 id="pg-table">Your requests</h3>
        <RowsTable rows={state?.rows ?? []} trackedKey={scenario.trackedKey} />
      </section>

      <div class="sr-only" role="status" aria-live="polite">
        {announcement}
      </div>
      {config && !hasSecretKey(config) && (
        <p class="pg-muted">
          With no secret key, Flask ignores session cookies and every write to the session raises
          RuntimeError.
        </p>
      )}
    </div>
  );
}

function Experiment(props: {
  label: string;
  text: string;
  disabled: boolean;
  onClick: () => void;
}) {
  const descriptionId = useId();
  return (
    <li>
      <button
        type="button"
        class="button"
        disabled={props.disabled}
        aria-describedby={descriptionId}
        onClick={props.onClick}
      >
        {props.label}
      </button>
      <span id={descriptionId}>{props.text}</span>
    </li>
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

function ExchangeView({ exchange }: { exchange: NonNullable<PlaygroundState['last']> }) {
  const response = exchange.response;
  return (
    <section class="pg-exchange" aria-labelledby="pg-exchange">
      <h3 id="pg-exchange">Last request and response</h3>
      <div class="pg-exchange-grid">
        <div>
          <h4>Request</h4>
          <pre tabIndex={0}>{exchange.request.join('\n')}</pre>
        </div>
        <div>
          <h4>Flask checks the cookie</h4>
          <p>{exchange.verification}</p>
          {exchange.exception && (
            <p class="pg-exception">
              Exception: <code>{exchange.exception}</code>
            </p>
          )}
        </div>
        <div>
          <h4>Response</h4>
          <pre tabIndex={0}>
            {[
              response.status,
              ...response.headers.map(([name, value]) => `${name}: ${value}`),
              '',
              response.body,
            ].join('\n')}
          </pre>
          {exchange.warnings.map((warning) => (
            <p class="pg-exception" key={warning}>
              Warning: {warning}
            </p>
          ))}
        </div>
      </div>
    </section>
  );
}

function AnatomyView({ anatomy }: { anatomy: CookieAnatomy }) {
  return (
    <>
      <p class="cookie-parts">
        <code>
          <span class="cookie-part cookie-part-payload">{anatomy.payloadPart}</span>.
          <span class="cookie-part cookie-part-time">{anatomy.timestampPart}</span>.
          <span class="cookie-part cookie-part-signature">{anatomy.signaturePart}</span>
        </code>
      </p>
      <dl class="pg-anatomy-list">
        <div>
          <dt>
            <span class="cookie-swatch cookie-part-payload" aria-hidden="true" />
            Data
            {anatomy.compressed ? ' (zlib-compressed)' : ''}
          </dt>
          <dd>
            <code>{anatomy.json}</code>, which Python reads as <code>{anatomy.session}</code>
          </dd>
        </div>
        <div>
          <dt>
            <span class="cookie-swatch cookie-part-time" aria-hidden="true" />
            Signed at
          </dt>
          <dd>
            {anatomy.signedAt === null ? 'unreadable' : `${anatomy.signedAt} (${anatomy.age})`}
          </dd>
        </div>
        <div>
          <dt>
            <span class="cookie-swatch cookie-part-signature" aria-hidden="true" />
            Signature (HMAC-SHA1)
          </dt>
          <dd>
            <code class="pg-hex">{anatomy.signatureHex ?? 'not valid base64'}</code>
          </dd>
        </div>
      </dl>
    </>
  );
}

function RowsTable({ rows, trackedKey }: { rows: readonly Row[]; trackedKey: string }) {
  if (rows.length === 0) {
    return <p class="pg-muted">No requests yet. Send one, or replay the lesson’s five visits.</p>;
  }
  return (
    <div class="table-scroll" role="region" aria-label="Your requests" tabIndex={0}>
      <table class="stack-table pg-rows">
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">Session before</th>
            <th scope="col">Action</th>
            <th scope="col">Session after</th>
            <th scope="col">Response output</th>
            <th scope="col">
              <code>session['{trackedKey}']</code>
            </th>
            <th scope="col">What happened</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.visit} class={`pg-row pg-row-${row.outcome}`}>
              <th scope="row">
                {row.visit}. <span class="pg-visit">{row.label}</span> <code>{row.request}</code>
              </th>
              <td data-label="Session before">
                <code>{row.before}</code>
              </td>
              <td data-label="Action">
                <code>{row.action}</code>
              </td>
              <td data-label="Session after">
                <code>{row.after}</code>
              </td>
              <td data-label="Response output">
                <samp>{row.output}</samp>
              </td>
              <td data-label={`session['${trackedKey}']`}>
                <code>{row.tracked}</code>
              </td>
              <td data-label="What happened">{row.note}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
