/**
 * The learner's side of guessing, checked in the page before any worker starts: a word-list
 * file read locally, and whether there is anything to guess with. Kept free of the engine so
 * the page can use it without downloading the engine.
 */
import type { SecretKey } from '../flask/index.ts';
import { looksLikePythonLiteral, parsePythonLiteral } from '../python-literal.ts';
import { MAX_PASTED_LIST_CHARS, fileTooLarge, tooLong } from './limits.ts';

export const EMPTY_WORD_LIST =
  'The word list is empty: tick the built-in list or add keys of your own, one per line.';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

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
 * (empty, or a str with a lone surrogate, which UTF-8 cannot encode) are `null` too.
 */
export function wordListKey(line: string): WordListKey | null {
  const text = line.endsWith('\r') ? line.slice(0, -1) : line;
  if (text === '') return null;
  if (!looksLikePythonLiteral(text)) return { key: text, literal: false };
  const parsed = parsePythonLiteral(text);
  if (!parsed.ok) return { key: text, literal: false };
  const { value } = parsed.literal;
  if (value.length === 0 || (typeof value === 'string' && LONE_SURROGATE.test(value))) return null;
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
export function countWordList(text: string): WordListCounts {
  let lines = 0;
  let literals = 0;
  let plain = 0;
  for (const line of text.split('\n')) {
    if (line === '' || line === '\r') continue;
    lines += 1;
    const read = wordListKey(line);
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

/** The parts of a `File` this module reads. */
export interface ChosenFile {
  readonly name: string;
  readonly size: number;
  text(): Promise<string>;
}

/** A word-list file's text, or why it cannot be used: too large, not text, or unreadable. */
export async function readWordListFile(
  file: ChosenFile,
): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  const large = fileTooLarge(file.name, file.size);
  if (large !== null) return { ok: false, message: large };
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'unknown error';
    return { ok: false, message: `${file.name} could not be read (${reason}).` };
  }
  if (text.includes('\u0000')) {
    return {
      ok: false,
      message: `${file.name} does not look like a text file (it contains NUL bytes).`,
    };
  }
  return { ok: true, text };
}

/** The problem with a pasted list, shown next to its field; `null` when it is fine. */
export function pastedListProblem(text: string): string | null {
  return tooLong('The pasted list', text, MAX_PASTED_LIST_CHARS);
}

export interface GuessStart {
  readonly cookie: string | null;
  readonly useBuiltInList: boolean;
  /** The pasted list and the file's text, if any. */
  readonly lists: readonly string[];
  /** Whether a list field shows a problem. */
  readonly listProblem: boolean;
}

/** Why guessing cannot start yet, in a sentence; `null` when it can. */
export function guessStartProblem(start: GuessStart): string | null {
  if (start.cookie === null) {
    return 'Decode a cookie first: the guesses are tested against its signature.';
  }
  if (start.listProblem) return 'Fix the word list first.';
  if (!start.useBuiltInList && start.lists.every((text) => text.trim() === '')) {
    return EMPTY_WORD_LIST;
  }
  return null;
}
