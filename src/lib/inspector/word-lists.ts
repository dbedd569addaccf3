/**
 * The learner's side of guessing, checked in the page before any worker starts: a word-list
 * file read locally, and whether there is anything to guess with. Kept free of the engine so
 * the page can use it without downloading the engine.
 */
import type { SecretKey } from '../flask/index.ts';
import { looksLikePythonLiteral, parsePythonLiteral } from '../python-literal.ts';
import { MAX_PASTED_LIST_CHARS, tooLong } from './limits.ts';

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
  slice(start?: number, end?: number): Pick<Blob, 'arrayBuffer' | 'text'>;
}

/** Files up to this size have their lines counted when chosen; larger ones are only streamed. */
export const COUNTED_FILE_BYTES = 1_000_000;

/** How much of a file is looked at to tell whether it is text. */
const SNIFFED_BYTES = 65_536;

/**
 * Whether a chosen word-list file can be used, with the line shown under it (its lines counted
 * as {@link describeWordList} does, or its size for a file too large to read up front: those are
 * read a chunk at a time while guessing, whatever their size), or why not: not text, unreadable.
 */
export async function readWordListFile(
  file: ChosenFile,
): Promise<{ ok: true; description: string } | { ok: false; message: string }> {
  try {
    const head = new Uint8Array(await file.slice(0, SNIFFED_BYTES).arrayBuffer());
    if (head.includes(0)) {
      return {
        ok: false,
        message: `${file.name} does not look like a text file (it contains NUL bytes).`,
      };
    }
    if (file.size <= COUNTED_FILE_BYTES) {
      return { ok: true, description: describeWordList(countWordList(await file.slice().text())) };
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'unknown error';
    return { ok: false, message: `${file.name} could not be read (${reason}).` };
  }
  const megabytes = (file.size / 1024 / 1024).toFixed(1);
  return {
    ok: true,
    description: `${megabytes} MB, read a chunk at a time while guessing.`,
  };
}

/** The problem with a pasted list, shown next to its field; `null` when it is fine. */
export function pastedListProblem(text: string): string | null {
  return tooLong('The pasted list', text, MAX_PASTED_LIST_CHARS);
}

export interface GuessStart {
  readonly cookie: string | null;
  readonly useBuiltInList: boolean;
  /** The pasted lists. */
  readonly lists: readonly string[];
  /** The chosen file's size in bytes, 0 when there is none. */
  readonly fileBytes: number;
  /** Whether a list field shows a problem. */
  readonly listProblem: boolean;
}

/** Why guessing cannot start yet, in a sentence; `null` when it can. */
export function guessStartProblem(start: GuessStart): string | null {
  if (start.cookie === null) {
    return 'Decode a cookie first: the guesses are tested against its signature.';
  }
  if (start.listProblem) return 'Fix the word list first.';
  if (
    !start.useBuiltInList &&
    start.fileBytes === 0 &&
    start.lists.every((text) => text.trim() === '')
  ) {
    return EMPTY_WORD_LIST;
  }
  return null;
}
