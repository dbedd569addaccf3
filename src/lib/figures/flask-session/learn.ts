/**
 * The Learn mode's API examples: each runs a few lines of view code against a session the
 * browser's cookie carries, through the session engine. `examples.json` holds the Python
 * (what learners read and what real Flask runs in `tests/conformance/gen_mode_figures.py`)
 * and the incoming session; the views below do to the session what that Python does.
 */
import { loadSessionCookie, pyRepr, type PyDict, type View } from '../../flask/index.ts';
import {
  FIGURE_CLOCK,
  LESSON_KEY,
  exchange,
  fromJson,
  signedCookie,
  type Exchange,
} from './exchange.ts';
import examples from './examples.json' with { type: 'json' };

export type ExampleId = keyof typeof examples;

export const exampleIds = Object.keys(examples) as ExampleId[];

export function isExampleId(id: string): id is ExampleId {
  return Object.hasOwn(examples, id);
}

/** An example's Python (the body of a view) and the session its request arrives with. */
export function exampleSource(id: ExampleId): { code: string; incoming: PyDict } {
  const { code, incoming } = examples[id];
  return { code, incoming: fromJson(incoming) as PyDict };
}

const views: Record<ExampleId, View> = {
  setitem: (session) => {
    session.setitem('count', 1);
    return pyRepr(session.toDict());
  },
  getitem: (session) => pyRepr(session.getitem('count')),
  'getitem-missing': (session) => pyRepr(session.getitem('count')),
  get: (session) => pyRepr(session.get('count', 0)),
  setdefault: (session) => {
    const cart = session.setdefault('cart', []);
    return `${pyRepr(cart)} ${pyRepr(session.toDict())}`;
  },
  pop: (session) => {
    const name = session.pop('user', null);
    return `${pyRepr(name)} ${pyRepr(session.toDict())}`;
  },
  clear: (session) => {
    session.clear();
    return pyRepr(session.toDict());
  },
  permanent: (session) => {
    session.permanent = true;
    session.setitem('user', 'alice');
    return pyRepr(session.permanent);
  },
  modified: (session) => {
    const cart = session.getitem('cart');
    if (Array.isArray(cart)) cart.push('pear');
    return pyRepr(session.modified);
  },
  new: (session) => pyRepr(session.new),
};

/** What one example shows: the incoming session's repr (as loaded: keys sorted) and the response. */
export interface ExampleFigure {
  /** `repr` of the session the request arrives with, e.g. `{'count': 2}`. */
  incoming: string;
  response: Exchange;
}

/** Runs an example: no cookie when the incoming session is empty (Flask never stores one). */
export async function runExample(id: ExampleId): Promise<ExampleFigure> {
  const { incoming } = exampleSource(id);
  if (Object.keys(incoming).length === 0) {
    return { incoming: '{}', response: await exchange(views[id], null) };
  }
  const cookie = await signedCookie(incoming);
  const loaded = await loadSessionCookie(cookie, { secretKey: LESSON_KEY, now: FIGURE_CLOCK });
  if (!loaded.ok) throw new Error(`example ${id}: its cookie does not load: ${loaded.message}`);
  return { incoming: pyRepr(loaded.session), response: await exchange(views[id], cookie) };
}
