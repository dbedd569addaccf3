/**
 * The learner's side of guessing, checked in the page before any worker starts: a word-list
 * file read locally, and whether there is anything to guess with. Kept free of the engine so
 * the page can use it without downloading the engine.
 */
import { MAX_PASTED_LIST_CHARS, tooLong } from './limits.ts';

export const EMPTY_WORD_LIST =
  'The word list is empty: tick the built-in list or add keys of your own, one per line.';

/** The parts of a `File` this module reads. */
export interface ChosenFile {
  readonly name: string;
  readonly size: number;
  slice(start?: number, end?: number): Pick<Blob, 'arrayBuffer' | 'text'>;
}

/** Files up to this size are read when chosen, to count their lines; larger ones are streamed. */
export const COUNTED_FILE_BYTES = 1_000_000;

/** How much of a file is looked at to tell whether it is text. */
const SNIFFED_BYTES = 65_536;

/**
 * Whether a chosen word-list file can be used, with its text when it is small enough to count
 * its lines up front (`null` for a larger one: it is read a chunk at a time while guessing,
 * whatever its size) and its first 64 KiB as text, or why not: not text, unreadable.
 */
export async function readWordListFile(
  file: ChosenFile,
): Promise<{ ok: true; text: string | null; head: string } | { ok: false; message: string }> {
  try {
    const head = new Uint8Array(await file.slice(0, SNIFFED_BYTES).arrayBuffer());
    if (head.includes(0)) {
      return {
        ok: false,
        message: `${file.name} does not look like a text file (it contains NUL bytes).`,
      };
    }
    const text = file.size <= COUNTED_FILE_BYTES ? await file.slice().text() : null;
    return { ok: true, text, head: new TextDecoder().decode(head) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'unknown error';
    return { ok: false, message: `${file.name} could not be read (${reason}).` };
  }
}

/** The line shown under a file too large to read up front. */
export const streamedFileNote = (bytes: number) =>
  `${(bytes / 1024 / 1024).toFixed(1)} MB, read a chunk at a time while guessing.`;

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
