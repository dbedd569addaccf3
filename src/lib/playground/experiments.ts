import { replaceValue } from '../browser/cookie-jar.ts';
import {
  decodeSessionCookie,
  loadSessionCookie,
  newDict,
  type PyDict,
  type ZlibLoader,
} from '../flask/index.ts';
import { isDict } from '../flask/python.ts';
import { base64UrlEncode, utf8Encode } from '../flask/encoding.ts';
import { strRepr } from '../flask/str-repr.ts';
import { dumpsTagged } from '../flask/tag.ts';
import { LESSON_CONFIG, hasSecretKey, type ServerConfig } from './config.ts';
import { sendRequest } from './run.ts';
import {
  advanceClock,
  initialState,
  selectScenario,
  sessionCookie,
  setPath,
  updateConfig,
  type PlaygroundState,
} from './state.ts';

interface Options {
  readonly loadZlib?: ZlibLoader;
  /** The settings an experiment restores first: the lesson's unless a test names others. */
  readonly setUp?: ServerConfig;
}

/**
 * Replaces the data part of the browser's session cookie with `json` but keeps the old timestamp
 * and signature, as an attacker editing the cookie without the key would. The new data is
 * written uncompressed. Text that is not JSON leaves the jar as it was, with a notice saying so.
 */
export function tamperCookie(state: PlaygroundState, json: string): PlaygroundState {
  const cookie = sessionCookie(state);
  if (cookie === undefined) {
    return { ...state, notice: 'There is no session cookie to edit yet: send a request first.' };
  }
  try {
    JSON.parse(json);
  } catch (error) {
    const reason = error instanceof Error ? ` (${error.message})` : '';
    return {
      ...state,
      notice: `That is not valid JSON${reason}, so the cookie was left as it was.`,
    };
  }
  const signatureDot = cookie.lastIndexOf('.');
  const timestampDot = cookie.lastIndexOf('.', signatureDot - 1);
  if (timestampDot <= 0) return { ...state, notice: 'This cookie has no data part to edit.' };
  const forged = `${base64UrlEncode(utf8Encode(json))}${cookie.slice(timestampDot)}`;
  return {
    ...state,
    jar: replaceValue(state.jar, 'session', forged),
    notice: `The cookie's data now reads ${json}, but its signature still belongs to the old data.`,
  };
}

/** The session data inside the browser's cookie, read without the key (empty when unreadable). */
async function cookieData(state: PlaygroundState, options: Options): Promise<PyDict> {
  const cookie = sessionCookie(state);
  if (cookie === undefined) return newDict();
  const decoded = await decodeSessionCookie(
    cookie,
    ...(options.loadZlib ? [options.loadZlib] : []),
  );
  return decoded.ok && isDict(decoded.payload) ? decoded.payload : newDict();
}

/** Whether Flask with `config` would accept the browser's session cookie at the current clock. */
async function cookieAccepted(state: PlaygroundState, options: Options): Promise<boolean> {
  const cookie = sessionCookie(state);
  if (cookie === undefined || !hasSecretKey(state.config)) return false;
  const loaded = await loadSessionCookie(cookie, {
    secretKey: state.config.secretKey,
    secretKeyFallbacks: state.config.fallbacks,
    maxAge: state.config.lifetime,
    now: state.clock,
    ...(options.loadZlib === undefined ? {} : { loadZlib: options.loadZlib }),
  });
  return loaded.ok;
}

/** What an experiment keeps from the learner's set-up instead of restoring the lesson's. */
interface Keep {
  /** Keep `PERMANENT_SESSION_LIFETIME` (the expiry experiment tests it). */
  readonly lifetime?: boolean;
  /** Make sure the browser holds a cookie this app accepts (sending one visit if needed). */
  readonly cookie?: boolean;
  /** The cookie must be a browser-session cookie (no Expires), so the browser never drops it. */
  readonly sessionOnly?: boolean;
}

/**
 * Restores what an experiment does not test, so that its outcome never depends on what was
 * clicked before: the visit counter at `/`, the lesson's settings (SECRET_KEY `'secret'`, no
 * fallbacks, the default lifetime unless kept, `session.permanent` off) and, when asked, a
 * cookie the app accepts. Returns the state and what it changed, in words ("restored the key
 * 'secret'", "sent one visit"), for the experiment's notice.
 */
export async function restoreSetUp(
  state: PlaygroundState,
  keep: Keep,
  options: Options = {},
): Promise<{ state: PlaygroundState; did: string[] }> {
  const did: string[] = [];
  let ready = state;
  if (ready.scenario !== 'counter') {
    ready = selectScenario(ready, 'counter');
    did.push('switched to the visit counter');
  }
  ready = setPath(ready, '/');
  const was = ready.config;
  const setUp = options.setUp ?? LESSON_CONFIG;
  const lesson: ServerConfig = keep.lifetime ? { ...setUp, lifetime: was.lifetime } : setUp;
  if (!hasSecretKey(was) || was.secretKey !== lesson.secretKey) {
    did.push(`restored the key ${strRepr(lesson.secretKey)}`);
  }
  if (was.fallbacks.length > 0) did.push('removed SECRET_KEY_FALLBACKS');
  if (was.lifetime !== lesson.lifetime) did.push('restored PERMANENT_SESSION_LIFETIME');
  if (was.permanent) did.push('turned session.permanent off');
  ready = updateConfig(ready, lesson);

  if (keep.cookie) {
    const stored = ready.jar.find((cookie) => cookie.name === 'session');
    const usable =
      stored !== undefined &&
      !(keep.sessionOnly && stored.expires !== undefined) &&
      (await cookieAccepted(ready, options));
    if (!usable) {
      if (stored !== undefined) {
        ready = { ...ready, jar: [] };
        did.push('cleared the old cookie');
      }
      ready = await sendRequest(ready, options);
      did.push('sent one visit');
    }
  }
  return { state: ready, did };
}

/**
 * The experiment's notice: what was set up, what the experiment did, then what Flask did (its
 * row's note), so the outcome shows next to the buttons. A request that could not be simulated
 * keeps its own notice.
 */
function told(sent: PlaygroundState, did: readonly string[], action: string): PlaygroundState {
  const outcome = sent.rows.at(-1);
  if (sent.notice !== null || outcome === undefined) return sent;
  const sentence = did.length === 0 ? action : `${did.join(', ')}, then ${action}`;
  const setUp = `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
  return { ...sent, notice: `${setUp} Result: ${outcome.note}` };
}

/** Tamper: set `count` in a valid cookie to 99 without re-signing, then send it. */
export async function tamperExperiment(
  state: PlaygroundState,
  options: Options = {},
): Promise<PlaygroundState> {
  const { state: ready, did } = await restoreSetUp(state, { cookie: true }, options);
  const data = await cookieData(ready, options);
  data['count'] = 99;
  const json = dumpsTagged(data);
  if (!json.ok) return { ...ready, notice: json.message };
  const sent = await sendRequest(tamperCookie(ready, json.text), {
    ...options,
    label: 'Visit with tampered cookie',
  });
  return told(sent, did, `changed the count inside the cookie to 99 without re-signing it`);
}

/** A key the learner has not used yet in this playground. */
function freshKey(state: PlaygroundState): string {
  const used = new Set([state.config.secretKey, ...state.config.fallbacks]);
  let n = 2;
  while (used.has(`new-secret-key-${n}`)) n++;
  return `new-secret-key-${n}`;
}

/** Change the secret key (to `newKey`, or a fresh one): cookies signed with the old key stop verifying. */
export async function changeKeyExperiment(
  state: PlaygroundState,
  newKey?: string,
  options: Options = {},
): Promise<PlaygroundState> {
  const { state: ready, did } = await restoreSetUp(state, { cookie: true }, options);
  const secretKey = newKey ?? freshKey(ready);
  const sent = await sendRequest(updateConfig(ready, { secretKey }), {
    ...options,
    label: 'Visit after the key changed',
  });
  return told(sent, did, `changed SECRET_KEY to ${strRepr(secretKey)} and visited again`);
}

/** Rotate the key (to `newKey`, or a fresh one): the old key moves to SECRET_KEY_FALLBACKS, so old cookies still verify. */
export async function rotateKeyExperiment(
  state: PlaygroundState,
  newKey?: string,
  options: Options = {},
): Promise<PlaygroundState> {
  const { state: ready, did } = await restoreSetUp(state, { cookie: true }, options);
  const oldKey = ready.config.secretKey;
  const secretKey = newKey ?? freshKey(ready);
  const rotated = updateConfig(ready, { secretKey, fallbacks: [oldKey] });
  const sent = await sendRequest(rotated, { ...options, label: 'Visit after the key rotated' });
  return told(
    sent,
    did,
    `made ${strRepr(secretKey)} the key, kept ${strRepr(oldKey)} in SECRET_KEY_FALLBACKS and visited again`,
  );
}

/** No secret key: the view's write raises RuntimeError and Flask answers 500. */
export async function noSecretKeyExperiment(
  state: PlaygroundState,
  options: Options = {},
): Promise<PlaygroundState> {
  const { state: ready, did } = await restoreSetUp(state, {}, options);
  const sent = await sendRequest(updateConfig(ready, { noSecretKey: true }), {
    ...options,
    label: 'Visit without a secret key',
  });
  return told(sent, did, 'removed app.secret_key and visited');
}

/** Let the session outlive PERMANENT_SESSION_LIFETIME (one second past it), then visit again. */
export async function expiryExperiment(
  state: PlaygroundState,
  options: Options = {},
): Promise<PlaygroundState> {
  const { state: ready, did } = await restoreSetUp(
    state,
    { cookie: true, lifetime: true, sessionOnly: true },
    options,
  );
  const later = advanceClock(ready, ready.config.lifetime + 1);
  const sent = await sendRequest(later, { ...options, label: 'Expired session' });
  return told(
    sent,
    did,
    `moved the clock one second past PERMANENT_SESSION_LIFETIME and visited again`,
  );
}

/** Replay the lesson: the counter app with the lesson's settings, a new visitor, five visits. */
export async function replayLesson(
  state: PlaygroundState,
  options: Options = {},
): Promise<PlaygroundState> {
  let replay: PlaygroundState = { ...initialState(state.clock), config: LESSON_CONFIG };
  for (let visit = 0; visit < 5; visit++) replay = await sendRequest(replay, options);
  return replay;
}
