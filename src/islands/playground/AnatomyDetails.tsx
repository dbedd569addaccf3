import type { CookieAnatomy } from '../../lib/playground/anatomy.ts';
import { CookieParts } from '../shared/CookieParts.tsx';

/** The browser's session cookie read without a key, with a link to open it in the inspector. */
export function AnatomyDetails({
  anatomy,
  inspectorUrl,
}: {
  anatomy: CookieAnatomy;
  inspectorUrl: string;
}) {
  return (
    <>
      <CookieParts
        payload={anatomy.payloadPart}
        timestamp={anatomy.timestampPart}
        signature={anatomy.signaturePart}
        data={
          <>
            {anatomy.compressed ? 'zlib-compressed: ' : ''}
            <code>{anatomy.json}</code>, which Python reads as <code>{anatomy.session}</code>
          </>
        }
        signedAt={
          anatomy.signedAt === null
            ? 'the timestamp is unreadable'
            : `${anatomy.signedAt} (${anatomy.age ?? ''})`
        }
        signatureHex={anatomy.signatureHex}
      />
      <p class="pg-inspect">
        <a href={inspectorUrl + anatomy.inspectorFragment}>
          Open this cookie in the cookie inspector
        </a>{' '}
        to verify it with a key, sign your own or guess a weak key.
      </p>
    </>
  );
}
