import { SCENARIOS, type ScenarioId } from '../../lib/playground/scenarios.ts';
import { clearRows, resetPlayground, selectScenario } from '../../lib/playground/state.ts';
import { withEngine, type Step } from './engine.ts';

interface ToolbarProps {
  readonly scenario: ScenarioId;
  readonly hasRows: boolean;
  readonly disabled: boolean;
  readonly run: (step: Step) => void;
}

/** The app chooser and the buttons that act on the whole playground. */
export function Toolbar({ scenario, hasRows, disabled, run }: ToolbarProps) {
  return (
    <div class="pg-toolbar">
      <label>
        App{' '}
        <select
          value={scenario}
          disabled={disabled}
          onChange={(event) => {
            const chosen = event.currentTarget.value as ScenarioId;
            run((state) => selectScenario(state, chosen));
          }}
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
        onClick={() => run(withEngine((engine, state) => engine.replayLesson(state)))}
      >
        Replay the lesson’s 5 visits
      </button>
      <button
        type="button"
        class="button"
        disabled={disabled || !hasRows}
        onClick={() => run(clearRows)}
      >
        Clear the table
      </button>
      <button
        type="button"
        class="button"
        disabled={disabled}
        onClick={() => run(() => resetPlayground(Math.floor(Date.now() / 1000)))}
      >
        Reset playground
      </button>
    </div>
  );
}
