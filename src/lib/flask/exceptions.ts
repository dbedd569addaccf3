/**
 * Failures as values, named after the Python exceptions Flask would meet (`itsdangerous/exc.py`).
 * Nothing here is thrown: each failure carries Python's exact `str(e)` (`pythonMessage`) and a
 * plain-English `message` for learners.
 *
 * itsdangerous' hierarchy: `BadSignature` ⊃ `BadTimeSignature` ⊃ `SignatureExpired`, and the
 * separate `BadPayload`. Flask catches `BadSignature` and its subclasses (the visitor silently gets
 * a new empty session); everything else escapes and becomes HTTP 500.
 */
import { bytesRepr } from './str-repr.ts';

/** The itsdangerous exception classes loading a cookie can raise. */
export type ItsdangerousError =
  'BadSignature' | 'BadTimeSignature' | 'SignatureExpired' | 'BadPayload';

/** Limits of this simulator: cases where Flask would carry on but the simulation cannot. */
export type SimulatorLimit = 'PayloadTooLarge' | 'ZlibUnavailable' | 'NonStringKey';

/**
 * Outcomes outside itsdangerous: `TimestampOutOfRange` and `NotASessionDict` are Python errors
 * Flask really raises (HTTP 500); the rest are {@link SimulatorLimit}s.
 */
export type EngineError = 'TimestampOutOfRange' | 'NotASessionDict' | SimulatorLimit;

export type LoadErrorKind = ItsdangerousError | EngineError;

/** A cookie that could not be loaded. */
export interface LoadFailure {
  readonly ok: false;
  readonly error: LoadErrorKind;
  /** What happened, in plain English. */
  readonly message: string;
  /** Python's `str(exception)`, or a description for the simulator's own limits. */
  readonly pythonMessage: string;
  /** The Python exception class (`OSError`, `TypeError`, … for non-itsdangerous errors). */
  readonly pythonClass: string;
}

/** What Flask does with a cookie that fails this way. */
export type FlaskOutcome = 'new-empty-session' | 'http-500' | 'not-simulated';

/** Whether the simulator stops here, where Flask would go on. */
export function isSimulatorLimit(kind: LoadErrorKind): kind is SimulatorLimit {
  return kind === 'PayloadTooLarge' || kind === 'ZlibUnavailable' || kind === 'NonStringKey';
}

/** Flask's reaction: `except BadSignature` gives a new empty session, anything else is a 500. */
export function flaskOutcome(kind: LoadErrorKind): FlaskOutcome {
  if (kind === 'BadSignature' || kind === 'BadTimeSignature' || kind === 'SignatureExpired') {
    return 'new-empty-session';
  }
  return isSimulatorLimit(kind) ? 'not-simulated' : 'http-500';
}

function failure(
  error: LoadErrorKind,
  pythonMessage: string,
  message: string,
  pythonClass: string = error,
): LoadFailure {
  return { ok: false, error, message, pythonMessage, pythonClass };
}

const IGNORED = 'Flask ignores the cookie and starts a new, empty session.';
const SERVER_ERROR = 'Flask does not catch this error, so the request fails with HTTP 500.';

/** `Signer.unsign` found no `.` at all. */
export function noSeparator(): LoadFailure {
  return failure(
    'BadSignature',
    "No b'.' found in value",
    `The cookie has no dot, so it has no signature to check. ${IGNORED}`,
  );
}

/** The MAC did not match any key; `signature` is the raw signature segment. */
export function signatureMismatch(
  kind: 'BadSignature' | 'BadTimeSignature',
  signature: Uint8Array,
): LoadFailure {
  return failure(
    kind,
    `Signature ${bytesRepr(signature)} does not match`,
    'The signature does not match the rest of the cookie: the data or the timestamp was changed, ' +
      `or the cookie was signed with a different secret key. ${IGNORED}`,
  );
}

/** The signature is valid but the signed value has no timestamp part. */
export function timestampMissing(): LoadFailure {
  return failure(
    'BadTimeSignature',
    'timestamp missing',
    `The signature is valid, but the signed value has no timestamp part. ${IGNORED}`,
  );
}

/** The timestamp part is not base64 of at most 8 bytes, or is beyond what Python can date. */
export function malformedTimestamp(): LoadFailure {
  return failure(
    'BadTimeSignature',
    'Malformed timestamp',
    `The timestamp part of the cookie is not a valid time. ${IGNORED}`,
  );
}

/** The cookie is older than `maxAge` seconds. */
export function signatureTooOld(age: number, maxAge: number): LoadFailure {
  return failure(
    'SignatureExpired',
    `Signature age ${age} > ${maxAge} seconds`,
    `The cookie was signed ${age} seconds ago, but sessions last at most ${maxAge} seconds ` +
      `(PERMANENT_SESSION_LIFETIME), even when they are not permanent. ${IGNORED}`,
  );
}

/** The cookie's timestamp lies in the future (`age` is negative). */
export function signatureFromFuture(age: number): LoadFailure {
  return failure(
    'SignatureExpired',
    `Signature age ${age} < 0 seconds`,
    `The cookie says it was signed ${-age} seconds in the future; servers whose clocks disagree ` +
      `see this. ${IGNORED}`,
  );
}

/** Where a validly signed payload failed to load (`URLSafeSerializerMixin.load_payload`). */
export type PayloadStage = 'base64' | 'zlib' | 'unserialize';

const PAYLOAD_MESSAGES: Record<PayloadStage, string> = {
  base64: 'Could not base64 decode the payload because of an exception',
  zlib: 'Could not zlib decompress the payload before decoding the payload',
  unserialize:
    'Could not load the payload because an exception occurred on unserializing the data.',
};

/** A validly signed payload that cannot be decoded; `detail` says why in plain words. */
export function badPayload(stage: PayloadStage, detail: string): LoadFailure {
  return failure(
    'BadPayload',
    PAYLOAD_MESSAGES[stage],
    `The signature is valid, but the data inside cannot be read (${detail}). ${SERVER_ERROR}`,
  );
}

/** A validly signed timestamp past the year 9999: Python cannot make a datetime of it. */
export function timestampOutOfRange(pythonClass: string, pythonMessage: string): LoadFailure {
  return failure(
    'TimestampOutOfRange',
    pythonMessage,
    'The signature is valid, but the timestamp is after the year 9999, so Python cannot turn it ' +
      `into a date. ${SERVER_ERROR}`,
    pythonClass,
  );
}

/** A validly signed value that `dict(...)` cannot turn into a session. */
export function notASessionDict(pythonClass: string, pythonMessage: string): LoadFailure {
  return failure(
    'NotASessionDict',
    pythonMessage,
    `The signature is valid, but the data is not a dict, so Flask cannot build a session from it ` +
      `(${pythonClass}: ${pythonMessage}). ${SERVER_ERROR}`,
    pythonClass,
  );
}

/** A validly signed value that would give the session a key that is not text. */
export function nonStringKey(typeName: string): LoadFailure {
  return failure(
    'NonStringKey',
    `session key of type ${typeName}`,
    `The data gives the session a key that is not text (a ${typeName}). Flask would accept it, ` +
      'but this simulator only models sessions with text keys.',
    '',
  );
}

/** Decompression stopped at the simulator's size cap. */
export function payloadTooLarge(limit: number): LoadFailure {
  return failure(
    'PayloadTooLarge',
    `decompressed data exceeds ${limit} bytes`,
    `The compressed data expands to more than ${limit} bytes. This simulator stops there to protect ` +
      'your browser; real Flask would keep decompressing.',
    '',
  );
}

const ZLIB_UNAVAILABLE =
  'The compression code could not be downloaded (are you offline?), so compressed cookies ' +
  'cannot be read or written right now. Uncompressed cookies still work.';

/** pako (the zlib code) could not be loaded, so compressed data cannot be read. */
export function zlibUnavailable(detail: string): LoadFailure {
  return failure('ZlibUnavailable', detail, ZLIB_UNAVAILABLE, '');
}

/** Why a session could not be written (`save_session` raising, or pako missing). */
export type DumpErrorKind = 'TypeError' | 'ValueError' | 'RecursionError' | 'ZlibUnavailable';

/** A session that could not be turned into a cookie. */
export interface DumpFailure {
  readonly ok: false;
  readonly error: DumpErrorKind;
  readonly message: string;
  readonly pythonMessage: string;
}

/** A Python error raised while serializing the session; Flask answers HTTP 500. */
export function dumpFailure(
  error: Exclude<DumpErrorKind, 'ZlibUnavailable'>,
  pythonMessage: string,
  message: string,
): DumpFailure {
  return { ok: false, error, message, pythonMessage };
}

/** pako could not be loaded, so a payload that needs compressing cannot be written. */
export function dumpZlibUnavailable(detail: string): DumpFailure {
  return { ok: false, error: 'ZlibUnavailable', message: ZLIB_UNAVAILABLE, pythonMessage: detail };
}
