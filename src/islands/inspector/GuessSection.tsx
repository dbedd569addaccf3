import { useEffect, useRef, useState } from 'preact/hooks';
import type { GuessReport, GuessRequest } from '../../lib/inspector/guess-job.ts';
import { progressLine, triedIn } from '../../lib/inspector/guess-format.ts';
import type { GuessOutcome, GuessProgress } from '../../lib/inspector/guess-runner.ts';
import { MAX_CANDIDATES } from '../../lib/inspector/limits.ts';
import { keyRepr } from '../../lib/inspector/secret-keys.ts';
import {
  countWordList,
  describeWordList,
  guessStartProblem,
  pastedListProblem,
  readWordListFile,
} from '../../lib/inspector/word-lists.ts';
import type { SecretKey } from '../../lib/flask/index.ts';
import { Field } from './Field.tsx';

const LIST_ID = 'ci-guess-list';
const FILE_ID = 'ci-guess-file';

type Run =
  | { readonly state: 'idle' }
  | {
      readonly state: 'running';
      readonly progress: GuessProgress | null;
      readonly truncated: boolean;
    }
  | { readonly state: 'done'; readonly outcome: GuessOutcome; readonly truncated: boolean }
  | { readonly state: 'failed'; readonly message: string };

interface LoadedFile {
  readonly name: string;
  readonly text: string;
  /** How its lines were read, e.g. `55,982 lines: 55,970 Python literals, 12 plain.` */
  readonly lines: string;
}

const count = (n: number) => n.toLocaleString('en-US');

/** Step 4: try a word list of keys against the cookie's signature, in a Web Worker. */
export function GuessSection(props: {
  readonly cookie: string | null;
  readonly disabled: boolean;
  readonly builtInListSize: number;
  readonly onUseKey: (key: SecretKey) => void;
}) {
  const [useBuiltIn, setUseBuiltIn] = useState(true);
  const [pasted, setPasted] = useState('');
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [startError, setStartError] = useState<string | null>(null);
  const [run, setRun] = useState<Run>({ state: 'idle' });
  const [status, setStatus] = useState('');
  const worker = useRef<Worker | null>(null);

  const stopWorker = () => {
    worker.current?.terminate();
    worker.current = null;
  };
  useEffect(() => stopWorker, []);

  const readFile = async (chosen: File | undefined) => {
    setFile(null);
    setFileError(null);
    if (chosen === undefined) return;
    const read = await readWordListFile(chosen);
    if (read.ok) {
      setFile({
        name: chosen.name,
        text: read.text,
        lines: describeWordList(countWordList(read.text)),
      });
    } else setFileError(read.message);
  };

  const pastedError = pastedListProblem(pasted);

  const start = () => {
    const lists = [pasted, file?.text ?? ''].filter((text) => text !== '');
    const problem = guessStartProblem({
      cookie: props.cookie,
      useBuiltInList: useBuiltIn,
      lists,
      listProblem: pastedError !== null || fileError !== null,
    });
    setStartError(problem);
    if (problem !== null || props.cookie === null) {
      setStatus(`Not started: ${problem}`);
      return;
    }
    stopWorker();
    let started: Worker;
    try {
      started = new Worker(new URL('../../workers/guess-secret.worker.ts', import.meta.url), {
        type: 'module',
      });
    } catch {
      fail('The guessing code could not be started in this browser.');
      return;
    }
    worker.current = started;
    let truncated = false;
    started.onmessage = (event: MessageEvent<GuessReport>) => {
      const report = event.data;
      if (report.type === 'started') {
        truncated = report.truncated;
        setRun({
          state: 'running',
          progress: { tried: 0, total: report.total, elapsedMs: 0 },
          truncated,
        });
        setStatus(`Guessing: ${count(report.total)} keys to try.`);
      } else if (report.type === 'progress') {
        setRun({ state: 'running', progress: report.progress, truncated });
      } else if (report.type === 'done') {
        stopWorker();
        setRun({ state: 'done', outcome: report.outcome, truncated });
        setStatus(summary(report.outcome));
      } else {
        fail(report.message);
      }
    };
    started.onerror = () =>
      fail('The guessing code could not be downloaded or stopped unexpectedly (are you offline?).');
    const request: GuessRequest = {
      type: 'start',
      cookie: props.cookie,
      useBuiltInList: useBuiltIn,
      lists,
    };
    started.postMessage(request);
    setRun({ state: 'running', progress: null, truncated: false });
    setStatus('Guessing started.');
  };

  const fail = (message: string) => {
    stopWorker();
    setRun({ state: 'failed', message });
    setStatus(`Guessing failed: ${message}`);
  };

  const cancel = () => {
    const cancelRequest: GuessRequest = { type: 'cancel' };
    worker.current?.postMessage(cancelRequest);
  };

  const running = run.state === 'running';
  return (
    <section id="guess" class="ci-section" aria-labelledby="guess-heading">
      <h2 id="guess-heading">4. Guess a weak secret</h2>
      <p>
        A key that is a word, a default or a tutorial’s example can be found by trying a list of
        them against the cookie’s signature, offline, as fast as the computer goes. This runs in a
        background worker in your browser.
      </p>
      <p class="ci-note">
        {props.cookie === null ? (
          'No cookie yet: decode one in step 1.'
        ) : (
          <>
            Guessing the key of: <code class="ci-wrap">{props.cookie}</code>
          </>
        )}
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          start();
        }}
      >
        <fieldset disabled={props.disabled}>
          <legend class="sr-only">Word lists</legend>
          <label class="ci-check">
            <input
              type="checkbox"
              checked={useBuiltIn}
              onChange={(event) => setUseBuiltIn(event.currentTarget.checked)}
            />
            <span>
              Built-in list of {count(props.builtInListSize)} weak keys (defaults, tutorial
              examples, common words and passwords, years, keyboard walks)
            </span>
          </label>
          <Field
            id={LIST_ID}
            label="Your own keys, one per line (optional)"
            hint="Each line is tried exactly as written, or as Python has it when it is a literal such as 'dev' or b'\x01' (flask-unsign’s word-list format)."
            rows={3}
            value={pasted}
            onInput={setPasted}
            error={pastedError}
            note={pasted.trim() === '' ? null : describeWordList(countWordList(pasted))}
          />
          <div class="ci-field">
            <label for={FILE_ID}>Or a word list file (optional, read here, never uploaded)</label>
            <input
              id={FILE_ID}
              type="file"
              accept=".txt,.lst,.list,.dic,text/plain"
              aria-describedby={fileError === null ? undefined : `${FILE_ID}-error`}
              aria-invalid={fileError === null ? undefined : 'true'}
              onChange={(event) => void readFile(event.currentTarget.files?.[0])}
            />
            {file !== null && (
              <p class="ci-hint">
                {file.name}: {file.lines}
              </p>
            )}
            {fileError !== null && (
              <p id={`${FILE_ID}-error`} class="ci-error">
                {fileError}
              </p>
            )}
          </div>
          <p class="ci-hint">
            Repeated keys are tried once; at most {count(MAX_CANDIDATES)} keys per run.
          </p>
          {/* One button that turns into Cancel, so keyboard focus stays put during a run. */}
          {running ? (
            <button type="button" class="button" onClick={cancel}>
              Cancel
            </button>
          ) : (
            <button type="submit" class="button button-primary">
              Start guessing
            </button>
          )}
          {startError !== null && <p class="ci-error">{startError}</p>}
        </fieldset>
      </form>
      {running && (
        <div class="ci-result">
          <label class="ci-progress">
            <span>Keys tried</span>
            <progress max={run.progress?.total ?? 1} value={run.progress?.tried ?? 0} />
          </label>
          <p>{run.progress === null ? 'Loading the word lists…' : progressLine(run.progress)}</p>
        </div>
      )}
      {run.state === 'failed' && <p class="ci-error">{run.message}</p>}
      {run.state === 'done' && (
        <Outcome outcome={run.outcome} truncated={run.truncated} onUseKey={props.onUseKey} />
      )}
      <p class="sr-only" role="status">
        {status}
      </p>
    </section>
  );
}

function summary(outcome: GuessOutcome): string {
  if (outcome.kind === 'found') return `Found the secret key after ${count(outcome.tried)} keys.`;
  if (outcome.kind === 'cancelled') return `Cancelled after ${count(outcome.tried)} keys.`;
  return `Not found: none of the ${count(outcome.tried)} keys signed this cookie.`;
}

function Outcome(props: {
  readonly outcome: GuessOutcome;
  readonly truncated: boolean;
  readonly onUseKey: (key: SecretKey) => void;
}) {
  const { outcome } = props;
  const speed = `${triedIn(outcome)}.`;
  const cut = props.truncated
    ? ` The lists held more; only the first ${count(MAX_CANDIDATES)} were used.`
    : '';
  if (outcome.kind === 'found') {
    return (
      <div class="ci-result ci-bad">
        <p>
          <strong>Found the secret key:</strong> <code class="ci-key">{keyRepr(outcome.key)}</code>
        </p>
        <p class="ci-hint">Tried {speed}</p>
        <p>
          Anyone with this cookie can do the same, and with the key they can sign any session Flask
          will accept as genuine: log in as another user, make themselves an admin, change a price
          in a cart. The app needs a new random key, such as the output of{' '}
          <code>python -c "import secrets; print(secrets.token_hex())"</code>.
        </p>
        <button
          type="button"
          class="button button-primary"
          onClick={() => props.onUseKey(outcome.key)}
        >
          Sign a session with this key
        </button>
      </div>
    );
  }
  if (outcome.kind === 'cancelled') {
    return (
      <p class="ci-note">
        Cancelled after {count(outcome.tried)} of {count(outcome.total)} keys.
      </p>
    );
  }
  return (
    <div class="ci-result ci-ok">
      <p>
        <strong>Not found.</strong> None of the {count(outcome.tried)} keys signed this cookie.{cut}
      </p>
      <p class="ci-hint">Tried {speed}</p>
      <p>
        That only rules out these keys. A key made by <code>secrets.token_hex()</code> cannot be
        guessed this way at all.
      </p>
    </div>
  );
}
