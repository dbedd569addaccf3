/**
 * The lines of a word list read as keys: plain lines, or flask-unsign's one Python literal per
 * line, decided line by line and counted for the page. Loaded with the engine and the worker,
 * not with the page.
 */
import type { SecretKey } from '../flask/index.ts';
import { isUtf8Encodable, looksLikePythonLiteral, parsePythonLiteral } from '../python-literal.ts';
import type { KeyReading } from './secret-keys.ts';

/**
 * A word list: its text, one key per line, and how its lines are read (`plain`: every line as
 * written). A bare string is read `auto`.
 */
export type WordList = string | { readonly text: string; readonly reading: KeyReading };

/** A word-list line as a key to try, and whether it was written as a Python literal. */
export interface WordListKey {
  readonly key: SecretKey;
  readonly literal: boolean;
}

/**
 * The key one word-list line stands for, `null` for an empty line. A line that is a Python
 * `str` or `bytes` literal (flask-unsign's word lists hold one per line, read by
 * `flask_unsign.helpers.parse` with `ast.literal_eval`) is its value; any other line is tried
 * exactly as written, without a trailing carriage return. Literals Flask cannot use as a key
 * (empty, or a str with a lone surrogate, which UTF-8 cannot encode) are `null` too. With
 * `plain` reading every line is tried as written.
 */
export function wordListKey(line: string, reading: KeyReading = 'auto'): WordListKey | null {
  const text = line.endsWith('\r') ? line.slice(0, -1) : line;
  if (text === '') return null;
  if (reading === 'plain' || !looksLikePythonLiteral(text)) return { key: text, literal: false };
  const parsed = parsePythonLiteral(text);
  if (!parsed.ok) return { key: text, literal: false };
  const { value } = parsed.literal;
  if (value.length === 0 || (typeof value === 'string' && !isUtf8Encodable(value))) return null;
  return { key: value, literal: true };
}

/** How the lines of a word list were read. */
export interface WordListCounts {
  /** Lines that are not empty. */
  readonly lines: number;
  readonly literals: number;
  readonly plain: number;
}

/** Counts the lines of `text` read as Python literals and as plain text. */
export function countWordList(text: string, reading: KeyReading = 'auto'): WordListCounts {
  let lines = 0;
  let literals = 0;
  let plain = 0;
  for (const line of text.split('\n')) {
    if (line === '' || line === '\r') continue;
    lines += 1;
    const read = wordListKey(line, reading);
    if (read?.literal === true) literals += 1;
    else if (read !== null) plain += 1;
  }
  return { lines, literals, plain };
}

/** `55,982 lines: 55,970 Python literals, 12 plain`, the line shown under a word list. */
export function describeWordList(counts: WordListCounts): string {
  const count = (n: number, noun: string) =>
    `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
  const parts = [
    counts.literals > 0 ? count(counts.literals, 'Python literal') : '',
    counts.plain > 0 ? `${counts.plain.toLocaleString('en-US')} plain` : '',
  ].filter((part) => part !== '');
  const unusable = counts.lines - counts.literals - counts.plain;
  if (unusable > 0) parts.push(`${count(unusable, 'empty or unusable literal')} skipped`);
  return `${count(counts.lines, 'line')}: ${parts.join(', ')}.`;
}
