import { decodeSessionCookie, pyRepr, type ZlibLoader } from '../flask/index.ts';
import { cookieFragment } from '../inspector/fragment.ts';
import { formatAge, formatUtc } from '../time-format.ts';

/** A session cookie taken apart: what each dot-separated part is and what it says. */
export interface CookieAnatomy {
  readonly ok: true;
  /** The three parts as they appear in the cookie (the payload keeps its leading dot if compressed). */
  readonly payloadPart: string;
  readonly timestampPart: string;
  readonly signaturePart: string;
  readonly compressed: boolean;
  /** The JSON inside the payload, exactly as Flask wrote it. */
  readonly json: string;
  /** The data as Python prints it. */
  readonly session: string;
  /** When it was signed (UTC) and how long before `now`; null parts when unreadable. */
  readonly signedAt: string | null;
  readonly age: string | null;
  readonly signatureHex: string | null;
  /** The URL fragment that opens this cookie in the cookie inspector. */
  readonly inspectorFragment: string;
}

/** Reads a session cookie without any key (anyone can); failures are a sentence. */
export async function cookieAnatomy(
  cookie: string,
  now: number,
  loadZlib?: ZlibLoader,
): Promise<CookieAnatomy | { readonly ok: false; readonly message: string }> {
  const decoded = await (loadZlib === undefined
    ? decodeSessionCookie(cookie)
    : decodeSessionCookie(cookie, loadZlib));
  if (!decoded.ok) return { ok: false, message: decoded.message };
  const signatureDot = cookie.lastIndexOf('.');
  const timestampDot = cookie.lastIndexOf('.', signatureDot - 1);
  return {
    ok: true,
    payloadPart: cookie.slice(0, timestampDot),
    timestampPart: cookie.slice(timestampDot + 1, signatureDot),
    signaturePart: cookie.slice(signatureDot + 1),
    compressed: decoded.compressed,
    json: decoded.json,
    session: pyRepr(decoded.payload),
    signedAt: decoded.timestamp === null ? null : formatUtc(decoded.timestamp),
    age: decoded.timestamp === null ? null : formatAge(decoded.timestamp, now),
    signatureHex: decoded.signatureHex,
    inspectorFragment: cookieFragment(cookie),
  };
}
