import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { KernelName } from '../../lib/guess/kernel.ts';
import type { GuessOutcome as Outcome, GuessProgress, PoolRun } from '../../lib/guess/pool.ts';
import { percentRead, progressLine } from '../../lib/inspector/guess-format.ts';
import {
  guessStartProblem,
  pastedListProblem,
  readWordListFile,
  streamedFileNote,
} from '../../lib/inspector/word-lists.ts';
import type { KeyReading } from '../../lib/inspector/secret-keys.ts';
import { Field } from './Field.tsx';
import { LiteralToggle, hasLiteralLine } from './KeyField.tsx';
import { GuessOutcome, outcomeSummary } from './GuessOutcome.tsx';
import { loadEngine } from './load-engine.ts';

const LIST_ID = 'ci-guess-list';
const FILE_ID = 'ci-guess-file';

type Run =
  | { readonly state: 'idle' }
  | {
      readonly state: 'running';
      readonly progress: GuessProgress | null;
      /** Which kernel runs, in how many workers, once the first worker is ready. */
      readonly engine: string | null;
    }
  | { readonly state: 'done'; readonly outcome: Outcome; readonly engine: string | null };

interface LoadedFile {
  readonly file: File;
  /** The whole text of a small file (its lines are counted), `null` for a streamed one. */
  readonly text: string | null;
  /** The file's first 64 KiB as text, enough to tell whether it holds Python literals. */
  readonly head: string;
}

const count = (n: number) => n.toLocaleString('en-US');

/** Which kernel runs in how many workers; fewer workers than cores means the lists are short. */
const engineLine = (kernel: KernelName, workers: number) =>
  `${kernel === 'JavaScript' ? 'the JavaScript fallback (WebAssembly SIMD is not available here)' : 'WebAssembly SIMD'} in ${workers} background worker${workers === 1 ? '' : 's'}${workers < (navigator.hardwareConcurrency || 1) ? ' (lists this short need no more)' : ''}`;

/** Step 4: try a word list of keys against the cookie's signature, in a Web Worker. */
export function GuessSection(props: {
  readonly cookie: string | null;
  readonly disabled: boolean;
  readonly builtInListSize: number;
  /** Puts the found key into Sign, as text a key field reads back as that key. */
  readonly onUseKey: (typed: string) => void;
}) {
  const [useBuiltIn, setUseBuiltIn] = useState(true);
  const [pasted, setPasted] = useState('');
  const [reading, setReading] = useState<KeyReading>('auto');
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [startError, setStartError] = useState<string | null>(null);
  const [run, setRun] = useState<Run>({ state: 'idle' });
  const [status, setStatus] = useState('');
  const pool = useRef<PoolRun | null>(null);
  // Each run's number: reports from a run that was replaced are ignored.
  const runId = useRef(0);
  useEffect(() => () => pool.current?.cancel(), []);

  const readFile = async (chosen: File | undefined) => {
    setFile(null);
    setFileError(null);
    if (chosen === undefined) return;
    const read = await readWordListFile(chosen);
    if (!read.ok) {
      setFileError(read.message);
      return;
    }
    setFile({ file: chosen, text: read.text, head: read.head });
  };

  const pastedError = pastedListProblem(pasted);
  const pastedNote = useListNote(pasted, reading);
  const fileNote = useListNote(file?.text ?? '', reading);
  const literalTyped = useMemo(() => hasLiteralLine([pasted, file?.head ?? '']), [pasted, file]);

  const start = async () => {
    const problem = guessStartProblem({
      cookie: props.cookie,
      useBuiltInList: useBuiltIn,
      lists: [pasted],
      fileBytes: file?.file.size ?? 0,
      listProblem: pastedError !== null || fileError !== null,
    });
    setStartError(problem);
    if (problem !== null || props.cookie === null) {
      setStatus(`Not started: ${problem}`);
      return;
    }
    pool.current?.cancel();
    const id = ++runId.current;
    const current = () => id === runId.current;
    setRun({ state: 'running', progress: null, engine: null });
    setStatus('Guessing started.');
    let engine: string | null = null;
    let started: Awaited<ReturnType<typeof import('./start-guessing.ts').startGuessing>>;
    try {
      const { startGuessing } = await import('./start-guessing.ts');
      started = await startGuessing(
        {
          cookie: props.cookie,
          useBuiltInList: useBuiltIn,
          pasted,
          file: file?.file ?? null,
          reading,
        },
        {
          onKernel: (kernel, workers) => {
            engine = engineLine(kernel, workers);
            if (current()) setRun((r) => (r.state === 'running' ? { ...r, engine } : r));
          },
          onProgress: (progress) => {
            if (current()) setRun({ state: 'running', progress, engine });
          },
        },
      );
    } catch {
      started = { message: 'The guessing code could not be downloaded (are you offline?).' };
    }
    if (!current()) return;
    if ('message' in started) {
      finish({
        kind: 'failed',
        message: started.message,
        tried: 0,
        bytesDone: 0,
        totalBytes: 0,
        elapsedMs: 0,
      });
      return;
    }
    pool.current = started;
    const outcome = await started.outcome;
    if (current()) finish(outcome, engine);
  };

  const finish = (outcome: Outcome, engine: string | null = null) => {
    pool.current = null;
    setRun({ state: 'done', outcome, engine });
    setStatus(outcomeSummary(outcome));
  };

  const cancel = () => pool.current?.cancel();

  const running = run.state === 'running';
  return (
    <section id="guess" class="ci-section" aria-labelledby="guess-heading">
      <h2 id="guess-heading">4. Guess a weak secret</h2>
      <p>
        A key that is a word, a default or a tutorial’s example can be found by trying a list of
        them against the cookie’s signature, offline, as fast as the computer goes. This runs in
        your browser, in background workers on every core.
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
          void start();
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
              Built-in list of {count(props.builtInListSize)} weak keys (defaults shipped by
              Flask-based products such as Apache Superset, tutorial examples, common words and
              passwords, years, keyboard walks)
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
            note={pastedNote}
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
                {file.file.name}:{' '}
                {file.text === null
                  ? streamedFileNote(file.file.size)
                  : (fileNote ?? `${count(file.text.length)} characters read.`)}
              </p>
            )}
            {fileError !== null && (
              <p id={`${FILE_ID}-error`} class="ci-error">
                {fileError}
              </p>
            )}
          </div>
          <LiteralToggle literalTyped={literalTyped} reading={reading} onReading={setReading} />
          <p class="ci-hint">
            Lists of any size are read a chunk at a time, on every core. A key that appears twice is
            tried twice: remembering every key would cost more than trying it again.
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
            <span>Word lists read</span>
            <progress max={100} value={run.progress === null ? 0 : percentRead(run.progress)} />
          </label>
          <p>{run.progress === null ? 'Loading the word lists…' : progressLine(run.progress)}</p>
          {run.engine !== null && <p class="ci-hint">Trying keys with {run.engine}.</p>}
        </div>
      )}
      {run.state === 'done' && (
        <GuessOutcome outcome={run.outcome} engine={run.engine} onUseKey={props.onUseKey} />
      )}
      <p class="sr-only" role="status">
        {status}
      </p>
    </section>
  );
}

/**
 * How a list's lines are read, e.g. `55,982 lines: 55,970 Python literals, 12 plain.`, once the
 * reading code has loaded (`null` before, when offline, or for an empty list).
 */
function useListNote(text: string, reading: KeyReading): string | null {
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    if (text.trim() === '') setNote(null);
    else {
      loadEngine()
        .then(
          (engine) =>
            current && setNote(engine.describeWordList(engine.countWordList(text, reading))),
        )
        .catch(() => current && setNote(null));
    }
    return () => {
      current = false;
    };
  }, [text, reading]);
  return note;
}
