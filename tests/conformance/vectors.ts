/**
 * Typed access to `vectors.json`, written by `gen_vectors.py` from real Flask, and the helpers
 * that turn its value descriptions and secret keys into engine inputs.
 */
import { readFileSync } from 'node:fs';
import {
  Markup,
  PyTuple,
  PyUUID,
  floatValue,
  intValue,
  newDict,
  type FlaskConfig,
  type PyValue,
  type SecretKey,
} from '../../src/lib/flask/index.ts';

/** A Python value as the generator describes it: `[type, payload]`. */
export type Description =
  | ['none']
  | ['bool', boolean]
  | ['int' | 'float' | 'str' | 'markup' | 'bytes' | 'uuid', string]
  | ['datetime', number]
  | ['list' | 'tuple', Description[]]
  | ['dict', [string, Description][]];

export type KeyJson = string | { bytes_hex: string };

export interface CookieVector {
  name: string;
  secret_key: KeyJson;
  timestamp: number;
  value: Description | null;
  tagged_json: string;
  compressed: boolean;
  cookie: string;
  /** What Flask makes of the cookie when loading it back at its own timestamp. */
  reload: LoadResult;
}

/** A Python call's result, or the exception it raised. */
export type Outcome = { ok: true; value: string } | { ok: false; class: string; message: string };

export type LoadResult =
  | {
      ok: true;
      timestamp: number;
      repr: string | null;
      repr_comparable: boolean;
      non_str_keys: boolean;
      redump?: Outcome;
    }
  | { ok: false; class: string; message: string; stage: 'loads' | 'session'; mro?: string[] };

export interface LoadVector {
  name: string;
  cookie: string;
  secret_keys: KeyJson[];
  now: number;
  max_age: number;
  result: LoadResult;
}

export interface HeaderVector {
  header: string;
  pairs: [string, string][];
  session: string | null;
}

export interface StepVector {
  endpoint: string;
  args: Record<string, string>;
  url: string;
  cookie_header: string | null;
  now: number;
  response: { status: string; headers: [string, string][]; body: string };
  warnings: string[];
  session: {
    present?: boolean;
    accessed?: boolean;
    modified?: boolean;
    repr?: string;
    repr_comparable?: boolean;
    /** The exception behind a 500; `line` is the lesson app's source line that raised it. */
    error?: { class: string; message: string; line?: number };
    /** Which key itsdangerous' `verify_signature` accepted: its index in the key list
     * (`[...SECRET_KEY_FALLBACKS, SECRET_KEY]`), absent when no cookie verified. */
    verified_by?: number;
  };
}

export interface RequestVector {
  name: string;
  app: string;
  config: Record<string, unknown> & { SECRET_KEY: KeyJson | null };
  steps: StepVector[];
}

export interface Vectors {
  meta: Record<string, string | number>;
  lesson_apps: Record<string, { source: string }>;
  fixtures: { big_value: string };
  cookies: CookieVector[];
  loads: LoadVector[];
  cookie_headers: HeaderVector[];
  requests: RequestVector[];
}

export const vectors = JSON.parse(
  readFileSync(new URL('./vectors.json', import.meta.url), 'utf8'),
) as Vectors;

/** The engine value a description stands for. */
export function fromDescription(description: Description): PyValue {
  switch (description[0]) {
    case 'none':
      return null;
    case 'bool':
      return description[1];
    case 'int':
      return intValue(BigInt(description[1]));
    case 'float':
      return floatValue(parseFloatRepr(description[1]));
    case 'str':
      return description[1];
    case 'markup':
      return new Markup(description[1]);
    case 'bytes':
      return hexBytes(description[1]);
    case 'uuid':
      return new PyUUID(description[1]);
    case 'datetime':
      return new Date(Math.floor(description[1]) * 1000);
    case 'list':
      return description[1].map(fromDescription);
    case 'tuple':
      return new PyTuple(description[1].map(fromDescription));
    case 'dict': {
      const dict = newDict();
      for (const [key, item] of description[1]) dict[key] = fromDescription(item);
      return dict;
    }
  }
}

function parseFloatRepr(text: string): number {
  if (text === 'nan') return NaN;
  if (text === 'inf') return Infinity;
  if (text === '-inf') return -Infinity;
  return Number(text);
}

function hexBytes(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g) ?? [], (pair) => parseInt(pair, 16));
}

/** A secret key from the vectors: text, or bytes given as hex. */
export function secretKey(key: KeyJson): SecretKey {
  return typeof key === 'string' ? key : hexBytes(key.bytes_hex);
}

/** The engine config for a request vector (the same Flask key names). */
export function flaskConfig(config: RequestVector['config']): FlaskConfig {
  const fallbacks = config['SECRET_KEY_FALLBACKS'] as KeyJson[] | undefined;
  return {
    ...config,
    SECRET_KEY: config.SECRET_KEY === null ? null : secretKey(config.SECRET_KEY),
    ...(fallbacks === undefined ? {} : { SECRET_KEY_FALLBACKS: fallbacks.map(secretKey) }),
  } as FlaskConfig;
}
