import { describe, expect, test } from 'vitest';
import {
  mergeWordLists,
  runGuesses,
  type GuessOptions,
  type GuessProgress,
} from '../../../src/lib/inspector/guess-runner.ts';

/** A runner harness: a fake clock that advances 1 ms per key tested, and a log of events. */
function harness(secret: string | null, overrides: Partial<GuessOptions> = {}) {
  let time = 0;
  const events: string[] = [];
  const reports: GuessProgress[] = [];
  let cancelAfterPauses = Infinity;
  let pauses = 0;
  const options: GuessOptions = {
    test: (key) => {
      time += 1;
      events.push(`test ${key}`);
      return key === secret;
    },
    clock: () => time,
    pause: async () => {
      pauses += 1;
      events.push('pause');
    },
    cancelled: () => pauses >= cancelAfterPauses,
    onProgress: (progress) => {
      reports.push(progress);
      events.push(`progress ${progress.tried}/${progress.total}`);
    },
    progressEveryMs: 0,
    ...overrides,
  };
  return {
    options,
    events,
    reports,
    cancelAfter: (count: number) => (cancelAfterPauses = count),
  };
}

const keys = (count: number) => Array.from({ length: count }, (_, i) => `k${i}`);

describe('guessing runner', () => {
  test('tests keys in batches, pausing and reporting between batches', async () => {
    const run = harness(null, { batchSize: 2 });
    const outcome = await runGuesses(keys(5), run.options);
    expect(run.events).toEqual([
      'test k0',
      'test k1',
      'progress 2/5',
      'pause',
      'test k2',
      'test k3',
      'progress 4/5',
      'pause',
      'test k4',
    ]);
    expect(outcome).toEqual({ kind: 'not-found', tried: 5, total: 5, elapsedMs: 5 });
  });

  test('stops at the first matching key and counts it as tried', async () => {
    const run = harness('k3', { batchSize: 2 });
    const outcome = await runGuesses(keys(10), run.options);
    expect(outcome).toEqual({ kind: 'found', key: 'k3', tried: 4, total: 10, elapsedMs: 4 });
    expect(run.events.filter((event) => event.startsWith('test'))).toHaveLength(4);
  });

  test('reports progress at most once per interval, timed by the clock', async () => {
    const run = harness(null, { batchSize: 10, progressEveryMs: 25 });
    await runGuesses(keys(100), run.options);
    // Batches end at 10, 20, …, 90 ms; a report needs 25 ms since the previous one.
    expect(run.reports.map((report) => report.tried)).toEqual([10, 40, 70]);
    expect(run.reports.every((report) => report.total === 100)).toBe(true);
  });

  test('a cancel request takes effect after the current batch', async () => {
    const run = harness(null, { batchSize: 3 });
    run.cancelAfter(2);
    const outcome = await runGuesses(keys(20), run.options);
    expect(outcome).toEqual({ kind: 'cancelled', tried: 6, total: 20, elapsedMs: 6 });
  });

  test('a list shorter than one batch finishes without pausing', async () => {
    const run = harness(null);
    const outcome = await runGuesses(keys(3), run.options);
    expect(outcome.kind).toBe('not-found');
    expect(run.events).not.toContain('pause');
  });

  test('an empty list is simply not found', async () => {
    const outcome = await runGuesses([], harness('x').options);
    expect(outcome).toEqual({ kind: 'not-found', tried: 0, total: 0, elapsedMs: 0 });
  });
});

describe('merging word lists', () => {
  test('keeps the first occurrence of each key, in list order', () => {
    const merged = mergeWordLists(['secret\ndev\nsecret\n', 'changeme\ndev\nadmin']);
    expect(merged).toEqual({ keys: ['secret', 'dev', 'changeme', 'admin'], truncated: false });
  });

  test('the built-in list and a user list merge without repeats', () => {
    const builtIn = 'secret\nchangeme\n';
    const mine = 'my-app-key\r\nchangeme\r\n';
    expect(mergeWordLists([builtIn, mine]).keys).toEqual(['secret', 'changeme', 'my-app-key']);
  });

  test('tries lines exactly as written, except Windows line endings and empty lines', () => {
    const merged = mergeWordLists([' spaced key \r\n\r\n\ntab\there\n\n']);
    expect(merged.keys).toEqual([' spaced key ', 'tab\there']);
  });

  test('stops at the candidate limit and says so', () => {
    expect(mergeWordLists(['a\nb\nc\nd'], 3)).toEqual({ keys: ['a', 'b', 'c'], truncated: true });
    expect(mergeWordLists(['a\nb\nc\na'], 3)).toEqual({ keys: ['a', 'b', 'c'], truncated: false });
  });

  test('lists of nothing but blank lines give no keys', () => {
    expect(mergeWordLists(['', '\n\n\r\n']).keys).toEqual([]);
  });
});
