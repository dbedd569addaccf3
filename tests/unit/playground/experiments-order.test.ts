import { describe, expect, test } from 'vitest';
import {
  changeKeyExperiment,
  expiryExperiment,
  noSecretKeyExperiment,
  replayLesson,
  rotateKeyExperiment,
  tamperExperiment,
} from '../../../src/lib/playground/experiments.ts';
import { sendRequest } from '../../../src/lib/playground/run.ts';
import {
  advanceClock,
  initialState,
  selectScenario,
  updateConfig,
  type PlaygroundState,
} from '../../../src/lib/playground/state.ts';

const clock = 1_700_000_000;

/** Each experiment and what its own request must show, whatever was clicked before. */
const experiments: Record<
  string,
  {
    run: (state: PlaygroundState) => Promise<PlaygroundState>;
    label: string;
    outcome: 'ok' | 'rejected' | 'failed';
    note: RegExp;
  }
> = {
  tamper: {
    run: (state) => tamperExperiment(state),
    label: 'Visit with tampered cookie',
    outcome: 'rejected',
    note: /^Cookie rejected \(BadTimeSignature\)/,
  },
  'change key': {
    run: (state) => changeKeyExperiment(state),
    label: 'Visit after the key changed',
    outcome: 'rejected',
    note: /^Cookie rejected \(BadTimeSignature\)/,
  },
  'rotate key': {
    run: (state) => rotateKeyExperiment(state),
    label: 'Visit after the key rotated',
    outcome: 'ok',
    note: /^Cookie accepted, checked with the fallback key 'secret'\./,
  },
  'remove key': {
    run: (state) => noSecretKeyExperiment(state),
    label: 'Visit without a secret key',
    outcome: 'failed',
    note: /no secret key/,
  },
  expire: {
    run: (state) => expiryExperiment(state),
    label: 'Expired session',
    outcome: 'rejected',
    note: /^Cookie rejected \(SignatureExpired\)/,
  },
};

const lastRow = (state: PlaygroundState) => state.rows.at(-1)!;

/** Set-ups a learner may have left behind before clicking an experiment. */
const leftovers: Record<string, () => Promise<PlaygroundState>> = {
  'a fresh playground': async () => initialState(clock),
  'the lesson replayed': () => replayLesson(initialState(clock)),
  'the login app with a permanent one-minute session': async () =>
    sendRequest(
      updateConfig(selectScenario(initialState(clock), 'login'), {
        permanent: true,
        lifetime: 60,
      }),
    ),
  'an empty SECRET_KEY field and a day later': async () =>
    advanceClock(updateConfig(await sendRequest(initialState(clock)), { secretKey: '' }), 86_400),
};

describe('each experiment gives its own outcome whatever came before', () => {
  for (const [name, expected] of Object.entries(experiments)) {
    for (const [first, earlier] of Object.entries(experiments)) {
      test(`${name} after ${first}`, async () => {
        const state = await expected.run(await earlier.run(initialState(clock)));
        const row = lastRow(state);
        expect([row.label, row.outcome]).toEqual([expected.label, expected.outcome]);
        expect(row.note).toMatch(expected.note);
      });
    }
    for (const [situation, make] of Object.entries(leftovers)) {
      test(`${name} after ${situation}`, async () => {
        const state = await expected.run(await make());
        const row = lastRow(state);
        expect([row.label, row.outcome]).toEqual([expected.label, expected.outcome]);
        expect(row.note).toMatch(expected.note);
        expect(state.scenario).toBe('counter');
      });
    }
  }
});

describe('experiments say what they set up', () => {
  test('after the key was removed, tampering restores it and sends one visit first', async () => {
    const noKey = await noSecretKeyExperiment(initialState(clock));
    const state = await tamperExperiment(noKey);
    expect(state.notice).toBe(
      "Restored the key 'secret', sent one visit, then changed the count inside the cookie to 99 without re-signing it. Result: Cookie rejected (BadTimeSignature); Flask started a new, empty session. Flask signed the changed session into a new cookie.",
    );
    expect(state.rows.slice(-2).map((row) => row.label)).toEqual([
      'New visitor',
      'Visit with tampered cookie',
    ]);
  });

  test('a cookie the restored key cannot verify is cleared before the new visit', async () => {
    const changed = await changeKeyExperiment(initialState(clock));
    const state = await expiryExperiment(changed);
    expect(state.notice).toBe(
      "Restored the key 'secret', cleared the old cookie, sent one visit, then moved the clock one second past PERMANENT_SESSION_LIFETIME and visited again. Result: Cookie rejected (SignatureExpired); Flask started a new, empty session. Flask signed the changed session into a new cookie.",
    );
  });

  test('a usable cookie is kept: rotating after five visits counts on from 5', async () => {
    const state = await rotateKeyExperiment(await replayLesson(initialState(clock)));
    expect(state.notice).toBe(
      "Made 'new-secret-key-2' the key, kept 'secret' in SECRET_KEY_FALLBACKS and visited again. Result: Cookie accepted, checked with the fallback key 'secret'. Flask signed the changed session into a new cookie.",
    );
    expect(lastRow(state).output).toBe('Count: 6');
  });

  test('settings the experiment does not test are put back and named', async () => {
    const learner = updateConfig(selectScenario(initialState(clock), 'login'), {
      permanent: true,
      fallbacks: ['old'],
      lifetime: 60,
    });
    const state = await noSecretKeyExperiment(learner);
    expect(state.notice).toBe(
      'Switched to the visit counter, removed SECRET_KEY_FALLBACKS, restored PERMANENT_SESSION_LIFETIME, turned session.permanent off, then removed app.secret_key and visited. Result: The view tried to change the session, but the app has no secret key, so there is no session to change. Flask answers HTTP 500.',
    );
    expect(state.config).toEqual({
      secretKey: 'secret',
      noSecretKey: true,
      fallbacks: [],
      lifetime: 31 * 86_400,
      permanent: false,
    });
  });

  test('the expiry experiment keeps the learner’s lifetime, which is what it tests', async () => {
    const short = updateConfig(initialState(clock), { lifetime: 60 });
    const state = await expiryExperiment(short);
    expect(state.clock).toBe(clock + 61);
    expect(lastRow(state).label).toBe('Expired session');
  });
});
