/**
 * itsdangerous' `TimestampSigner` (`timed.py`): signs `value.timestamp`, and on the way back checks
 * the signature, then the timestamp, then the age, reporting the same exception class and message
 * as itsdangerous 2.1.2 (unchanged in 2.2) in each case.
 *
 * Times are whole Unix seconds and always passed in; nothing here reads a clock.
 */
import {
  base64UrlDecode,
  base64UrlEncode,
  bytesToInt,
  concat,
  intToBytes,
  utf8Encode,
} from './encoding.ts';
import {
  malformedTimestamp,
  signatureFromFuture,
  signatureTooOld,
  timestampMissing,
  timestampOutOfRange,
  type LoadFailure,
} from './exceptions.ts';
import { SEPARATOR, SESSION_SALT, Signer, type SecretKey } from './signer.ts';

/** The last second Python's `datetime` can hold: 9999-12-31 23:59:59 UTC. */
const MAX_DATETIME_TIMESTAMP = 253402300799;

/** Clock and age limit for verifying; `now - timestamp` must lie in `[0, maxAge]`. */
export interface AgeCheck {
  readonly maxAge: number;
  readonly now: number;
}

/** `keyIndex`: which key verified, as in {@link Signer.unsign}. */
export type TimedUnsignResult =
  | { ok: true; value: Uint8Array; timestamp: number; keyIndex: number }
  | { ok: false; failure: LoadFailure };

export class TimestampSigner {
  readonly signer: Signer;

  /** @param secretKeys one key, or several from oldest to newest. */
  constructor(secretKeys: SecretKey | readonly SecretKey[], salt: string = SESSION_SALT) {
    this.signer = new Signer(secretKeys, salt);
  }

  /** `value.timestamp.signature` for a non-negative safe-integer `timestamp`. */
  sign(value: Uint8Array, timestamp: number): Uint8Array {
    const stamp = utf8Encode(base64UrlEncode(intToBytes(timestamp)));
    return this.signer.sign(concat(value, Uint8Array.of(SEPARATOR), stamp));
  }

  /** The value before the timestamp, and the timestamp, or the first check that failed. */
  unsign(signed: Uint8Array, check: AgeCheck): TimedUnsignResult {
    const unsigned = this.signer.unsign(signed);
    const result = unsigned.ok ? unsigned.value : (unsigned.payload ?? new Uint8Array());
    const dot = result.lastIndexOf(SEPARATOR);
    if (dot < 0) return { ok: false, failure: unsigned.ok ? timestampMissing() : unsigned.failure };
    const value = result.subarray(0, dot);
    const decoded = base64UrlDecode(result.subarray(dot + 1));
    const timestamp = decoded.ok ? bytesToInt(decoded.bytes) : null;

    if (!unsigned.ok) {
      if (timestamp !== null && timestamp > BigInt(MAX_DATETIME_TIMESTAMP)) {
        return { ok: false, failure: malformedTimestamp() };
      }
      const failure = {
        ...unsigned.failure,
        error: 'BadTimeSignature',
        pythonClass: 'BadTimeSignature',
      } as const;
      return { ok: false, failure };
    }
    if (timestamp === null) return { ok: false, failure: malformedTimestamp() };

    // Every remaining outcome turns the timestamp into a datetime first; past the year 9999 that
    // conversion itself raises, which Flask does not catch (HTTP 500).
    const outOfRange = datetimeError(timestamp);
    if (outOfRange !== null) return { ok: false, failure: outOfRange };
    const age = check.now - Number(timestamp);
    if (age > check.maxAge) return { ok: false, failure: signatureTooOld(age, check.maxAge) };
    if (age < 0) return { ok: false, failure: signatureFromFuture(age) };
    return { ok: true, value, timestamp: Number(timestamp), keyIndex: unsigned.keyIndex };
  }
}

const INT32_SPAN = 2 ** 32;
// glibc's gmtime() fails (EOVERFLOW) once the year no longer fits a C int's tm_year.
const GMTIME_LIMIT = 67768036191676799n;
const TIME_T_LIMIT = 2n ** 63n;

/**
 * The error `datetime.fromtimestamp(timestamp, timezone.utc)` raises on 64-bit Linux, or `null`
 * when it succeeds.
 */
function datetimeError(timestamp: bigint): LoadFailure | null {
  if (timestamp <= BigInt(MAX_DATETIME_TIMESTAMP)) return null;
  if (timestamp >= TIME_T_LIMIT) {
    return timestampOutOfRange('OverflowError', 'timestamp out of range for platform time_t');
  }
  if (timestamp > GMTIME_LIMIT) {
    return timestampOutOfRange('OSError', '[Errno 75] Value too large for defined data type');
  }
  // CPython adds 1900 to tm_year in a C int, which wraps for the largest years.
  const year = yearOfDay(Number(timestamp / 86400n));
  const printed = year > 2 ** 31 - 1 ? year - INT32_SPAN : year;
  return timestampOutOfRange('ValueError', `year ${printed} is out of range`);
}

/** The proleptic Gregorian year of a day count since 1970-01-01 (days ≥ 0). */
function yearOfDay(days: number): number {
  const shifted = days + 719468; // days since 0000-03-01
  const era = Math.floor(shifted / 146097);
  const dayOfEra = shifted - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  return yearOfEra + era * 400 + (monthFromMarch >= 10 ? 1 : 0);
}
