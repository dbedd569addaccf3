/** A cookie as a browser stores it after a `Set-Cookie` header. Times are whole Unix seconds. */
export interface StoredCookie {
  name: string;
  value: string;
  /** When the browser drops it; undefined for a session cookie (dropped when the browser closes). */
  expires: number | undefined;
  /** The attributes as sent, in order, for display (`['Expires=…', 'HttpOnly', 'Path=/']`). */
  attributes: string[];
  httpOnly: boolean;
  secure: boolean;
  path: string;
  domain: string | undefined;
  sameSite: string | undefined;
}

/** What a `Set-Cookie` header asks the browser to do. */
export type SetCookieEffect =
  | { kind: 'store'; cookie: StoredCookie }
  | { kind: 'delete'; name: string; attributes: string[] }
  | { kind: 'invalid'; reason: string };

/**
 * Interprets one `Set-Cookie` header value the way a browser does (RFC 6265 §5.2, simplified to one
 * host): `Max-Age` wins over `Expires`; a `Max-Age` of zero or less, or an `Expires` at or before
 * `now`, deletes the cookie. Accepts an optional leading `Set-Cookie:` label.
 */
export function parseSetCookie(header: string, now: number): SetCookieEffect {
  const [pair = '', ...rest] = header.replace(/^\s*set-cookie\s*:/i, '').split(';');
  const equals = pair.indexOf('=');
  if (equals === -1)
    return { kind: 'invalid', reason: 'it has no "name=value" pair before the first ";"' };
  const name = pair.slice(0, equals).trim();
  if (name === '') return { kind: 'invalid', reason: 'the cookie name is empty' };
  const value = pair.slice(equals + 1).trim();
  const attributes = rest.map((part) => part.trim()).filter((part) => part !== '');

  let expires: number | undefined;
  let maxAge: number | undefined;
  let cookie: Omit<StoredCookie, 'expires'> = {
    name,
    value,
    attributes,
    httpOnly: false,
    secure: false,
    path: '/',
    domain: undefined,
    sameSite: undefined,
  };
  for (const attribute of attributes) {
    const [key = '', ...valueParts] = attribute.split('=');
    const attributeValue = valueParts.join('=').trim();
    switch (key.trim().toLowerCase()) {
      case 'expires': {
        const time = Date.parse(attributeValue);
        if (!Number.isNaN(time)) expires = Math.floor(time / 1000);
        break;
      }
      case 'max-age':
        if (/^-?\d+$/.test(attributeValue)) maxAge = Number(attributeValue);
        break;
      case 'httponly':
        cookie = { ...cookie, httpOnly: true };
        break;
      case 'secure':
        cookie = { ...cookie, secure: true };
        break;
      case 'path':
        cookie = { ...cookie, path: attributeValue || '/' };
        break;
      case 'domain':
        cookie = { ...cookie, domain: attributeValue };
        break;
      case 'samesite':
        cookie = { ...cookie, sameSite: attributeValue };
        break;
    }
  }
  const expiry = maxAge !== undefined ? now + maxAge : expires;
  if (expiry !== undefined && (maxAge !== undefined ? maxAge <= 0 : expiry <= now)) {
    return { kind: 'delete', name, attributes };
  }
  return { kind: 'store', cookie: { ...cookie, expires: expiry } };
}
