/** A run of text from lesson data: plain text, or code that was written between backticks. */
export interface TextRun {
  code: boolean;
  text: string;
}

/**
 * Splits lesson text on backticks so `session['count']` can be shown as code. An unmatched
 * backtick is kept as a literal character. The runs are rendered as text, never as HTML.
 */
export function splitInlineCode(text: string): TextRun[] {
  const runs: TextRun[] = [];
  let rest = text;
  for (;;) {
    const open = rest.indexOf('`');
    const close = open === -1 ? -1 : rest.indexOf('`', open + 1);
    if (close === -1) break;
    if (open > 0) runs.push({ code: false, text: rest.slice(0, open) });
    runs.push({ code: true, text: rest.slice(open + 1, close) });
    rest = rest.slice(close + 1);
  }
  if (rest !== '') runs.push({ code: false, text: rest });
  return runs;
}
