import type { PythonTraceEvent } from '../../lib/python/runtime.ts';
import type { LastRun } from './PythonRunner.tsx';

/**
 * What Python said about the last run: the traceback of an error (as Python prints it), what the
 * program printed or logged, the lines the view ran with the session before each, and for the
 * lesson's own code whether real Flask and the simulator agreed. All of it is the learner's
 * program's text, rendered as text.
 */
export function RunReport({ last }: { last: LastRun }) {
  const error = last.loadError ?? (last.outcome?.ok ? last.outcome.error : last.outcome?.error);
  const trace = last.outcome?.ok ? last.outcome.trace : [];
  return (
    <div class="pr-report">
      {last.agreement !== null &&
        (last.agreement.length === 0 ? (
          <p class="pr-agree">
            Real Flask agrees with the simulator: same status, headers, cookie and body.
          </p>
        ) : (
          <div class="pr-disagree">
            <p>Real Flask and the simulator differ:</p>
            <ul>
              {last.agreement.map((difference) => (
                <li key={difference}>{difference}</li>
              ))}
            </ul>
          </div>
        ))}
      {error && (
        <>
          <h4>{last.loadError ? 'Your code did not start' : 'Python raised an exception'}</h4>
          <pre class="pr-traceback" tabIndex={0}>
            {error.traceback || `${error.type}: ${error.message}`}
          </pre>
        </>
      )}
      {trace.length > 0 && <TraceTable trace={trace} />}
      {last.output !== '' && (
        <details>
          <summary>What your app printed or logged</summary>
          <pre tabIndex={0}>{last.output}</pre>
        </details>
      )}
    </div>
  );
}

function TraceTable({ trace }: { trace: readonly PythonTraceEvent[] }) {
  return (
    <div class="table-scroll" role="region" aria-label="Lines the view ran" tabIndex={0}>
      <table class="pr-trace">
        <caption>Lines the view ran, with the session before each</caption>
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">Event</th>
            <th scope="col">Session</th>
          </tr>
        </thead>
        <tbody>
          {trace.map((event, index) => (
            <tr key={index}>
              <th scope="row">{event.line}</th>
              <td>{whatHappened(event, trace[index - 1])}</td>
              <td>
                <code>{event.session?.repr ?? '—'}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A trace event in words; `before` is the event before it, if any. */
function whatHappened(event: PythonTraceEvent, before: PythonTraceEvent | undefined): string {
  if (event.event === 'line') return 'runs';
  if (event.event !== 'return') return `raises ${event.exception ?? ''}`;
  // Python reports the frame an exception leaves with a return event too.
  return before?.event === 'exception' ? 'leaves the view with the exception' : 'returns';
}
