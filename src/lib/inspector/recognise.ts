/**
 * Tokens that get pasted into a Flask cookie inspector by mistake, recognised by their shape so
 * the page can say what they are instead of a base64 or JSON error (or, worse, a "session" made
 * of a JWT's header).
 */
import { base64UrlDecode, utf8DecodeStrict, utf8Encode } from '../flask/encoding.ts';

/** A JWS in compact form: three base64url parts, the first two JSON objects (`eyJ` is `{"`). */
const JWT = /^eyJ[\w-]*\.eyJ[\w-]*\.[\w-]*$/;
/** django.core.signing: data, timestamp and signature joined by colons (data dotted if zlib). */
const DJANGO = /^\.?[\w-]+:[\w-]+:[\w-]{20,}$/;

/** What `cookie` is when it is not a Flask session cookie but a known look-alike, else `null`. */
export function foreignToken(cookie: string): string | null {
  if (JWT.test(cookie)) {
    const header = jsonObject(cookie.slice(0, cookie.indexOf('.')));
    if (header !== null && typeof header.alg === 'string') {
      return (
        `This is a JSON Web Token (JWT, header ${JSON.stringify(header)}), not a Flask session ` +
        'cookie: Flask’s second part is a short timestamp, a JWT’s is a JSON payload, and Flask ' +
        'would not accept it as a session. Read it with a JWT library such as PyJWT.'
      );
    }
  }
  if (DJANGO.test(cookie)) {
    return (
      'This looks like a Django signed value (data:timestamp:signature, joined by colons), not a ' +
      'Flask session cookie, whose parts are joined by dots. Django signs with its own salt and ' +
      'SHA-256, so the inspector cannot read or check it.'
    );
  }
  return null;
}

function jsonObject(segment: string): Record<string, unknown> | null {
  const decoded = base64UrlDecode(utf8Encode(segment));
  const text = decoded.ok ? utf8DecodeStrict(decoded.bytes) : null;
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}
