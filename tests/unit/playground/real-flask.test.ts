import { afterEach, expect, test } from 'vitest';
import { sendRequest, sendToRealFlask } from '../../../src/lib/playground/engine.ts';
import { initialState, type PlaygroundState } from '../../../src/lib/playground/state.ts';

const clock = 1_700_000_000;

afterEach(() => sendToRealFlask(null));

test('the browser’s request goes to the simulator until real Flask is set, and again after', async () => {
  const simulated = await sendRequest(initialState(clock));
  expect(simulated.rows.map((row) => row.output)).toEqual(['Count: 1']);

  const asked: PlaygroundState[] = [];
  sendToRealFlask((state) => {
    asked.push(state);
    return Promise.resolve({ ...state, notice: 'answered by real Flask' });
  });
  const start = initialState(clock);
  const real = await sendRequest(start);
  expect(asked).toEqual([start]);
  expect(real).toEqual({ ...start, notice: 'answered by real Flask' });

  sendToRealFlask(null);
  const again = await sendRequest(initialState(clock));
  expect(again.rows.map((row) => row.output)).toEqual(['Count: 1']);
  expect(asked).toHaveLength(1);
});
