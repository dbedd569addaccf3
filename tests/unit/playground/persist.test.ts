import { beforeEach, describe, expect, test, vi } from 'vitest';
import { changeKeyExperiment, replayLesson } from '../../../src/lib/playground/experiments.ts';
import {
  STORAGE_KEY,
  STORED_VERSION,
  saveState,
  savedState,
} from '../../../src/lib/playground/persist.ts';
import { validState } from '../../../src/lib/playground/restore.ts';
import { sendRequest } from '../../../src/lib/playground/run.ts';
import { initialState, updateConfig } from '../../../src/lib/playground/state.ts';
import { MemoryStorage } from '../fixtures/memory-storage.ts';

const clock = 1_700_000_000;

// The tab's sessionStorage, fresh for each test.
beforeEach(() => {
  vi.stubGlobal('sessionStorage', new MemoryStorage());
});

/** What the island gets back on its next load: the saved state, checked. */
const restored = () => validState(savedState());
const restoredFrom = (text: string) => {
  sessionStorage.setItem(STORAGE_KEY, text);
  return restored();
};

describe('the playground’s state kept for the tab', () => {
  test('rows, jar, clock and settings come back as they were', async () => {
    const state = await changeKeyExperiment(await replayLesson(initialState(clock)));
    saveState(state);
    // All but the last request's trace, which holds Python values JSON cannot carry.
    expect(state.last!.trace.length).toBeGreaterThan(0);
    expect(restored()).toEqual({ ...state, last: { ...state.last!, trace: [] } });
  });

  test('a permanent cookie keeps its Expires; a browser-session cookie stays one', async () => {
    const permanent = await sendRequest(updateConfig(initialState(clock), { permanent: true }));
    saveState(permanent);
    expect(restored()!.jar[0]!.expires).toBe(clock + 31 * 86_400);
    const plain = await sendRequest(initialState(clock));
    saveState(plain);
    expect(restored()!.jar).toEqual(plain.jar);
    expect(restored()!.jar[0]!.expires).toBeUndefined();
  });

  test('saving null forgets the state (Reset)', async () => {
    saveState(await sendRequest(initialState(clock)));
    saveState(null);
    expect(sessionStorage.getItem(STORAGE_KEY)).toBeNull();
    expect(restored()).toBeNull();
  });

  test('another version’s state is discarded', async () => {
    const state = await sendRequest(initialState(clock));
    expect(restoredFrom(JSON.stringify({ version: STORED_VERSION + 1, state }))).toBeNull();
    expect(restoredFrom(JSON.stringify(state))).toBeNull();
  });

  test('a session holding values JSON cannot carry is still saved', async () => {
    const sent = await sendRequest(initialState(clock));
    const withBigInt = { ...sent, last: { ...sent.last!, trace: [{ n: 2n ** 64n }] as never } };
    saveState(withBigInt);
    expect(restored()!.rows).toEqual(sent.rows);
  });

  test('corrupt or wrongly shaped data is discarded, never half-used', async () => {
    saveState(await sendRequest(initialState(clock)));
    const good = JSON.parse(sessionStorage.getItem(STORAGE_KEY)!);
    const broken = (change: (state: Record<string, unknown>) => void) => {
      const copy = structuredClone(good);
      change(copy.state);
      return JSON.stringify(copy);
    };
    for (const text of [
      '',
      '{"version":1,"state":',
      'null',
      '[]',
      JSON.stringify({ version: STORED_VERSION }),
      broken((s) => (s['scenario'] = 'shop')),
      broken((s) => (s['clock'] = 'soon')),
      broken((s) => (s['clock'] = 1.5)),
      broken((s) => delete s['visits']),
      broken((s) => ((s['config'] as Record<string, unknown>)['fallbacks'] = 'secret')),
      broken((s) => ((s['jar'] as Array<Record<string, unknown>>)[0]!['value'] = 7)),
      broken((s) => ((s['rows'] as Array<Record<string, unknown>>)[0]!['outcome'] = 'great')),
      broken((s) => ((s['last'] as Record<string, unknown>)['response'] = null)),
      broken((s) => ((s['last'] as Record<string, unknown>)['trace'] = [{ stage: 'load' }])),
    ]) {
      expect(restoredFrom(text), text.slice(0, 60)).toBeNull();
    }
    expect(restoredFrom(JSON.stringify(good))).not.toBeNull();
  });
});
