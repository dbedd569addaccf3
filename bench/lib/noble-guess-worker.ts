/**
 * The inspector's guessing loop before the kernels (bench/crack.ts measures it in Chromium):
 * one `@noble/hashes` HMAC key derivation and one HMAC per key, each key a JavaScript string.
 * Bundled by the benchmark and served to the page as a worker of its own.
 */
import { cookieSignatureMatches, parseSignedCookie } from '../../src/lib/flask/decode.ts';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<{ cookie: string; keys: string }>) => void) | null;
  postMessage(result: { tried: number; ms: number }): void;
};

scope.onmessage = ({ data }) => {
  const signed = parseSignedCookie(data.cookie);
  if (signed === null) throw new Error('no dot in the cookie');
  const keys = data.keys.split('\n').filter((key) => key !== '');
  const started = performance.now();
  let tried = 0;
  for (const key of keys) {
    tried += 1;
    if (cookieSignatureMatches(signed, key)) break;
  }
  scope.postMessage({ tried, ms: performance.now() - started });
};
