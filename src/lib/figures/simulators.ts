/**
 * The simulators a lesson can declare (`simulator:` in its frontmatter), and what each offers
 * the modes: a playground, Learn examples and figures by id. A mode's content refers to these
 * ids; the schema rejects an id the lesson's simulator does not have. This module loads no
 * engine code, so the schema and every page can read it cheaply.
 */
import examples from './flask-session/examples.json' with { type: 'json' };

export interface Simulator {
  /** Whether the lesson can offer the Playground mode (the simulated browser and app). */
  playground: boolean;
  /** Learn examples: a few lines of view code run against a session. */
  examples: readonly string[];
  /** Figures the Why, Deep Dive and Performance modes can show. */
  figures: readonly string[];
  /** Requests whose response a Challenge "predict the response" problem asks for. */
  predictions: readonly string[];
}

export const simulators = {
  'flask-session': {
    playground: true,
    examples: Object.keys(examples),
    figures: [
      'two-visitors',
      'query-string',
      'forged-cookie',
      'cookie-anatomy',
      'compression',
      'tagged-json',
      'key-fallbacks',
      'cookie-size',
      'set-cookie-every-request',
      'vary-cookie',
      'in-place-change',
    ],
    predictions: ['key-changed-visit-3', 'key-fallback-visit-3', 'cart-third-add'],
  },
} as const satisfies Record<string, Simulator>;

export type SimulatorId = keyof typeof simulators;

export const simulatorIds = Object.keys(simulators) as [SimulatorId, ...SimulatorId[]];

export type FlaskSessionFigureId = (typeof simulators)['flask-session']['figures'][number];
