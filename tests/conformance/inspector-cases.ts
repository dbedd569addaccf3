/**
 * Typed access to `inspector-cases.json`, written by `gen_inspector_cases.py` from real Python and
 * Flask: Python literals, keys, pasted cookies, displays and a flask-unsign word list.
 */
import { readFileSync } from 'node:fs';
import { hexToBytes } from '@noble/hashes/utils.js';
import type { SecretKey } from '../../src/lib/flask/index.ts';

export type KeyJson = string | { bytes_hex: string };

export type LiteralCase =
  | { source: string; ok: true; type: 'str'; value: string }
  | { source: string; ok: true; type: 'bytes'; hex: string }
  | { source: string; ok: false };

/** What Flask's session interface made of a cookie: the session's repr or the exception class. */
export type FlaskLoad = { ok: true; repr: string } | { ok: false; error: string };

export interface KeyCase {
  name: string;
  /** The key as a learner types it into a key field. */
  typed: string;
  key: KeyJson;
  session: Record<string, unknown>;
  timestamp: number;
  cookie: string;
  load: FlaskLoad;
}

export interface LoadCase {
  name: string;
  pasted: string;
  /** The cookie Flask receives; `null` when the input deletes the cookie. */
  cookie: string | null;
  key: string;
  now: number;
  load?: FlaskLoad;
  /** The timestamp part as a decimal integer, exactly. */
  timestamp?: string;
  legacy_signed_at?: string;
}

export interface DisplayCase {
  name: string;
  json: string;
  cookie: string;
  load: FlaskLoad;
}

export interface WordListCase {
  lines: { line: string; kind: 'literal' | 'plain'; key: KeyJson }[];
  cookie: string;
  found: string;
}

interface Cases {
  meta: { clock: number; max_age: number };
  literals: LiteralCase[];
  keys: KeyCase[];
  loads: LoadCase[];
  displays: DisplayCase[];
  word_list: WordListCase;
}

export const cases = JSON.parse(
  readFileSync(new URL('inspector-cases.json', import.meta.url), 'utf8'),
) as Cases;

/** The engine's form of a key from the cases file. */
export function secretKey(key: KeyJson): SecretKey {
  return typeof key === 'string' ? key : hexToBytes(key.bytes_hex);
}

/** The case named `name` in `list`; throws when the generator no longer writes it. */
export function named<T extends { name: string }>(list: readonly T[], name: string): T {
  const found = list.find((item) => item.name === name);
  if (found === undefined) throw new Error(`no case named ${name}`);
  return found;
}
