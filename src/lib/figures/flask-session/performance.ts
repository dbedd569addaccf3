/**
 * The Performance mode's figures: how the cookie grows with the data (and where Werkzeug warns),
 * which views send `Set-Cookie` and `Vary: Cookie`, and the nested-list change that is lost
 * without `session.modified = True`. Every response comes from the session engine.
 */
import { intValue, loadSessionCookie, pyRepr, type View } from '../../flask/index.ts';
import { sourceView } from '../../lesson-apps/visit.ts';
import type { LessonAppId } from '../../lesson-apps/sources.ts';
import { FIGURE_CLOCK, LESSON_KEY, cookieValue, exchange, type Exchange } from './exchange.ts';

/** The list lengths the size figure stores: product ids `(i * 7919) % 100003` for i < n. */
export const SIZE_STEPS = [10, 250, 500, 1000, 1100] as const;

/** Werkzeug's `MAX_COOKIE_SIZE` default: longer `Set-Cookie` values draw a warning. */
export const MAX_COOKIE_SIZE = 4093;

export interface SizeRow {
  items: number;
  /** Characters of the whole `Set-Cookie` value, which Werkzeug measures. */
  headerLength: number;
  compressed: boolean;
  warned: boolean;
}

/** A view storing `n` product ids, as `session['viewed'] = [(i * 7919) % 100003 for i in range(n)]`. */
function storeIds(n: number): View {
  return (session) => {
    session.setitem(
      'viewed',
      Array.from({ length: n }, (_, i) => intValue(BigInt((i * 7919) % 100003))),
    );
    return 'stored';
  };
}

export async function cookieSizes(): Promise<SizeRow[]> {
  const rows: SizeRow[] = [];
  for (const items of SIZE_STEPS) {
    const response = await exchange(storeIds(items), null);
    const header = response.setCookie[0] ?? '';
    rows.push({
      items,
      headerLength: header.length,
      compressed: cookieValue(header).startsWith('.'),
      warned: response.warnings.length > 0,
    });
  }
  return rows;
}

function view(app: LessonAppId, name: string, args: Record<string, string> = {}): View {
  return sourceView(app, name, args);
}

/** Requests in a row, each carrying the cookie the previous response set (like a browser). */
async function visits(views: readonly View[], cookie: string | null): Promise<Exchange[]> {
  const responses: Exchange[] = [];
  let jar = cookie;
  for (const each of views) {
    const response = await exchange(each, jar);
    const set = response.setCookie[0];
    if (set !== undefined) jar = cookieValue(set) || null;
    responses.push(response);
  }
  return responses;
}

export interface HeaderCounts {
  /** Set-Cookie headers over three visits of the counter (which writes every time). */
  writer: number;
  /** The same for the read-only page, visited with the counter's cookie. */
  reader: number;
  /** `Vary` on the read-only page, which reads the session. */
  readerVary: string | null;
  /** `Vary` on a page that never touches the session. */
  untouchedVary: string | null;
}

const untouched: View = () => 'Hello';

export async function headerCounts(): Promise<HeaderCounts> {
  const counter = view('counter', 'index');
  const [first] = await visits([counter], null);
  const cookie = cookieValue(first?.setCookie[0] ?? '');
  const writes = await visits([counter, counter, counter], cookie);
  const reader = view('read-only', 'index');
  const reads = await visits([reader, reader, reader], cookie);
  const plain = await exchange(untouched, cookie);
  const count = (list: Exchange[]) => list.reduce((n, r) => n + r.setCookie.length, 0);
  return {
    writer: count(writes),
    reader: count(reads),
    readerVary: reads[0]?.vary ?? null,
    untouchedVary: plain.vary,
  };
}

export interface InPlaceRun {
  /** The page after each of /add/apple, /add/pear, /add/banana. */
  bodies: string[];
  /** The cart the browser's cookie holds at the end (`repr`), or `no cookie`. */
  stored: string;
}

async function cartRun(app: 'cart-lost-update' | 'cart-modified'): Promise<InPlaceRun> {
  const items = ['apple', 'pear', 'banana'];
  const responses = await visits(
    items.map((item) => view(app, 'add', { item })),
    null,
  );
  let jar: string | null = null;
  for (const response of responses) {
    const set = response.setCookie[0];
    if (set !== undefined) jar = cookieValue(set);
  }
  const loaded =
    jar === null
      ? null
      : await loadSessionCookie(jar, { secretKey: LESSON_KEY, now: FIGURE_CLOCK });
  return {
    bodies: responses.map((response) => response.body),
    stored: loaded?.ok ? pyRepr(loaded.session['cart'] ?? null) : 'no cookie',
  };
}

/** The cart app without and with `session.modified = True`. */
export async function inPlaceChange(): Promise<{ lost: InPlaceRun; kept: InPlaceRun }> {
  return { lost: await cartRun('cart-lost-update'), kept: await cartRun('cart-modified') };
}
