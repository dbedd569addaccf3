import type { ComponentChildren } from 'preact';

export interface CookiePartsProps {
  /** The three dot-separated parts as they appear in the cookie. */
  readonly payload: string;
  readonly timestamp: string;
  readonly signature: string;
  /** What the data part holds, in the page's words (the JSON, or how it is encoded). */
  readonly data: ComponentChildren;
  /** When it was signed, in the page's words (e.g. the UTC time and how long ago). */
  readonly signedAt: string;
  /** The signature's bytes as hex; null when the part is not valid base64. */
  readonly signatureHex: string | null;
}

/**
 * A Flask session cookie taken apart: the cookie with its payload, timestamp and signature in
 * their colours, and one line per part keyed to it by a swatch. Shared by the playground's
 * cookie anatomy and the inspector's Decode step; styles in `src/styles/cookie-parts.css`.
 */
export function CookieParts(props: CookiePartsProps) {
  return (
    <>
      <p class="cookie-parts">
        <code>
          <span class="cookie-part cookie-part-payload">{props.payload}</span>.
          <span class="cookie-part cookie-part-time">{props.timestamp}</span>.
          <span class="cookie-part cookie-part-signature">{props.signature}</span>
        </code>
      </p>
      <dl class="cookie-facts">
        <div>
          <dt>
            <span class="cookie-swatch cookie-part-payload" aria-hidden="true" />
            Data
          </dt>
          <dd>{props.data}</dd>
        </div>
        <div>
          <dt>
            <span class="cookie-swatch cookie-part-time" aria-hidden="true" />
            Signed at
          </dt>
          <dd>{props.signedAt}</dd>
        </div>
        <div>
          <dt>
            <span class="cookie-swatch cookie-part-signature" aria-hidden="true" />
            Signature (HMAC-SHA1)
          </dt>
          <dd>
            <code class="cookie-hex">{props.signatureHex ?? 'not valid base64'}</code>
          </dd>
        </div>
      </dl>
    </>
  );
}
