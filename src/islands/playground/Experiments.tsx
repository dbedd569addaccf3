import { useEffect, useId, useState } from 'preact/hooks';
import type { PlaygroundState } from '../../lib/playground/state.ts';
import { withEngine, type Engine, type Step } from './engine.ts';

interface ExperimentsProps {
  /** The JSON inside the browser's session cookie, or null when there is no readable cookie. */
  readonly cookieJson: string | null;
  readonly disabled: boolean;
  readonly run: (step: Step) => void;
}

const EXPERIMENTS: ReadonlyArray<{
  label: string;
  text: string;
  send: (engine: Engine, state: PlaygroundState) => Promise<PlaygroundState>;
}> = [
  {
    label: 'Tamper with the cookie',
    text: 'Change the count inside the cookie to 99 without re-signing it.',
    send: (engine, state) => engine.tamperExperiment(state),
  },
  {
    label: 'Change the secret key',
    text: 'Give the app a new key: cookies signed with the old one stop verifying.',
    send: (engine, state) => engine.changeKeyExperiment(state),
  },
  {
    label: 'Rotate the key',
    text: 'New key, old key kept in SECRET_KEY_FALLBACKS: old cookies still verify.',
    send: (engine, state) => engine.rotateKeyExperiment(state),
  },
  {
    label: 'Remove the secret key',
    text: 'Run the counter with no app.secret_key: the write raises RuntimeError.',
    send: (engine, state) => engine.noSecretKeyExperiment(state),
  },
  {
    label: 'Let the session expire',
    text: 'Jump one second past PERMANENT_SESSION_LIFETIME and visit again.',
    send: (engine, state) => engine.expiryExperiment(state),
  },
];

/** One-click experiments, each on the lesson's set-up, and the cookie's hand-edit box. */
export function Experiments({ cookieJson, disabled, run }: ExperimentsProps) {
  return (
    <section class="pg-experiments" aria-labelledby="pg-experiments">
      <h3 id="pg-experiments">Experiments</h3>
      <p class="pg-muted">
        Each one first restores the lesson’s counter, key and a cookie to work on, says what it set
        up, then sends a request.
      </p>
      <ul>
        {EXPERIMENTS.map((experiment) => (
          <Experiment
            key={experiment.label}
            label={experiment.label}
            text={experiment.text}
            disabled={disabled}
            onClick={() => run(withEngine(experiment.send))}
          />
        ))}
      </ul>
      <HandEdit cookieJson={cookieJson} disabled={disabled} run={run} />
    </section>
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

/**
 * Edit the cookie's JSON without re-signing. The draft follows the cookie's data, but only when
 * that data changes: the clock moving on (which re-renders the anatomy) keeps a half-made edit.
 */
function HandEdit({ cookieJson, disabled, run }: ExperimentsProps) {
  const [draft, setDraft] = useState(cookieJson ?? '');
  useEffect(() => {
    if (cookieJson !== null) setDraft(cookieJson);
  }, [cookieJson]);
  const unavailable = disabled || cookieJson === null;
  return (
    <details class="pg-edit">
      <summary>Edit the cookie’s data by hand</summary>
      <label for="pg-draft">The JSON inside the cookie</label>
      {cookieJson === null && (
        <p id="pg-draft-why" class="pg-muted">
          The browser has no session cookie to edit yet: send a request first.
        </p>
      )}
      <textarea
        id="pg-draft"
        rows={3}
        spellcheck={false}
        value={draft}
        disabled={unavailable}
        aria-describedby={cookieJson === null ? 'pg-draft-why' : undefined}
        onInput={(event) => setDraft(event.currentTarget.value)}
      />
      <button
        type="button"
        class="button"
        disabled={unavailable}
        onClick={() => {
          const json = draft;
          run(withEngine(async (engine, state) => engine.tamperCookie(state, json)));
        }}
      >
        Put it in the cookie jar without re-signing
      </button>
    </details>
  );
}
