import { replaceValue } from '../browser/cookie-jar.ts';
import { decodeSessionCookie, newDict, type PyDict, type ZlibLoader } from '../flask/index.ts';
import { isDict } from '../flask/python.ts';
import { base64UrlEncode, utf8Encode } from '../flask/encoding.ts';
import { dumpsTagged } from '../flask/tag.ts';
import { LESSON_CONFIG, hasSecretKey } from './config.ts';
import { sendRequest } from './run.ts';
import {
  advanceClock,
  initialState,
  sessionCookie,
  updateConfig,
  type PlaygroundState,
} from './state.ts';

type Options = { loadZlib?: ZlibLoader };

/**
 * Replaces the data part of the browser's session cookie with `json` but keeps the old timestamp
 * and signature, as an attacker editing the cookie without the key would. The new data is
 * written uncompressed.
 */
export function tamperCookie(state: PlaygroundState, json: string): PlaygroundState {
  const cookie = sessionCookie(state);
  if (cookie === undefined) {
    return { ...state, notice: 'There is no session cookie to edit yet: send a request first.' };
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

/** Makes sure the browser holds a signed session cookie, sending one request if it has none. */
async function withCookie(state: PlaygroundState, options: Options): Promise<PlaygroundState> {
  if (sessionCookie(state) !== undefined || !hasSecretKey(state.config)) return state;
  return sendRequest(state, options);
}

/** Tamper: set `count` (or another key) in the cookie without re-signing, then send it. */
export async function tamperExperiment(
  state: PlaygroundState,
  key = 'count',
  value = 99,
  options: Options = {},
): Promise<PlaygroundState> {
  const ready = await withCookie(state, options);
  const data = await cookieData(ready, options);
  data[key] = value;
  const json = dumpsTagged(data);
  if (!json.ok) return { ...ready, notice: json.message };
  return sendRequest(tamperCookie(ready, json.text), options);
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
  const ready = await withCookie(state, options);
  const secretKey = newKey ?? freshKey(ready);
  return sendRequest(updateConfig(ready, { secretKey, noSecretKey: false }), options);
}

/** Rotate the key (to `newKey`, or a fresh one): the old key moves to SECRET_KEY_FALLBACKS, so old cookies still verify. */
export async function rotateKeyExperiment(
  state: PlaygroundState,
  newKey?: string,
  options: Options = {},
): Promise<PlaygroundState> {
  const ready = await withCookie(state, options);
  const { secretKey, fallbacks } = ready.config;
  const rotated = updateConfig(ready, {
    secretKey: newKey ?? freshKey(ready),
    noSecretKey: false,
    fallbacks: [...fallbacks.filter((key) => key !== secretKey), secretKey],
  });
  return sendRequest(rotated, options);
}

/** No secret key: the view's write raises RuntimeError and Flask answers 500. */
export async function noSecretKeyExperiment(
  state: PlaygroundState,
  options: Options = {},
): Promise<PlaygroundState> {
  return sendRequest(updateConfig(state, { noSecretKey: true }), options);
}

/** Let the session outlive PERMANENT_SESSION_LIFETIME (one second past it), then visit again. */
export async function expiryExperiment(
  state: PlaygroundState,
  options: Options = {},
): Promise<PlaygroundState> {
  const ready = await withCookie(state, options);
  const later = advanceClock(ready, ready.config.lifetime + 1);
  const sent = await sendRequest(later, options);
  return { ...sent, notice: later.notice };
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
