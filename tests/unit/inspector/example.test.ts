import { expect, test } from 'vitest';
import { decodeInput } from '../../../src/lib/inspector/decode-view.ts';
import { EXAMPLE_COOKIE } from '../../../src/lib/inspector/example.ts';
import { vectors } from '../../conformance/vectors.ts';

test('the example is the cookie real Flask sent after the lesson counter’s third visit', async () => {
  const counter = vectors.requests.find((run) => run.name === 'counter_seed_secret')!;
  expect(counter.app).toBe('lesson:counter');
  const third = counter.steps[2]!;
  expect(third.response.body).toBe('Count: 3');
  const setCookie = third.response.headers.find(([name]) => name === 'Set-Cookie')?.[1];
  expect(setCookie).toBe(`session=${EXAMPLE_COOKIE}; HttpOnly; Path=/`);
  const view = await decodeInput(EXAMPLE_COOKIE, third.now);
  expect(view).toMatchObject({ ok: true, python: "{'count': 3}" });
});
