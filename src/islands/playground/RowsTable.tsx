import type { Row } from '../../lib/playground/state.ts';

/** One row per request, in the lesson's execution-table columns, named by what happened. */
export function RowsTable({ rows, trackedKey }: { rows: readonly Row[]; trackedKey: string }) {
  return (
    <div class="table-scroll" role="region" aria-label="Your requests" tabIndex={0}>
      <table class="stack-table pg-rows">
        <thead>
          <tr>
            <th scope="col">Request</th>
            <th scope="col">Session before</th>
            <th scope="col">Action</th>
            <th scope="col">Session after</th>
            <th scope="col">Response output</th>
            <th scope="col">
              <code>session['{trackedKey}']</code>
            </th>
            <th scope="col">What happened</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.visit} class={`pg-row pg-row-${row.outcome}`}>
              <th scope="row">
                <span class="pg-visit">{row.label}</span> <code>{row.request}</code>
              </th>
              <td data-label="Session before">
                <code>{row.before}</code>
              </td>
              <td data-label="Action">
                <code>{row.action}</code>
              </td>
              <td data-label="Session after">
                <code>{row.after}</code>
              </td>
              <td data-label="Response output">
                <samp>{row.output}</samp>
              </td>
              <td data-label={`session['${trackedKey}']`}>
                <code>{row.tracked}</code>
              </td>
              <td data-label="What happened">{row.note}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
