import { describe, expect, test } from 'vitest';
import { MAX_PASTED_LIST_CHARS } from '../../../src/lib/inspector/limits.ts';
import {
  COUNTED_FILE_BYTES,
  EMPTY_WORD_LIST,
  guessStartProblem,
  pastedListProblem,
  readWordListFile,
  streamedFileNote,
} from '../../../src/lib/inspector/word-lists.ts';

/** A chosen file as the page sees it; `reads` counts the bytes read from it. */
function file(name: string, content: string | Uint8Array<ArrayBuffer>, size?: number) {
  const blob = new Blob([content]);
  const reads: number[] = [];
  return {
    reads,
    name,
    size: size ?? blob.size,
    slice(start?: number, end?: number) {
      const part = blob.slice(start, end);
      reads.push(part.size);
      return part;
    },
  };
}

describe('word-list files', () => {
  test('a small file is read so that its lines can be counted', async () => {
    const text = "secret\r\ndev\nb'\\x01'\n";
    expect(await readWordListFile(file('keys.txt', text))).toEqual({ ok: true, text, head: text });
  });

  test('a large file is not read up front, whatever its size', async () => {
    const rockyou = file('rockyou.txt', 'a\n'.repeat(COUNTED_FILE_BYTES), 139_921_497);
    expect(await readWordListFile(rockyou)).toEqual({
      ok: true,
      text: null,
      head: 'a\n'.repeat(32_768),
    });
    expect(rockyou.reads).toEqual([65_536]);
    expect(streamedFileNote(rockyou.size)).toBe('133.4 MB, read a chunk at a time while guessing.');
  });

  test('a binary file is refused', async () => {
    expect(await readWordListFile(file('photo.jpg', Uint8Array.of(0xff, 0xd8, 0, 0x10)))).toEqual({
      ok: false,
      message: 'photo.jpg does not look like a text file (it contains NUL bytes).',
    });
  });

  test('a file that cannot be read says why', async () => {
    const gone = {
      name: 'gone.txt',
      size: 10,
      slice: () => ({
        arrayBuffer: () =>
          Promise.reject(
            new DOMException('A requested file could not be read.', 'NotReadableError'),
          ),
        text: () => Promise.resolve(''),
      }),
    };
    expect(await readWordListFile(gone)).toEqual({
      ok: false,
      message: 'gone.txt could not be read (A requested file could not be read.).',
    });
  });
});

describe('starting a guess', () => {
  const ready = {
    cookie: 'a.b.c',
    useBuiltInList: true,
    lists: [],
    fileBytes: 0,
    listProblem: false,
  };

  test('needs a decoded cookie', () => {
    expect(guessStartProblem({ ...ready, cookie: null })).toBe(
      'Decode a cookie first: the guesses are tested against its signature.',
    );
  });

  test('needs some keys: the built-in list or a list with more than blank lines', () => {
    expect(guessStartProblem(ready)).toBeNull();
    expect(guessStartProblem({ ...ready, useBuiltInList: false, lists: [' \n', ''] })).toBe(
      EMPTY_WORD_LIST,
    );
    expect(guessStartProblem({ ...ready, useBuiltInList: false, lists: ['\nsecret'] })).toBeNull();
    expect(guessStartProblem({ ...ready, useBuiltInList: false, fileBytes: 7 })).toBeNull();
  });

  test('waits until the list fields are fixed', () => {
    expect(guessStartProblem({ ...ready, listProblem: true })).toBe('Fix the word list first.');
  });

  test('a pasted list over the limit is a problem of its field', () => {
    expect(pastedListProblem('secret\n'.repeat(10))).toBeNull();
    expect(pastedListProblem('k'.repeat(MAX_PASTED_LIST_CHARS + 1))).toBe(
      'The pasted list is 1,000,001 characters long; the inspector reads at most 1,000,000.',
    );
  });
});
