/**
 * The inspector's shareable state: the URL fragment `#cookie=<value>`, percent-encoded. Only the
 * cookie ever goes there, never a secret key: a fragment is not sent to the server, but it does
 * land in browser history and in every place the link is pasted.
 */
import { MAX_COOKIE_INPUT_CHARS, tooLong } from './limits.ts';

const PREFIX = '#cookie=';

/** The fragment that reopens `cookie` in the inspector. */
export function cookieFragment(cookie: string): string {
  return PREFIX + encodeURIComponent(cookie);
}

/** `pageUrl` (any fragment dropped) with the fragment for `cookie`. */
export function shareUrl(pageUrl: string, cookie: string): string {
  const hash = pageUrl.indexOf('#');
  return (hash < 0 ? pageUrl : pageUrl.slice(0, hash)) + cookieFragment(cookie);
}

/** What a fragment holds for the inspector. */
export type FragmentState =
  { kind: 'none' } | { kind: 'cookie'; cookie: string } | { kind: 'invalid'; message: string };

/**
 * Reads `location.hash`. Fragments that are not `#cookie=…` (anchors such as `#verify`) are
 * `none`; a cookie fragment that cannot be decoded or is too long is `invalid`, with a sentence.
 */
export function readFragment(hash: string): FragmentState {
  if (!hash.startsWith(PREFIX)) return { kind: 'none' };
  const encoded = hash.slice(PREFIX.length);
  let cookie: string;
  try {
    cookie = decodeURIComponent(encoded);
  } catch {
    return {
      kind: 'invalid',
      message: 'The link’s #cookie= part is not valid percent-encoding, so it was not read.',
    };
  }
  const long = tooLong('The cookie in the link', cookie, MAX_COOKIE_INPUT_CHARS);
  if (long !== null) return { kind: 'invalid', message: long };
  return { kind: 'cookie', cookie };
}
