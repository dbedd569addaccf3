import { describe, expect, test } from 'vitest';
import { MAX_LIST_FILE_BYTES, MAX_PASTED_LIST_CHARS } from '../../../src/lib/inspector/limits.ts';
import {
  EMPTY_WORD_LIST,
  guessStartProblem,
  pastedListProblem,
  readWordListFile,
} from '../../../src/lib/inspector/word-lists.ts';

const file = (name: string, text: string, size = text.length) => ({
  name,
  size,
  text: () => Promise.resolve(text),
});

describe('word-list files', () => {
  test('a text file is read as it is', async () => {
    expect(await readWordListFile(file('keys.txt', 'secret\r\ndev\n'))).toEqual({
      ok: true,
      text: 'secret\r\ndev\n',
    });
  });

  test('a file over the size limit is refused without reading it', async () => {
    let read = false;
    const huge = {
      name: 'rockyou.txt',
      size: MAX_LIST_FILE_BYTES + 1,
      text: () => {
        read = true;
        return Promise.resolve('');
      },
    };
    expect(await readWordListFile(huge)).toEqual({
      ok: false,
      message: 'rockyou.txt is 16.0 MB; the inspector reads word lists of at most 16.0 MB.',
    });
    expect(read).toBe(false);
  });

  test('a binary file is refused', async () => {
    expect(await readWordListFile(file('photo.jpg', '\u00ff\u00d8\u0000\u0010'))).toEqual({
      ok: false,
      message: 'photo.jpg does not look like a text file (it contains NUL bytes).',
    });
  });

  test('a file that cannot be read says why', async () => {
    const gone = {
      name: 'gone.txt',
      size: 10,
      text: () =>
        Promise.reject(new DOMException('A requested file could not be read.', 'NotReadableError')),
    };
    expect(await readWordListFile(gone)).toEqual({
      ok: false,
      message: 'gone.txt could not be read (A requested file could not be read.).',
    });
  });
});

describe('starting a guess', () => {
  const ready = { cookie: 'a.b.c', useBuiltInList: true, lists: [], listProblem: false };

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
