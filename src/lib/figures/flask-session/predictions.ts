/**
 * The requests whose response a Challenge "predict the response" problem asks for. Each runs
 * through the session engine at build time; the problem's right choice is the one whose text is
 * the body Flask answers. `tests/conformance/gen_mode_figures.py` runs the same requests in real
 * Flask.
 */
import { sourceView } from '../../lesson-apps/visit.ts';
import { cookieValue, exchange, LESSON_KEY } from './exchange.ts';
import { counterView } from './why.ts';
import type { FlaskConfig, View } from '../../flask/index.ts';

/** Visits in a row with the cookie each response sets; returns the last body. */
async function lastBody(visits: readonly { view: View; config: FlaskConfig }[]): Promise<string> {
  let jar: string | null = null;
  let body = '';
  for (const { view, config } of visits) {
    const response = await exchange(view, jar, config);
    const set = response.setCookie[0];
    if (set !== undefined) jar = cookieValue(set) || null;
    body = response.body;
  }
  return body;
}

const lessonKey: FlaskConfig = { SECRET_KEY: LESSON_KEY };
const newKey: FlaskConfig = { SECRET_KEY: 'new-secret' };
const newKeyWithFallback: FlaskConfig = {
  SECRET_KEY: 'new-secret',
  SECRET_KEY_FALLBACKS: [LESSON_KEY],
};

const add = (item: string): View => sourceView('cart-lost-update', 'add', { item });

/** Each prediction: the page the last request answers. */
export const predictions = {
  /** The counter twice with `'secret'`, then the key becomes `'new-secret'`: visit 3. */
  'key-changed-visit-3': () =>
    lastBody([
      { view: counterView, config: lessonKey },
      { view: counterView, config: lessonKey },
      { view: counterView, config: newKey },
    ]),
  /** The same, but the old key stays in `SECRET_KEY_FALLBACKS`. */
  'key-fallback-visit-3': () =>
    lastBody([
      { view: counterView, config: lessonKey },
      { view: counterView, config: lessonKey },
      { view: counterView, config: newKeyWithFallback },
    ]),
  /** The cart app without `session.modified`: /add/apple, /add/pear, then /add/banana. */
  'cart-third-add': () =>
    lastBody(['apple', 'pear', 'banana'].map((item) => ({ view: add(item), config: lessonKey }))),
} as const;

export type PredictionId = keyof typeof predictions;

/** Every prediction's response body, by id. */
export async function predictionBodies(): Promise<Record<PredictionId, string>> {
  const out = {} as Record<PredictionId, string>;
  for (const id of Object.keys(predictions) as PredictionId[]) out[id] = await predictions[id]();
  return out;
}
