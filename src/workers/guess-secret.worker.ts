/**
 * The Web Worker that guesses a cookie's secret key, so the page stays responsive however long
 * the word list. It only wires the pure runner (`src/lib/inspector/guess-runner.ts`) to the
 * worker: messages in and out, the clock, the built-in list download and a pause between
 * batches that lets a cancel message in.
 */
import weakSecretsUrl from '../assets/weak-secrets.txt?url';
import {
  foundKey,
  prepareGuess,
  type GuessReport,
  type GuessRequest,
} from '../lib/inspector/guess-job.ts';
import { runGuesses } from '../lib/inspector/guess-runner.ts';
import type { WordList } from '../lib/inspector/word-list-lines.ts';

/** The parts of the worker's global scope used here (the DOM typings describe a window). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<GuessRequest>) => void) | null;
  postMessage(report: GuessReport): void;
}
const scope = self as unknown as WorkerScope;
const report = (message: GuessReport) => scope.postMessage(message);

let cancelled = false;

scope.onmessage = (event) => {
  if (event.data.type === 'cancel') {
    cancelled = true;
    return;
  }
  cancelled = false;
  void guess(event.data);
};

// A message through a channel of our own yields to the event loop without the 4 ms minimum
// that nested timers get, so pausing after every batch costs next to nothing.
const channel = new MessageChannel();
let resume = () => {};
channel.port1.onmessage = () => resume();
const pause = () =>
  new Promise<void>((resolve) => {
    resume = resolve;
    channel.port2.postMessage(null);
  });

async function guess(request: Extract<GuessRequest, { type: 'start' }>): Promise<void> {
  const lists: WordList[] = request.lists.map((text) => ({ text, reading: request.reading }));
  if (request.useBuiltInList) {
    const builtIn = await download(weakSecretsUrl);
    if (builtIn === null) {
      report({
        type: 'failed',
        message:
          'The built-in word list could not be downloaded (are you offline?). Untick it to guess with your own list only.',
      });
      return;
    }
    lists.unshift(builtIn);
  }
  const job = prepareGuess(request.cookie, lists);
  if (!job.ok) {
    report({ type: 'failed', message: job.message });
    return;
  }
  report({ type: 'started', total: job.keys.length, truncated: job.truncated });
  const outcome = await runGuesses(job.keys, {
    test: job.test,
    clock: () => performance.now(),
    pause,
    cancelled: () => cancelled,
    onProgress: (progress) => report({ type: 'progress', progress }),
  });
  report({
    type: 'done',
    outcome,
    found: outcome.kind === 'found' ? foundKey(outcome.key) : null,
  });
}

async function download(url: string): Promise<string | null> {
  try {
    const response = await fetch(url);
    return response.ok ? await response.text() : null;
  } catch {
    return null;
  }
}
