import { useEffect, useState } from 'preact/hooks';
import type { KeyReading } from '../../lib/inspector/secret-keys.ts';
import type { SignField, SignView } from '../../lib/inspector/sign-view.ts';
import { CopyButton } from './CopyButton.tsx';
import { ENGINE_FAILED, loadEngine, nowSeconds } from './load-engine.ts';
import { Field, focusField } from './Field.tsx';
import { KeyField, LiteralToggle, hasLiteralLine } from './KeyField.tsx';
import { KEY_HINT } from './VerifySection.tsx';

export const SIGN_DATA_ID = 'ci-sign-data';
export const SIGN_KEY_ID = 'ci-sign-key';
const FIELD_IDS: Record<SignField, string> = {
  json: SIGN_DATA_ID,
  secretKey: SIGN_KEY_ID,
  timestamp: 'ci-sign-time',
};

interface SignSectionProps {
  readonly disabled: boolean;
  readonly json: string;
  readonly onJson: (json: string) => void;
  readonly secretKey: string;
  readonly onSecretKey: (key: string) => void;
  readonly keyReading: KeyReading;
  readonly onKeyReading: (reading: KeyReading) => void;
  /** Puts a signed cookie into Decode, for the round trip through Decode and Verify. */
  readonly onOpenInDecode: (cookie: string) => void;
  /** Set when another section filled a field here, announced politely. */
  readonly notice: string;
}

interface Signed {
  readonly view: SignView;
  readonly inputs: string;
}

/** Step 3: make the cookie Flask would make, with any data, key and time. */
export function SignSection(props: SignSectionProps) {
  const [timestamp, setTimestamp] = useState('');
  const [signed, setSigned] = useState<Signed | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  // "Now" is only known in the browser; the server-rendered field starts empty.
  useEffect(() => setTimestamp(String(nowSeconds())), []);
  useEffect(() => setStatus(props.notice), [props.notice]);
  const inputs = JSON.stringify([props.json, props.secretKey, props.keyReading, timestamp]);

  const sign = async () => {
    setProblem(null);
    try {
      const engine = await loadEngine();
      const view = await engine.signSession({
        json: props.json,
        secretKey: props.secretKey,
        keyReading: props.keyReading,
        timestamp,
      });
      setSigned({ view, inputs });
      setStatus(view.summary);
      if (!view.ok && view.kind === 'fields') {
        const first = (Object.keys(FIELD_IDS) as SignField[]).find((field) => view.errors[field]);
        if (first !== undefined) focusField(FIELD_IDS[first]);
      }
    } catch {
      setProblem(ENGINE_FAILED);
      setStatus(ENGINE_FAILED);
    }
  };

  const view = signed?.view;
  const errors = view !== undefined && !view.ok && view.kind === 'fields' ? view.errors : {};
  const stale = signed !== null && signed.inputs !== inputs;
  return (
    <section id="sign" class="ci-section" aria-labelledby="sign-heading">
      <h2 id="sign-heading">3. Sign</h2>
      <p>
        Whoever knows the secret key can make any session: write it as the JSON Flask stores, pick
        the key and the time, and get the cookie and the header Flask would send.
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void sign();
        }}
      >
        <fieldset disabled={props.disabled}>
          <legend class="sr-only">Session, key and time</legend>
          <Field
            id={SIGN_DATA_ID}
            label="Session data (Flask’s tagged JSON)"
            hint="A JSON object; Python types are written as one-key objects, see below."
            rows={5}
            value={props.json}
            onInput={props.onJson}
            error={errors.json}
          />
          <TagHelp />
          <KeyField
            id={SIGN_KEY_ID}
            label="Secret key to sign with"
            hint={KEY_HINT}
            value={props.secretKey}
            onInput={props.onSecretKey}
            error={errors.secretKey}
            reading={props.keyReading}
          />
          <LiteralToggle
            literalTyped={hasLiteralLine([props.secretKey])}
            reading={props.keyReading}
            onReading={props.onKeyReading}
          />
          <Field
            id={FIELD_IDS.timestamp}
            label="Signing time"
            hint="Unix seconds or a UTC date and time such as 2023-11-14 22:13:20."
            value={timestamp}
            onInput={setTimestamp}
            error={errors.timestamp}
          />
          <div class="ci-actions">
            <button type="submit" class="button button-primary">
              Sign session
            </button>
            <button type="button" class="button" onClick={() => setTimestamp(String(nowSeconds()))}>
              Use the current time
            </button>
          </div>
          {problem !== null && <p class="ci-error">{problem}</p>}
        </fieldset>
      </form>
      {view !== undefined && view.ok && (
        <div class={`ci-result ci-ok${stale ? ' ci-stale' : ''}`}>
          {stale && (
            <p class="ci-stale-note">
              You changed a field since this cookie was signed. Press Sign session again.
            </p>
          )}
          <h3>Cookie</h3>
          <pre class="ci-code ci-wrap" tabIndex={0}>
            {view.cookie}
          </pre>
          <div class="ci-actions">
            <CopyButton label="Copy cookie" text={view.cookie} />
            <button type="button" class="button" onClick={() => props.onOpenInDecode(view.cookie)}>
              Check it in Decode and Verify
            </button>
          </div>
          {view.empty && (
            <p class="ci-note">
              Flask never sends this cookie: for an empty session it deletes the cookie with the
              header below instead.
            </p>
          )}
          <h3>Header Flask sends</h3>
          <pre class="ci-code ci-wrap" tabIndex={0}>
            Set-Cookie: {view.setCookie}
          </pre>
          <div class="ci-actions">
            <CopyButton label="Copy header" text={`Set-Cookie: ${view.setCookie}`} />
          </div>
          <p class="ci-hint">
            With the default configuration; Flask also sends Vary: Cookie. Signed at {view.signedAt}{' '}
            for the session <code class="ci-wrap">{view.python}</code>.
          </p>
          {view.warning !== null && <p class="ci-error">Werkzeug warns: {view.warning}</p>}
        </div>
      )}
      {view !== undefined && !view.ok && view.kind === 'flask-error' && (
        <div class={`ci-result ci-bad${stale ? ' ci-stale' : ''}`}>
          <p>
            <strong>Flask cannot store this session.</strong> {view.message}
          </p>
          {view.python !== null && (
            <pre class="ci-code" tabIndex={0}>
              {view.python}
            </pre>
          )}
        </div>
      )}
      <p class="sr-only" role="status">
        {status}
      </p>
    </section>
  );
}

const TAGS: readonly (readonly [string, string, string])[] = [
  ['tuple', '{" t": [1, 2]}', '(1, 2)'],
  ['bytes', '{" b": "AAE="}', "b'\\x00\\x01'"],
  [
    'datetime',
    '{" d": "Tue, 02 Jan 2024 03:04:05 GMT"}',
    'datetime(2024, 1, 2, 3, 4, 5, tzinfo=utc)',
  ],
  ['UUID', '{" u": "12345678123456781234567812345678"}', "UUID('12345678-…')"],
  ['Markup', '{" m": "<b>hi</b>"}', "Markup('<b>hi</b>')"],
  ['float', '1.0', '1.0 (1 is an int)'],
];

function TagHelp() {
  return (
    <details class="ci-help">
      <summary>How to write Python types</summary>
      <div
        class="table-scroll"
        role="region"
        aria-label="Tagged JSON for Python types"
        tabIndex={0}
      >
        <table class="stack-table">
          <thead>
            <tr>
              <th scope="col">Python type</th>
              <th scope="col">Write</th>
              <th scope="col">Python gets</th>
            </tr>
          </thead>
          <tbody>
            {TAGS.map(([type, json, python]) => (
              <tr key={type}>
                <th scope="row">{type}</th>
                <td data-label="Write">
                  <code class="ci-wrap">{json}</code>
                </td>
                <td data-label="Python gets">
                  <code>{python}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="ci-hint">
        The key of a tag starts with a space. NaN and Infinity are allowed, as in Python’s JSON.
      </p>
    </details>
  );
}
