/**
 * The learner's side of guessing, checked in the page before any worker starts: a word-list
 * file read locally, and whether there is anything to guess with. Kept free of the engine so
 * the page can use it without downloading the engine.
 */
import { MAX_PASTED_LIST_CHARS, fileTooLarge, tooLong } from './limits.ts';

export const EMPTY_WORD_LIST =
  'The word list is empty: tick the built-in list or add keys of your own, one per line.';

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
