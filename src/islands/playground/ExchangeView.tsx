import type { ServerConfig } from '../../lib/playground/config.ts';
import type { Exchange } from '../../lib/playground/state.ts';
import { TraceView } from './TraceView.tsx';

/** The last request and response in full: headers sent, how Flask judged the cookie, the answer. */
export function ExchangeView({ exchange, config }: { exchange: Exchange; config: ServerConfig }) {
  const response = exchange.response;
  return (
    <section class="pg-exchange" aria-labelledby="pg-exchange">
      <h3 id="pg-exchange">Last request and response</h3>
      <div class="pg-exchange-grid">
        <div>
          <h4>Request</h4>
          <pre tabIndex={0}>{exchange.request.join('\n')}</pre>
        </div>
        <div>
          <h4>Flask checks the cookie</h4>
          <p>{exchange.verification}</p>
          {exchange.exception && (
            <p class="pg-exception">
              Exception: <code>{exchange.exception}</code>
            </p>
          )}
        </div>
        <div>
          <h4>Response</h4>
          <pre tabIndex={0}>
            {[
              response.status,
              ...response.headers.map(([name, value]) => `${name}: ${value}`),
              '',
              response.body,
            ].join('\n')}
          </pre>
          {exchange.warnings.map((warning) => (
            <p class="pg-exception" key={warning}>
              Warning: {warning}
            </p>
          ))}
        </div>
      </div>
      <TraceView events={exchange.trace} config={config} program={exchange.program} />
    </section>
  );
}
