/** One worker of the guessing pool: the job in `src/lib/guess/guess-worker.ts`, on this worker's messages. */
import { guessWorker } from '../lib/guess/guess-worker.ts';
import type { FromWorker, ToWorker } from '../lib/guess/messages.ts';

/** The parts of the worker's global scope used here (the DOM typings describe a window). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  postMessage(report: FromWorker, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;
const handle = guessWorker((report, transfer) => scope.postMessage(report, transfer));
scope.onmessage = ({ data }) => handle(data);
