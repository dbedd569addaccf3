import type { Response } from '../flask/index.ts';

/** What the simulated browser's window shows for a response. */
export interface PageView {
  /** The status line, e.g. `200 OK`. */
  readonly status: string;
  readonly ok: boolean;
  /** The page's main heading, for an HTML page such as Flask's 500 page; null for plain text. */
  readonly heading: string | null;
  /** The page's text: the body of a plain response, or the paragraphs of an HTML page. */
  readonly text: readonly string[];
}

const tagText = (html: string, tag: string) =>
  [...html.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, 'g'))].map((match) => match[1] ?? '');

/**
 * The page a browser renders for `response`. The lesson's views answer plain text; errors answer
 * Werkzeug's HTML error page (`<h1>` and `<p>`), shown as its heading and paragraphs. Text is
 * returned as text, never as markup.
 */
export function pageView(response: Response): PageView {
  const html = /^<!doctype html>/i.test(response.body);
  return {
    status: response.status,
    ok: response.statusCode < 400,
    heading: html ? (tagText(response.body, 'h1')[0] ?? null) : null,
    text: html ? tagText(response.body, 'p') : [response.body],
  };
}
