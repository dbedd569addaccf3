import { describe, expect, test } from 'vitest';
import { noSecretKeyExperiment } from '../../../src/lib/playground/experiments.ts';
import { pageView } from '../../../src/lib/playground/page.ts';
import { sendRequest } from '../../../src/lib/playground/run.ts';
import { initialState } from '../../../src/lib/playground/state.ts';

const clock = 1_700_000_000;

describe('the page the simulated browser shows', () => {
  test('a view’s text answer is the page', async () => {
    const state = await sendRequest(initialState(clock));
    expect(pageView(state.last!.response)).toEqual({
      status: '200 OK',
      ok: true,
      heading: null,
      text: ['Count: 1'],
    });
  });

  test('a RuntimeError shows Flask’s 500 page as its heading and text', async () => {
    const state = await noSecretKeyExperiment(initialState(clock));
    expect(pageView(state.last!.response)).toEqual({
      status: '500 INTERNAL SERVER ERROR',
      ok: false,
      heading: 'Internal Server Error',
      text: [
        'The server encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application.',
      ],
    });
  });

  test('markup in a plain answer stays text', () => {
    const body = '<img src=x onerror=alert(1)>';
    const view = pageView({ status: '200 OK', statusCode: 200, headers: [], body });
    expect(view.text).toEqual([body]);
  });
});
