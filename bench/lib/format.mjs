// Small pure helpers for the results: a median, and number and table formatting for Markdown.

/** Median of the numbers in `values` (nulls ignored), or null when there are none. */
export function median(values) {
  const sorted = values.filter((value) => typeof value === 'number').sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Bytes as KB (1 KB = 1024 bytes) with one decimal, e.g. `9.4 KB`; `–` for null. */
export function kb(bytes) {
  if (bytes === null || bytes === undefined) return '–';
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** Milliseconds as seconds with one decimal (`3.2 s`), or as `480 ms` below one second. */
export function duration(ms) {
  if (ms === null || ms === undefined) return '–';
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

/** A Markdown table; cells are converted with String() and `|` is escaped. */
export function markdownTable(headers, rows) {
  const cell = (value) =>
    String(value ?? '–')
      .replace(/\|/g, '\\|')
      .replace(/\n/g, ' ');
  return [
    `| ${headers.map(cell).join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ].join('\n');
}
