import type { TraceEvent } from '../../lib/flask/index.ts';
import type { ServerConfig } from '../../lib/playground/config.ts';
import { traceSteps } from '../../lib/playground/trace-steps.ts';

/** The last request stage by stage, each view line with the session before and after it. */
export function TraceView({
  events,
  config,
  program,
}: {
  events: readonly TraceEvent[];
  config: ServerConfig;
  /** The app's Python the trace's line numbers refer to. */
  program: string;
}) {
  return (
    <details class="pg-trace">
      <summary>Every step of this request, line by line</summary>
      {events.length === 0 ? (
        <p class="pg-muted">
          A request’s steps are not kept when you leave the page: send a request to see them.
        </p>
      ) : (
        <ol>
          {traceSteps(events, config, program).map((step, index) => (
            <li key={index} class={`pg-trace-${step.stage}`}>
              <strong>{step.title}</strong>
              {step.code !== null && (
                <pre class="pg-trace-code">
                  <code>
                    {`line ${step.code.line}: `}
                    {step.code.python}
                  </code>
                </pre>
              )}
              <ul>
                {step.facts.map((fact) => (
                  <li key={fact}>{fact}</li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
