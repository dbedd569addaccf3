import { useState } from 'preact/hooks';
import type { KeyReading } from '../../lib/inspector/secret-keys.ts';
import type { VerifyField, VerifyView } from '../../lib/inspector/verify-view.ts';
import { ENGINE_FAILED, loadEngine, nowSeconds } from './load-engine.ts';
import { Field, focusField } from './Field.tsx';
import { KeyField, LiteralToggle, hasLiteralLine } from './KeyField.tsx';

const DEFAULT_MAX_AGE = String(31 * 24 * 60 * 60);
const FIELD_IDS: Record<VerifyField, string> = {
  secretKey: 'ci-verify-key',
  fallbackKeys: 'ci-verify-fallbacks',
  maxAge: 'ci-verify-max-age',
};

/** How key fields are read, said once above each key field. */
export const KEY_HINT =
  "Exactly as typed (Shift+Enter adds a line break, which counts), or as Python has it: 'text' or b'bytes' with Python's escapes.";

interface Checked {
  readonly view: VerifyView;
  /** The cookie and fields the view was computed from, to tell when it is out of date. */
  readonly inputs: string;
}

/** Step 2: check the decoded cookie with a key, as Flask does when the cookie comes back. */
export function VerifySection({
  cookie,
  disabled,
}: {
  readonly cookie: string | null;
  readonly disabled: boolean;
}) {
  const [secretKey, setSecretKey] = useState('');
  const [fallbackKeys, setFallbackKeys] = useState('');
  const [keyReading, setKeyReading] = useState<KeyReading>('auto');
  const [maxAge, setMaxAge] = useState(DEFAULT_MAX_AGE);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const inputs = JSON.stringify([cookie, secretKey, fallbackKeys, keyReading, maxAge]);

  const verify = async () => {
    if (cookie === null) {
      setProblem('Decode a cookie first: Verify checks the cookie from step 1.');
      setStatus('Not verified: decode a cookie first.');
      return;
    }
    setProblem(null);
    try {
      const engine = await loadEngine();
      const view = await engine.verifyCookie({
        cookie,
        secretKey,
        fallbackKeys,
        keyReading,
        maxAge,
        now: nowSeconds(),
      });
      setChecked({ view, inputs });
      setStatus(view.summary);
      if (!view.ok && view.kind === 'fields') {
        const first = (Object.keys(FIELD_IDS) as VerifyField[]).find((field) => view.errors[field]);
        if (first !== undefined) focusField(FIELD_IDS[first]);
      }
    } catch {
      setProblem(ENGINE_FAILED);
      setStatus(ENGINE_FAILED);
    }
  };

  const view = checked?.view;
  const errors = view !== undefined && !view.ok && view.kind === 'fields' ? view.errors : {};
  const stale = checked !== null && checked.inputs !== inputs;
  return (
    <section id="verify" class="ci-section" aria-labelledby="verify-heading">
      <h2 id="verify-heading">2. Verify</h2>
      <p>
        Checks the signature, the timestamp and the age the way Flask does when the cookie comes
        back, at your computer’s clock. Verifying never signs anything.
      </p>
      <p class="ci-note">
        {cookie === null ? (
          'No cookie yet: decode one in step 1.'
        ) : (
          <>
            Checking: <code class="ci-wrap">{cookie}</code>
          </>
        )}
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void verify();
        }}
      >
        <fieldset disabled={disabled}>
          <legend class="sr-only">Keys and maximum age</legend>
          <KeyField
            id={FIELD_IDS.secretKey}
            label="Secret key (SECRET_KEY)"
            hint={KEY_HINT}
            value={secretKey}
            onInput={setSecretKey}
            error={errors.secretKey}
            reading={keyReading}
          />
          <KeyField
            id={FIELD_IDS.fallbackKeys}
            label="Fallback keys (SECRET_KEY_FALLBACKS), optional"
            hint="Older keys still accepted, one per line in the order of the Python list."
            perLine
            value={fallbackKeys}
            onInput={setFallbackKeys}
            error={errors.fallbackKeys}
            reading={keyReading}
          />
          <LiteralToggle
            literalTyped={hasLiteralLine([secretKey, fallbackKeys])}
            reading={keyReading}
            onReading={setKeyReading}
          />
          <Field
            id={FIELD_IDS.maxAge}
            label="Maximum age in seconds (PERMANENT_SESSION_LIFETIME)"
            hint="Flask’s default is 2678400, which is 31 days; a day is 86400."
            numeric
            value={maxAge}
            onInput={setMaxAge}
            error={errors.maxAge}
          />
          <button type="submit" class="button button-primary">
            Verify signature
          </button>
          {problem !== null && <p class="ci-error">{problem}</p>}
        </fieldset>
      </form>
      {view !== undefined && (view.ok || view.kind === 'rejected') && (
        <div class={`ci-result ${view.ok ? 'ci-ok' : 'ci-bad'}${stale ? ' ci-stale' : ''}`}>
          {stale && (
            <p class="ci-stale-note">
              You changed the cookie or a field since this check. Press Verify signature again.
            </p>
          )}
          {view.ok ? (
            <>
              <p>
                <strong>Valid.</strong> Signed with {view.keyUsed}, {view.age} ({view.signedAt}).
                Flask accepts it, and the session is:
              </p>
              <pre class="ci-code" tabIndex={0}>
                {view.python}
              </pre>
            </>
          ) : (
            <>
              <p>
                <strong>{view.error}.</strong> {view.message}
              </p>
              {view.keyNote !== null && <p>{view.keyNote}</p>}
              {view.python !== null && (
                <>
                  <p class="ci-hint">What Python raises:</p>
                  <pre class="ci-code" tabIndex={0}>
                    {view.python}
                  </pre>
                </>
              )}
            </>
          )}
        </div>
      )}
      <p class="sr-only" role="status">
        {status}
      </p>
    </section>
  );
}
