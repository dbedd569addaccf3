/**
 * The Deep Dive mode's figures: the lesson's cookie taken apart byte by byte (itsdangerous'
 * `URLSafeTimedSerializer.dumps` and `TimestampSigner.sign` as Flask configures them), when
 * the payload is compressed, how non-JSON values are tagged, and key fallbacks.
 */
import {
  PyTuple,
  SESSION_SALT,
  deriveKey,
  loadSessionCookie,
  newDict,
  pyRepr,
  type PyDict,
  type PyValue,
} from '../../flask/index.ts';
import { base64UrlEncode, intToBytes, utf8Encode } from '../../flask/encoding.ts';
import { Signer } from '../../flask/signer.ts';
import { dumpsTagged } from '../../flask/tag.ts';
import { loadPako, zlibCompress } from '../../flask/zlib.ts';
import { FIGURE_CLOCK, LESSON_KEY, cookieValue, exchange, signedCookie } from './exchange.ts';
import { counterView } from './why.ts';

const hex = (bytes: Uint8Array) =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');

function dict(entries: Record<string, PyValue>): PyDict {
  return Object.assign(newDict(), entries);
}

function taggedJson(session: PyDict): string {
  const dumped = dumpsTagged(session);
  if (!dumped.ok) throw new Error(`figure session cannot be serialized: ${dumped.message}`);
  return dumped.text;
}

/** Each step from the session to the cookie, as text and bytes (hex pairs, space-separated). */
export interface CookieAnatomy {
  session: string;
  json: string;
  jsonHex: string;
  payload: string;
  timestamp: number;
  timestampHex: string;
  timestampPart: string;
  secretKey: string;
  salt: string;
  derivedKeyHex: string;
  /** `payload.timestamp`: the bytes the signature covers. */
  signedValue: string;
  signatureHex: string;
  signaturePart: string;
  cookie: string;
}

/** The counter's cookie after the first visit, rebuilt step by step and checked against Flask's. */
export async function cookieAnatomy(): Promise<CookieAnatomy> {
  const session = dict({ count: 1 });
  const json = taggedJson(session);
  const payload = base64UrlEncode(utf8Encode(json));
  const timestampBytes = intToBytes(FIGURE_CLOCK);
  const timestampPart = base64UrlEncode(timestampBytes);
  const signedValue = `${payload}.${timestampPart}`;
  const signature = new Signer(LESSON_KEY).getSignature(utf8Encode(signedValue));
  const signaturePart = base64UrlEncode(signature);
  const cookie = await signedCookie(session);
  if (cookie !== `${signedValue}.${signaturePart}`) {
    throw new Error('the cookie taken apart differs from the one the engine signs');
  }
  return {
    session: pyRepr(session),
    json,
    jsonHex: hex(utf8Encode(json)),
    payload,
    timestamp: FIGURE_CLOCK,
    timestampHex: hex(timestampBytes),
    timestampPart,
    secretKey: LESSON_KEY,
    salt: SESSION_SALT,
    derivedKeyHex: hex(deriveKey(LESSON_KEY)),
    signedValue,
    signatureHex: hex(signature),
    signaturePart,
    cookie,
  };
}

/** One session's payload with and without zlib, and the cookie Flask chose. */
export interface CompressionCase {
  session: string;
  jsonBytes: number;
  zlibBytes: number;
  /** itsdangerous compresses when zlib saves at least 2 bytes; the payload then starts with `.`. */
  compressed: boolean;
  cookie: string;
}

/** The carts whose cookies the compression figure compares. */
export const COMPRESSION_SESSIONS: readonly PyDict[] = [
  dict({ count: 1 }),
  dict({ cart: ['apple', 'pear', 'banana'] }),
  dict({ cart: Array.from({ length: 5 }, () => ['apple', 'pear', 'banana']).flat() }),
];

export async function compressionCases(): Promise<CompressionCase[]> {
  const pako = await loadPako();
  return Promise.all(
    COMPRESSION_SESSIONS.map(async (session) => {
      const json = utf8Encode(taggedJson(session));
      const zlibBytes = zlibCompress(pako, json).length;
      const cookie = await signedCookie(session);
      return {
        session: pyRepr(session),
        jsonBytes: json.length,
        zlibBytes,
        compressed: cookie.startsWith('.'),
        cookie,
      };
    }),
  );
}

/** A session holding values JSON has no type for, and the tagged JSON Flask writes for it. */
export interface TaggedCase {
  session: string;
  json: string;
  /** The session read back from the cookie: the same types again. */
  loaded: string;
}

export async function taggedValues(): Promise<TaggedCase> {
  const session = dict({ pair: new PyTuple([1, 2]), raw: utf8Encode('hi') });
  const cookie = await signedCookie(session);
  const loaded = await loadSessionCookie(cookie, { secretKey: LESSON_KEY, now: FIGURE_CLOCK });
  if (!loaded.ok) throw new Error(`tagged figure cookie does not load: ${loaded.message}`);
  return { session: pyRepr(session), json: taggedJson(session), loaded: pyRepr(loaded.session) };
}

/** The old and new keys of the rotation figure. */
export const OLD_KEY = 'old-secret';
export const NEW_KEY = 'new-secret';

/** A cookie signed with the old key, checked after the key changed, with and without fallbacks. */
export interface KeyFallbackCase {
  oldKey: string;
  newKey: string;
  cookie: string;
  /** What loading gives with `SECRET_KEY_FALLBACKS = [old]`: the session's repr. */
  withFallback: string;
  /** The exception without the fallback. */
  withoutFallback: string;
  /** The counter's page for that cookie, with the fallback. */
  body: string;
  /** The session in the cookie that response sets, checked with the new key alone. */
  resigned: string;
}

export async function keyFallbacks(): Promise<KeyFallbackCase> {
  const cookie = await signedCookie(dict({ count: 1 }), OLD_KEY);
  const now = FIGURE_CLOCK;
  const kept = await loadSessionCookie(cookie, {
    secretKey: NEW_KEY,
    secretKeyFallbacks: [OLD_KEY],
    now,
  });
  const refused = await loadSessionCookie(cookie, { secretKey: NEW_KEY, now });
  const response = await exchange(counterView, cookie, {
    SECRET_KEY: NEW_KEY,
    SECRET_KEY_FALLBACKS: [OLD_KEY],
  });
  const next = cookieValue(response.setCookie[0] ?? '');
  const resigned = await loadSessionCookie(next, { secretKey: NEW_KEY, now });
  return {
    oldKey: OLD_KEY,
    newKey: NEW_KEY,
    cookie,
    withFallback: kept.ok ? pyRepr(kept.session) : kept.error,
    withoutFallback: refused.ok ? pyRepr(refused.session) : refused.error,
    body: response.body,
    resigned: resigned.ok ? pyRepr(resigned.session) : resigned.error,
  };
}
