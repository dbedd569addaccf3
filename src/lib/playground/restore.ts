import type { StoredCookie } from '../browser/set-cookie.ts';
import type { ServerConfig } from './config.ts';
import { SCENARIOS } from './scenarios.ts';
import type { Exchange, PlaygroundState, Row } from './state.ts';

type Check = (value: unknown) => boolean;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text: Check = (value) => typeof value === 'string';
const whole: Check = (value) => Number.isSafeInteger(value);
const flag: Check = (value) => typeof value === 'boolean';
const optional =
  (check: Check): Check =>
  (value) =>
    value === undefined || value === null || check(value);
const list =
  (check: Check): Check =>
  (value) =>
    Array.isArray(value) && value.every(check);
const oneOf =
  (...choices: readonly unknown[]): Check =>
  (value) =>
    choices.includes(value);
/** An object with at least these fields, each passing its check. */
const shape =
  (fields: Record<string, Check>): Check =>
  (value) =>
    isObject(value) && Object.entries(fields).every(([name, check]) => check(value[name]));

const config = shape({
  secretKey: text,
  noSecretKey: flag,
  fallbacks: list(text),
  lifetime: whole,
  permanent: flag,
} satisfies Record<keyof ServerConfig, Check>);

const cookie = shape({
  name: text,
  value: text,
  expires: optional(whole),
  attributes: list(text),
  httpOnly: flag,
  secure: flag,
  path: text,
  domain: optional(text),
  sameSite: optional(text),
} satisfies Record<keyof StoredCookie, Check>);

const row = shape({
  visit: whole,
  label: text,
  request: text,
  before: text,
  action: text,
  after: text,
  output: text,
  tracked: text,
  note: text,
  outcome: oneOf('ok', 'rejected', 'failed'),
} satisfies Record<keyof Row, Check>);

const exchange = shape({
  request: list(text),
  verification: text,
  response: shape({
    status: text,
    statusCode: whole,
    headers: list((header) => Array.isArray(header) && header.length === 2 && header.every(text)),
    body: text,
  }),
  exception: optional(text),
  warnings: list(text),
  // Never saved (see persist.ts): a restored exchange has no trace.
  trace: (value) => Array.isArray(value) && value.length === 0,
  program: text,
} satisfies Record<keyof Exchange, Check>);

const playgroundState = shape({
  scenario: oneOf(...Object.keys(SCENARIOS)),
  config,
  path: text,
  jar: list(cookie),
  clock: whole,
  rows: list(row),
  visits: whole,
  last: optional(exchange),
  notice: optional(text),
} satisfies Record<keyof PlaygroundState, Check>);

/**
 * `value` as a playground state (what `savedState` in `persist.ts` returns), or null when it is
 * not one: data of the wrong shape is discarded, never half-used. Cookies were saved with
 * `expires: undefined`, which JSON drops; they come back as browser-session cookies.
 */
export function validState(value: unknown): PlaygroundState | null {
  if (!playgroundState(value)) return null;
  const restored = value as PlaygroundState;
  return {
    ...restored,
    jar: restored.jar.map((stored) => ({
      ...stored,
      expires: stored.expires ?? undefined,
      domain: stored.domain ?? undefined,
      sameSite: stored.sameSite ?? undefined,
    })),
    last: restored.last ?? null,
    notice: restored.notice ?? null,
  };
}
