import { LIFETIME_CHOICES, type ServerConfig } from '../../lib/playground/config.ts';
import { pythonSource, type Scenario } from '../../lib/playground/scenarios.ts';
import { updateConfig } from '../../lib/playground/state.ts';
import type { FunctionComponent } from 'preact';
import { useState } from 'preact/hooks';
import type { PythonRunnerProps } from '../python-runner/PythonRunner.tsx';
import { loadResults, type Step } from './engine.ts';

interface ServerPaneProps {
  readonly config: ServerConfig;
  readonly scenario: Scenario;
  readonly disabled: boolean;
  readonly run: (step: Step) => void;
}

/**
 * The simulated Flask app: its Python code with the settings written in, and the settings. Its
 * "Edit and run on real Flask" button downloads the editor and Python runner (`python-runner/`)
 * through the playground's results module, so the page's own code names none of their files, and
 * the runner then takes the code's place.
 */
export function ServerPane(props: ServerPaneProps) {
  const { config, scenario, disabled, run } = props;
  // The runner once downloaded, or the button's text after a failed download (a click retries).
  const [Runner, setRunner] = useState<FunctionComponent<PythonRunnerProps> | string>('');
  const configure = (change: Partial<ServerConfig>) => run((state) => updateConfig(state, change));
  return (
    <section class="pg-pane" aria-labelledby="pg-server">
      <h3 id="pg-server">Flask app</h3>
      {typeof Runner !== 'string' ? (
        <Runner scenario={scenario} config={config} onClose={setRunner} />
      ) : (
        <>
          <pre class="pg-code" tabIndex={0} aria-label="The app’s Python code">
            <code>{pythonSource(scenario, config)}</code>
          </pre>
          <button
            type="button"
            class="button"
            onClick={() =>
              loadResults()
                .then((results) => results.loadPythonRunner())
                .then(
                  (runner) => setRunner(() => runner),
                  () => setRunner('Download failed: retry'),
                )
            }
          >
            {Runner || 'Edit and run on real Flask'}
          </button>
        </>
      )}
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
            value={config.secretKey}
            disabled={config.noSecretKey}
            onInput={(event) => configure({ secretKey: event.currentTarget.value })}
          />
        </label>
        <label class="pg-check">
          <input
            type="checkbox"
            checked={config.noSecretKey}
            onChange={(event) => configure({ noSecretKey: event.currentTarget.checked })}
          />
          <span>
            No secret key (leave <code>app.secret_key</code> unset)
          </span>
        </label>
        <p class="pg-field">
          <span>
            <code>SECRET_KEY_FALLBACKS</code>
          </span>
          <span>{config.fallbacks.length > 0 ? config.fallbacks.join(', ') : 'none'}</span>
        </p>
        <label class="pg-field">
          <span>
            <code>PERMANENT_SESSION_LIFETIME</code>
          </span>
          <select
            value={String(config.lifetime)}
            onChange={(event) => configure({ lifetime: Number(event.currentTarget.value) })}
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
            checked={config.permanent}
            onChange={(event) => configure({ permanent: event.currentTarget.checked })}
          />
          <span>
            <code>session.permanent = True</code> in the view
          </span>
        </label>
      </fieldset>
    </section>
  );
}
