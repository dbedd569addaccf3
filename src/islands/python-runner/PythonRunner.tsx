import { useEffect, useId, useRef, useState } from 'preact/hooks';
import workerScript from '../../workers/python.worker.ts?worker&url';
import type { ServerConfig } from '../../lib/playground/config.ts';
// The switch that sends the browser pane's requests to real Flask, and the simulator to compare
// real Flask with when the code is the lesson's (the usual case). Both through the engine module,
// the one the playground loads, so the chunks the page lists to preload stay as they were.
import * as engine from '../../lib/playground/engine.ts';
import type { Send } from '../../lib/playground/real-flask.ts';
import { pythonSource, type Scenario } from '../../lib/playground/scenarios.ts';
import {
  FLASK_VERSION,
  PYODIDE_VERSION,
  PYTHON_VERSION,
  pythonAssetBase,
} from '../../lib/python/assets.ts';
import { PythonWorker, type BootProgress } from '../../lib/python/client.ts';
import { forgetEdit, loadEdit, saveEdit } from '../../lib/python/edits.ts';
import {
  applyOutcome,
  pythonRequest,
  responseDifferences,
  checkCookieWithSimulator,
} from '../../lib/python/playground.ts';
import type { PythonError, RequestOutcome } from '../../lib/python/runtime.ts';
import { pythonTrace } from '../../lib/python/trace.ts';
import CodeEditor from './CodeEditor.tsx';
import { RunReport } from './RunReport.tsx';
import '../../styles/python-runner.css';

export interface PythonRunnerProps {
  /** The playground's app and settings: they give the code the editor starts from. */
  readonly scenario: Scenario;
  readonly config: ServerConfig;
  /** Leaves editing: the playground shows its code again (called with '', the loader's idle state). */
  readonly onClose: (idle: '') => void;
}

/** What the runner last saw from Python, for the report under the editor. */
export interface LastRun {
  readonly loadError: PythonError | null;
  readonly outcome: RequestOutcome | null;
  /** For unedited built-in apps: differences between the simulator and real Flask, or none. */
  readonly agreement: readonly string[] | null;
  readonly output: string;
}

type Phase =
  | { readonly kind: 'editing' }
  | { readonly kind: 'booting'; readonly progress: BootProgress | null }
  | { readonly kind: 'running' }
  | { readonly kind: 'failed'; readonly message: string };

const MB = 1024 * 1024;

/** One worker per page, started on the first "Run on real Flask" and kept across apps. */
let sharedWorker: PythonWorker | undefined;

/**
 * "Edit and run": the app's code in an editor, and "Run on real Flask", which downloads Python on
 * demand and from then on answers the playground's requests with the learner's program. Loaded
 * only when the learner starts editing.
 */
export default function PythonRunner(props: PythonRunnerProps) {
  const { scenario } = props;
  // The app's code as the playground shows it (its settings written in).
  const lessonSource = pythonSource(scenario, props.config);
  const [source, setSource] = useState(() => loadEdit(scenario.id) ?? lessonSource);
  const [resetKey, setResetKey] = useState(0);
  const [phase, setPhase] = useState<Phase>({ kind: 'editing' });
  const [status, setStatus] = useState('');
  const [last, setLast] = useState<LastRun | null>(null);
  const latestSource = useRef(source);
  latestSource.current = source;
  const loaded = useRef<string | null>(null);
  const helpId = useId();

  const edited = source !== lessonSource;

  useEffect(() => {
    if (edited) saveEdit(scenario.id, source);
    else forgetEdit(scenario.id);
  }, [source, edited]);

  // Another app chosen in the playground: its own code (or the learner's saved edit of it).
  useEffect(() => {
    setSource(loadEdit(scenario.id) ?? lessonSource);
    setResetKey((key) => key + 1);
  }, [scenario.id]);

  useEffect(
    () => () => {
      engine.sendToRealFlask(null);
    },
    [],
  );

  /** Loads the editor's program into Python if it changed; the load error, if any. */
  const ensureLoaded = async (worker: PythonWorker): Promise<PythonError | null> => {
    const program = latestSource.current;
    if (loaded.current === program) return null;
    const outcome = await worker.loadApp(program);
    if (!outcome.ok) {
      loaded.current = null;
      setLast({ loadError: outcome.error, outcome: null, agreement: null, output: outcome.output });
      return outcome.error;
    }
    loaded.current = program;
    return null;
  };

  const sendStep =
    (worker: PythonWorker): Send =>
    async (state) => {
      const loadError = await ensureLoaded(worker);
      if (loadError !== null) {
        setStatus(`Your code did not start: ${loadError.type}: ${loadError.message}`);
        return { ...state, notice: `Your code did not start on real Flask (${loadError.type}).` };
      }
      const request = pythonRequest(state);
      const outcome = await worker.request(request);
      if (!outcome.ok) loaded.current = null;
      const program = latestSource.current;
      const trace = outcome.ok ? await pythonTrace(request, outcome, program) : [];
      const next = await checkCookieWithSimulator(
        applyOutcome(state, scenario, request, outcome, trace, program),
        outcome,
      );
      let agreement: string[] | null = null;
      if (outcome.ok && latestSource.current === lessonSource && next.last !== null) {
        const simulated = await engine.simulateRequest(state);
        agreement =
          simulated.last === null
            ? null
            : responseDifferences(simulated.last.response, next.last.response);
      }
      setLast({ loadError: null, outcome, agreement, output: outcome.output });
      setStatus(
        outcome.ok
          ? `Real Flask answered ${outcome.response.status}.`
          : `The request did not finish: ${outcome.error.message}`,
      );
      return next;
    };

  const runOnFlask = async () => {
    const worker = (sharedWorker ??= new PythonWorker({
      workerScript: new URL(workerScript, location.href).href,
      indexURL: new URL(pythonAssetBase(import.meta.env.BASE_URL), location.href).href,
      onProgress: (progress) => setPhase({ kind: 'booting', progress }),
    }));
    setPhase({ kind: 'booting', progress: null });
    setStatus('Starting real Flask. A request you send meanwhile waits for it.');
    // Requests sent while Python starts wait for it, rather than reaching the simulator and
    // the lesson's code while the learner's edit is on screen.
    let started: (worker: PythonWorker | null) => void = () => {};
    const ready = new Promise<PythonWorker | null>((resolve) => (started = resolve));
    engine.sendToRealFlask(async (state) => {
      const running = await ready;
      return running === null
        ? { ...state, notice: 'Real Flask did not start, so this request was not sent.' }
        : sendStep(running)(state);
    });
    const booted = await worker.start();
    if (!booted.ok) {
      sharedWorker = undefined;
      started(null);
      engine.sendToRealFlask(null);
      setPhase({ kind: 'failed', message: booted.message });
      setStatus(booted.message);
      return;
    }
    loaded.current = null;
    const loadError = await ensureLoaded(worker);
    if (loadError !== null) {
      // A request that waited gets the same sentence from sendStep; later ones go to the simulator.
      started(worker);
      engine.sendToRealFlask(null);
      setPhase({ kind: 'editing' });
      setStatus(`Your code did not start: ${loadError.type}: ${loadError.message}`);
      return;
    }
    setLast(null);
    setPhase({ kind: 'running' });
    setStatus('Real Flask is running your code: send a request from the browser pane.');
    started(worker);
    engine.sendToRealFlask(sendStep(worker));
  };

  const reset = () => {
    setSource(lessonSource);
    setResetKey((key) => key + 1);
    // The report was about the edited code; the lesson's code has not answered anything yet.
    setLast(null);
    setStatus(
      phase.kind === 'running'
        ? 'Back to the lesson’s code: real Flask runs it from your next request.'
        : 'Back to the lesson’s code.',
    );
  };

  const booting = phase.kind === 'booting';
  return (
    <div class="python-runner">
      <p id={helpId} class="pg-muted">
        Edit the app, then run it on real Flask. Tab indents; press Escape, then Tab, to leave the
        editor.
      </p>
      <CodeEditor
        initial={source}
        resetKey={resetKey}
        label="Your app’s Python code (app.py)"
        describedBy={helpId}
        onChange={setSource}
      />
      <div class="pg-buttons">
        <button
          type="button"
          class="button button-primary"
          disabled={booting}
          onClick={() => void runOnFlask()}
        >
          {phase.kind === 'running' ? 'Run my code again on real Flask' : 'Run on real Flask'}
        </button>
        <button type="button" class="button" disabled={!edited} onClick={reset}>
          Reset to the lesson’s code
        </button>
        <button
          type="button"
          class="button"
          onClick={() => {
            engine.sendToRealFlask(null);
            props.onClose('');
          }}
        >
          Back to the simulator
        </button>
      </div>
      {booting && <BootProgressBar progress={phase.progress} />}
      {phase.kind === 'running' && (
        <p class="pg-muted">
          Your code sets Flask’s settings (such as <code>app.secret_key</code>): the Configuration
          panel applies to the simulator only.
        </p>
      )}
      <p class="pr-versions">
        Python {PYTHON_VERSION} (Pyodide {PYODIDE_VERSION}) with Debian 12’s Flask {FLASK_VERSION},
        downloaded on demand (13 MB unpacked, about 6 MB to download) and run in this tab: your code
        never leaves your browser.
      </p>
      <p class="pr-status" role="status">
        {status}
      </p>
      {phase.kind === 'failed' && <p class="pg-notice">{phase.message}</p>}
      {phase.kind === 'editing' && loaded.current === null && last?.loadError && (
        <RunReport last={last} />
      )}
      {phase.kind === 'running' && last !== null && <RunReport last={last} />}
    </div>
  );
}

function BootProgressBar({ progress }: { progress: BootProgress | null }) {
  if (progress === null) {
    return (
      <div class="pr-progress">
        <label>
          Downloading Python…
          <progress />
        </label>
      </div>
    );
  }
  if (progress.stage === 'starting') {
    return (
      <div class="pr-progress">
        <label>
          Starting Python and importing Flask…
          <progress />
        </label>
      </div>
    );
  }
  return (
    <div class="pr-progress">
      <label>
        Downloading Python: {(progress.loaded / MB).toFixed(1)} of{' '}
        {(progress.total / MB).toFixed(1)} MB
        <progress max={progress.total} value={progress.loaded} />
      </label>
    </div>
  );
}
