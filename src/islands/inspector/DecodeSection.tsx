import type { DecodeProblem, DecodedView } from '../../lib/inspector/decode-view.ts';
import { shareUrl } from '../../lib/inspector/fragment.ts';
import { MAX_COOKIE_INPUT_CHARS } from '../../lib/inspector/limits.ts';
import { CookieParts } from '../shared/CookieParts.tsx';
import { CopyButton } from './CopyButton.tsx';
import { Field } from './Field.tsx';

export const DECODE_INPUT_ID = 'ci-cookie';

interface DecodeSectionProps {
  readonly disabled: boolean;
  readonly input: string;
  readonly onInput: (input: string) => void;
  readonly onDecode: () => void;
  /** Puts the lesson's counter cookie into the field and decodes it. */
  readonly onExample: () => void;
  /** Shown once the example was loaded. */
  readonly exampleNote: string | null;
  readonly result: DecodedView | DecodeProblem | null;
  /** Announced politely after each decode. */
  readonly status: string;
  readonly onEditInSigner: (json: string) => void;
}

/** Step 1: read a cookie without any key. */
export function DecodeSection(props: DecodeSectionProps) {
  const { result } = props;
  return (
    <section id="decode" class="ci-section" aria-labelledby="decode-heading">
      <h2 id="decode-heading">1. Decode</h2>
      <p>
        No key needed: a Flask session cookie is signed, not encrypted, so anyone who has it can
        read it.
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          props.onDecode();
        }}
      >
        <fieldset disabled={props.disabled}>
          <legend class="sr-only">Cookie to decode</legend>
          <Field
            id={DECODE_INPUT_ID}
            label="Cookie value or header"
            hint={`The value after session=, or a whole Cookie: or Set-Cookie: header (up to ${MAX_COOKIE_INPUT_CHARS.toLocaleString('en-US')} characters).`}
            rows={4}
            value={props.input}
            onInput={props.onInput}
            error={result !== null && !result.ok ? result.message : null}
          />
          <div class="ci-actions">
            <button type="submit" class="button button-primary">
              Decode
            </button>
            <button type="button" class="button" onClick={props.onExample}>
              Try an example
            </button>
          </div>
        </fieldset>
      </form>
      {props.exampleNote !== null && <p class="ci-note">{props.exampleNote}</p>}
      {result?.source && <p class="ci-note">{result.source}</p>}
      {result !== null && !result.ok && result.cookie !== null && (
        <p class="ci-note">Verify and Guess below can still check this cookie’s signature.</p>
      )}
      {result?.ok && <DecodedDetails view={result} onEditInSigner={props.onEditInSigner} />}
      <p class="sr-only" role="status">
        {props.status}
      </p>
    </section>
  );
}

function DecodedDetails({
  view,
  onEditInSigner,
}: {
  readonly view: DecodedView;
  readonly onEditInSigner: (json: string) => void;
}) {
  return (
    <div class="ci-result">
      <CookieParts
        payload={view.parts.payload}
        timestamp={view.parts.timestamp}
        signature={view.parts.signature}
        data={
          view.compressed
            ? 'zlib-compressed (the cookie starts with a dot), then base64'
            : 'base64, not compressed'
        }
        signedAt={view.signedAt}
        signatureHex={view.signatureHex}
      />
      {view.epochNote !== null && <p class="ci-note">{view.epochNote}</p>}
      <h3>The JSON Flask wrote</h3>
      <pre class="ci-code" tabIndex={0}>
        {view.json}
      </pre>
      <h3>What Python gets</h3>
      <pre class="ci-code" tabIndex={0}>
        {view.python}
      </pre>
      {view.taggedTypes.length > 0 && (
        <p class="ci-note">
          Flask tagged these Python types, which JSON lacks: {view.taggedTypes.join(', ')}.
        </p>
      )}
      {view.entries !== null && view.entries.length > 0 && (
        <div class="table-scroll" role="region" aria-label="Session keys" tabIndex={0}>
          <table class="ci-entries stack-table">
            <caption>Each key of the session with its Python type and value.</caption>
            <thead>
              <tr>
                <th scope="col">Key</th>
                <th scope="col">Type</th>
                <th scope="col">Value</th>
              </tr>
            </thead>
            <tbody>
              {view.entries.map((entry) => (
                <tr key={entry.key}>
                  <th scope="row">
                    <code>{entry.key}</code>
                  </th>
                  <td data-label="Type">
                    <code>{entry.type}</code>
                  </td>
                  <td data-label="Value">
                    <code class="ci-wrap">{entry.value}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div class="ci-actions">
        <button type="button" class="button" onClick={() => onEditInSigner(view.json)}>
          Edit this data in Sign
        </button>
        <CopyButton
          label="Copy a link to this cookie"
          text={shareUrl(location.href, view.cookie)}
        />
      </div>
      <p class="ci-hint">The link carries the cookie in its #cookie= part, never a key.</p>
    </div>
  );
}
