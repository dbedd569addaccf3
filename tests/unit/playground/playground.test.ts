import { describe, expect, test } from 'vitest';
import { vectors, type RequestVector } from '../../conformance/vectors.ts';
import { LESSON_CONFIG } from '../../../src/lib/playground/config.ts';
import {
  changeKeyExperiment,
  expiryExperiment,
  noSecretKeyExperiment,
  replayLesson,
  rotateKeyExperiment,
  tamperCookie,
  tamperExperiment,
} from '../../../src/lib/playground/experiments.ts';
import { sendRequest } from '../../../src/lib/playground/run.ts';
import {
  advanceClock,
  clearCookies,
  initialState,
  restartBrowser,
  selectScenario,
  sessionCookie,
  setPath,
  updateConfig,
  type PlaygroundState,
} from '../../../src/lib/playground/state.ts';

// Expected responses come from real Flask (tests/conformance/vectors.json, made by gen_vectors.py
// at clock 1700000000); the playground must reproduce them through its browser and server panes.
const clock = Number(vectors.meta['clock']);
const flask = (name: string): RequestVector => {
  const found = vectors.requests.find((vector) => vector.name === name);
  if (!found) throw new Error(`no vector ${name}`);
  return found;
};
const responseOf = (name: string, step: number) => {
  const response = flask(name).steps[step]!.response;
  return { status: response.status, headers: response.headers, body: response.body };
};
const lastResponse = (state: PlaygroundState) => {
  const response = state.last!.response;
  return {
    status: response.status,
    headers: response.headers.map(([n, v]) => [n, v]),
    body: response.body,
  };
};
const devKey = (state: PlaygroundState) => updateConfig(state, { secretKey: 'dev-secret-key' });

describe('the five visits of the lesson', () => {
  test('replaying gives real Flask’s five responses for the seed app', async () => {
    const state = await replayLesson(initialState(clock));
    const seed = flask('counter_seed_secret');
    expect(state.rows).toHaveLength(5);
    const responses = [];
    let replay = initialState(clock);
    for (let visit = 0; visit < 5; visit++) {
      replay = await sendRequest(replay);
      responses.push(lastResponse(replay));
    }
    expect(responses).toEqual(seed.steps.map((_, i) => responseOf('counter_seed_secret', i)));
    expect(lastResponse(state)).toEqual(responseOf('counter_seed_secret', 4));
  });

  test('the rows read like the lesson’s execution table', async () => {
    const { rows } = await replayLesson(initialState(clock));
    expect(
      rows.map((row) => [row.label, row.before, row.action, row.after, row.output, row.tracked]),
    ).toEqual([
      ['New visitor', '{}', "session.get('count', 0) + 1 = 1", "{'count': 1}", 'Count: 1', '1'],
      [
        'Second visit',
        "{'count': 1}",
        "session.get('count', 0) + 1 = 2",
        "{'count': 2}",
        'Count: 2',
        '2',
      ],
      [
        'Third visit',
        "{'count': 2}",
        "session.get('count', 0) + 1 = 3",
        "{'count': 3}",
        'Count: 3',
        '3',
      ],
      [
        'Fourth visit',
        "{'count': 3}",
        "session.get('count', 0) + 1 = 4",
        "{'count': 4}",
        'Count: 4',
        '4',
      ],
      [
        'Fifth visit',
        "{'count': 4}",
        "session.get('count', 0) + 1 = 5",
        "{'count': 5}",
        'Count: 5',
        '5',
      ],
    ]);
    expect(rows[0]!.note).toContain('No cookie yet');
    expect(rows.every((row) => row.outcome === 'ok')).toBe(true);
  });

  test('the request panel shows the Cookie header the browser sent', async () => {
    const state = await replayLesson(initialState(clock));
    expect(state.last!.request).toEqual([
      'GET / HTTP/1.1',
      'Host: localhost:5000',
      `Cookie: ${flask('counter_seed_secret').steps[4]!.cookie_header}`,
    ]);
    expect(state.last!.verification).toMatch(
      /^Signature valid, checked with the current SECRET_KEY/,
    );
  });
});

describe('experiments', () => {
  test('tampering without re-signing gets the cookie rejected and a new session', async () => {
    const state = await tamperExperiment(initialState(clock));
    expect(state.rows.map((row) => [row.label, row.output])).toEqual([
      ['New visitor', 'Count: 1'],
      ['Visit with tampered cookie', 'Count: 1'],
    ]);
    expect(state.rows[1]!.outcome).toBe('rejected');
    expect(state.rows[1]!.note).toContain('Cookie rejected (BadTimeSignature)');
    expect(state.last!.request.at(-1)).toMatch(/^Cookie: session=eyJjb3VudCI6OTl9\./);
    // A rejected cookie means a new session: real Flask's answer to a new visitor, key 'secret'.
    expect(lastResponse(state)).toEqual(responseOf('counter_seed_secret', 0));
    expect(state.notice).toBe(
      'Sent one visit, then changed the count inside the cookie to 99 without re-signing it. Result: Cookie rejected (BadTimeSignature); Flask started a new, empty session. Flask signed the changed session into a new cookie.',
    );
  });

  test('the hand-edit box refuses text that is not JSON, with a sentence', async () => {
    const sent = await sendRequest(initialState(clock));
    const refused = tamperCookie(sent, '{"count": 9');
    expect(refused.jar).toEqual(sent.jar);
    expect(refused.notice).toMatch(
      /^That is not valid JSON \(.+\), so the cookie was left as it was\.$/,
    );
  });

  test('an edited cookie keeps the old timestamp and signature', async () => {
    const sent = await sendRequest(devKey(initialState(clock)));
    const original = sessionCookie(sent)!;
    const forged = sessionCookie(tamperCookie(sent, '{"count":99}'))!;
    expect(forged.split('.').slice(1)).toEqual(original.split('.').slice(1));
    expect(tamperCookie(initialState(clock), '{}').notice).toMatch(/no session cookie/);
  });

  test('changing the secret key makes the old cookie fail and starts over', async () => {
    const state = await changeKeyExperiment(initialState(clock), 'dev-secret-key');
    expect(state.rows.map((row) => row.output)).toEqual(['Count: 1', 'Count: 1']);
    expect(state.rows[1]!.outcome).toBe('rejected');
    expect(lastResponse(state)).toEqual(responseOf('counter_dev_key', 0));
  });

  test('rotating keys keeps old cookies valid and signs new ones with the new key', async () => {
    const state = await rotateKeyExperiment(initialState(clock), 'dev-secret-key');
    expect(state.config.fallbacks).toEqual(['secret']);
    expect(state.rows.map((row) => row.output)).toEqual(['Count: 1', 'Count: 2']);
    expect(state.rows[1]!.note).toContain("checked with the fallback key 'secret'");
    // Same data, time and key as real Flask's second visit with dev-secret-key: same bytes.
    expect(lastResponse(state)).toEqual(responseOf('counter_dev_key', 1));
  });

  test('without a secret key the write raises RuntimeError and Flask answers 500', async () => {
    const withCookie = await sendRequest(initialState(clock));
    const state = await noSecretKeyExperiment(withCookie);
    expect(state.rows[1]!.outcome).toBe('failed');
    expect(state.rows[1]!.output).toBe('500 INTERNAL SERVER ERROR');
    expect(state.rows[1]!.action).toMatch(/RuntimeError$/);
    expect(state.last!.exception).toBe(
      'RuntimeError: The session is unavailable because no secret key was set.  Set the secret_key on the application to something unique and secret.',
    );
    expect(lastResponse(state)).toEqual(responseOf('counter_no_secret_key', 1));
    expect(state.jar).toEqual(withCookie.jar);
  });

  test('a cookie older than the lifetime expires even for a non-permanent session', async () => {
    const state = await expiryExperiment(initialState(clock), {
      setUp: { ...LESSON_CONFIG, secretKey: 'dev-secret-key' },
    });
    expect(state.rows.at(-1)!.label).toBe('Expired session');
    expect(state.clock).toBe(clock + 31 * 24 * 3600 + 1);
    expect(state.rows[1]!.note).toContain('SignatureExpired');
    expect(lastResponse(state)).toEqual(responseOf('counter_expired_cookie', 0));
  });

  test('a permanent session gets Expires = now + lifetime and is refreshed on each request', async () => {
    let state = await sendRequest(updateConfig(initialState(clock), { permanent: true }));
    const expires = (state: PlaygroundState) =>
      state
        .last!.response.headers.find(([name]) => name === 'Set-Cookie')![1]
        .match(/Expires=([^;]+)/)![1];
    expect(expires(state)).toBe(new Date((clock + 31 * 24 * 3600) * 1000).toUTCString());
    expect(state.jar[0]!.expires).toBe(clock + 31 * 24 * 3600);
    state = await sendRequest(advanceClock(state, 30 * 24 * 3600));
    expect(state.rows[1]!.output).toBe('Count: 2');
    expect(expires(state)).toBe(new Date((clock + 61 * 24 * 3600) * 1000).toUTCString());
  });

  test('the browser drops an expired permanent cookie before sending', async () => {
    const permanent = await sendRequest(updateConfig(initialState(clock), { permanent: true }));
    const later = advanceClock(permanent, 31 * 24 * 3600);
    expect(later.jar).toEqual([]);
    expect(later.notice).toMatch(/deleted a cookie whose Expires time passed/);
    const state = await sendRequest(later);
    expect(state.last!.request).toEqual(['GET / HTTP/1.1', 'Host: localhost:5000']);
    expect(state.rows[1]!.output).toBe('Count: 1');
  });

  test('clearing cookies makes a new visitor; restarting the browser drops session cookies', async () => {
    const visited = await sendRequest(initialState(clock));
    expect(clearCookies(visited).jar).toEqual([]);
    expect(restartBrowser(visited).jar).toEqual([]);
    const permanent = await sendRequest(updateConfig(initialState(clock), { permanent: true }));
    expect(restartBrowser(permanent).jar).toHaveLength(1);
  });
});

describe('other apps', () => {
  test('logging out clears the session and Flask sends the deletion header', async () => {
    let state = devKey(selectScenario(initialState(clock), 'login'));
    state = await sendRequest(state);
    state = await sendRequest(setPath(state, '/logout'));
    expect(lastResponse(state)).toEqual(responseOf('login_logout', 1));
    expect(state.jar).toEqual([]);
    expect(state.rows.map((row) => [row.action, row.tracked])).toEqual([
      ["session['user'] = 'alice'", "'alice'"],
      ['session.clear()', 'not set'],
    ]);
    expect(state.rows[1]!.note).toContain('delete the cookie');
  });

  test('appending to the cart in place loses the update unless session.modified is set', async () => {
    let lost = devKey(selectScenario(initialState(clock), 'cart-lost-update'));
    for (const item of ['apple', 'pear', 'banana'])
      lost = await sendRequest(setPath(lost, `/add/${item}`));
    const real = flask('cart_lost_update');
    expect(lost.rows.map((row) => row.output)).toEqual(
      real.steps.map((step) => step.response.body),
    );
    expect(lastResponse(lost)).toEqual(responseOf('cart_lost_update', 2));
    expect(lost.rows[1]!.note).toContain('session.modified stayed False');

    let kept = devKey(selectScenario(initialState(clock), 'cart-modified'));
    for (const item of ['apple', 'pear', 'banana'])
      kept = await sendRequest(setPath(kept, `/add/${item}`));
    expect(kept.rows.map((row) => row.output)).toEqual(
      flask('cart_modified').steps.map((s) => s.response.body),
    );
  });

  test('switching apps starts at the app’s first address', () => {
    expect(selectScenario(initialState(clock), 'login').path).toBe('/login/alice');
    expect(selectScenario(initialState(clock), 'counter').path).toBe('/');
  });

  test('the lesson settings are the code sample’s', () => {
    expect(initialState(clock).config).toEqual(LESSON_CONFIG);
    expect(LESSON_CONFIG.secretKey).toBe('secret');
  });
});

describe('rows are named by what happened, not by their place in the table', () => {
  test('a visitor’s visits count on; a new visitor starts again at “New visitor”', async () => {
    let state = await sendRequest(initialState(clock));
    state = await sendRequest(state);
    state = await sendRequest(restartBrowser(state));
    state = await sendRequest(state);
    expect(state.rows.map((row) => row.label)).toEqual([
      'New visitor',
      'Second visit',
      'New visitor',
      'Second visit',
    ]);
  });

  test('a cookie edited by hand is a visit with a rejected cookie', async () => {
    const sent = await sendRequest(initialState(clock));
    const state = await sendRequest(tamperCookie(sent, '{"count":7}'));
    expect(state.rows.at(-1)!.label).toBe('Visit with a rejected cookie');
    expect(state.visits).toBe(1);
  });

  test('a visit with no secret key says so', async () => {
    const state = await sendRequest(updateConfig(initialState(clock), { noSecretKey: true }));
    expect(state.rows[0]!.label).toBe('Visit without a secret key');
  });
});
