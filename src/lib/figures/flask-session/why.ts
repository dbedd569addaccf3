/**
 * The Why mode's figures: what two visitors see from a module-level counter and from the
 * session counter, and what happens when a visitor edits a counter they hold (a query string
 * against a signed cookie). The session side runs through the session engine.
 */
import { loadSessionCookie, newDict, type View } from '../../flask/index.ts';
import { sourceView } from '../../lesson-apps/visit.ts';
import { base64UrlEncode, utf8Encode } from '../../flask/encoding.ts';
import { FIGURE_CLOCK, LESSON_KEY, cookieValue, exchange, signedCookie } from './exchange.ts';

/** The lesson's counter (`COUNTER_PY`). */
export const counterView: View = sourceView('counter', 'index');

/** Who visits, in order: two browsers with their own cookie jars. */
export const VISITS = ['A', 'A', 'B', 'A', 'B'] as const;

export interface VisitorRow {
  visitor: (typeof VISITS)[number];
  /** The page the module-level counter answers. */
  globalBody: string;
  /** The page the session counter answers to the same browser. */
  sessionBody: string;
}

/** `GLOBAL_COUNTER_PY` and the session counter, visited in the order of `VISITS`. */
export async function twoVisitors(): Promise<VisitorRow[]> {
  let shared = 0;
  const jars: Record<string, string | null> = { A: null, B: null };
  const rows: VisitorRow[] = [];
  for (const visitor of VISITS) {
    shared += 1;
    const response = await exchange(counterView, jars[visitor] ?? null);
    const set = response.setCookie[0];
    if (set !== undefined) jars[visitor] = cookieValue(set);
    rows.push({ visitor, globalBody: `Count: ${shared}`, sessionBody: response.body });
  }
  return rows;
}

/** `QUERY_COUNTER_PY`'s page for an address's `count` (an int, as Python's `int()` reads it). */
export function queryCounterBody(count: number): string {
  return `Count: ${count + 1}`;
}

export interface ForgedCookie {
  /** The cookie Flask sent after three visits. */
  cookie: string;
  /** The JSON the visitor writes into the payload instead. */
  forgedJson: string;
  /** Their edited payload with the original timestamp and signature. */
  forgedCookie: string;
  /** itsdangerous' exception when Flask checks it. */
  rejectedWith: string;
  /** The page the counter answers to the forged cookie. */
  body: string;
}

/** A visitor rewrites the count in their cookie without the key; Flask starts a new session. */
export async function forgedCookie(): Promise<ForgedCookie> {
  const session = newDict();
  session['count'] = 3;
  const cookie = await signedCookie(session);
  const forgedJson = '{"count":1000000}';
  const [, timestamp, signature] = cookie.split('.');
  const forged = `${base64UrlEncode(utf8Encode(forgedJson))}.${timestamp}.${signature}`;
  const loaded = await loadSessionCookie(forged, { secretKey: LESSON_KEY, now: FIGURE_CLOCK });
  const response = await exchange(counterView, forged);
  return {
    cookie,
    forgedJson,
    forgedCookie: forged,
    rejectedWith: loaded.ok ? 'none' : loaded.error,
    body: response.body,
  };
}
