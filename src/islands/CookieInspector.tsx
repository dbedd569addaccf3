import { useEffect, useRef, useState } from 'preact/hooks';
import type { DecodeProblem, DecodedView } from '../lib/inspector/decode-view.ts';
import { EXAMPLE_COOKIE, EXAMPLE_NOTE } from '../lib/inspector/example.ts';
import { readFragment } from '../lib/inspector/fragment.ts';
import type { KeyReading } from '../lib/inspector/secret-keys.ts';
import { DECODE_INPUT_ID, DecodeSection } from './inspector/DecodeSection.tsx';
import { ENGINE_FAILED, loadEngine, nowSeconds } from './inspector/load-engine.ts';
import { focusField } from './inspector/Field.tsx';
import { GuessSection } from './inspector/GuessSection.tsx';
import { SIGN_DATA_ID, SignSection } from './inspector/SignSection.tsx';
import { VerifySection } from './inspector/VerifySection.tsx';

/**
 * The cookie inspector: Decode, Verify, Sign and Guess, four separate steps on one cookie. This
 * component holds what the steps share (the decoded cookie, the signer's data and key) and the
 * `#cookie=` fragment; each step renders its own form, and all Flask logic runs in
 * `src/lib/inspector/`, loaded on first use. Server-rendered, its forms stay disabled until
 * the island has loaded.
 */
export default function CookieInspector({ builtInListSize }: { readonly builtInListSize: number }) {
  const [hydrated, setHydrated] = useState(false);
  const [input, setInput] = useState('');
  const [decoded, setDecoded] = useState<DecodedView | DecodeProblem | null>(null);
  const [decodeStatus, setDecodeStatus] = useState('');
  const [signJson, setSignJson] = useState('{"count": 1}');
  const [signKey, setSignKey] = useState('');
  const [signKeyReading, setSignKeyReading] = useState<KeyReading>('auto');
  const [signNotice, setSignNotice] = useState('');
  const [exampleNote, setExampleNote] = useState<string | null>(null);
  const latestDecode = useRef(0);

  const decode = async (text: string) => {
    const run = ++latestDecode.current;
    let result: DecodedView | DecodeProblem;
    try {
      const engine = await loadEngine();
      result = await engine.decodeInput(text, nowSeconds());
    } catch {
      result = { ok: false, cookie: null, source: null, message: ENGINE_FAILED };
    }
    // A slower, older decode must not overwrite a newer one.
    if (run !== latestDecode.current) return;
    setDecoded(result);
    setDecodeStatus(result.ok ? result.summary : `Not decoded: ${result.message}`);
  };

  useEffect(() => {
    setHydrated(true);
    const restore = () => {
      const state = readFragment(location.hash);
      if (state.kind === 'cookie') {
        setInput(state.cookie);
        void decode(state.cookie);
      } else if (state.kind === 'invalid') {
        setDecoded({ ok: false, cookie: null, source: null, message: state.message });
        setDecodeStatus(state.message);
      }
    };
    restore();
    addEventListener('hashchange', restore);
    return () => removeEventListener('hashchange', restore);
  }, []);

  const cookie = decoded?.cookie ?? null;
  const disabled = !hydrated;
  return (
    <div class="inspector">
      {!hydrated && (
        <p class="ci-loading">The inspector runs in your browser and needs JavaScript.</p>
      )}
      <DecodeSection
        disabled={disabled}
        input={input}
        onInput={(text) => {
          setInput(text);
          setExampleNote(null);
        }}
        onDecode={() => void decode(input)}
        onExample={() => {
          setInput(EXAMPLE_COOKIE);
          setExampleNote(EXAMPLE_NOTE);
          void decode(EXAMPLE_COOKIE);
        }}
        exampleNote={exampleNote}
        result={decoded}
        status={decodeStatus}
        onEditInSigner={(json) => {
          setSignJson(json);
          setSignNotice('The decoded data is in Sign, ready to edit.');
          focusField(SIGN_DATA_ID);
        }}
      />
      <VerifySection cookie={cookie} disabled={disabled} />
      <SignSection
        disabled={disabled}
        json={signJson}
        onJson={setSignJson}
        secretKey={signKey}
        onSecretKey={setSignKey}
        keyReading={signKeyReading}
        onKeyReading={setSignKeyReading}
        notice={signNotice}
        onOpenInDecode={(signed) => {
          setInput(signed);
          void decode(signed);
          focusField(DECODE_INPUT_ID);
        }}
      />
      <GuessSection
        cookie={cookie}
        disabled={disabled}
        builtInListSize={builtInListSize}
        onUseKey={(typed) => {
          setSignKey(typed);
          setSignKeyReading('auto');
          setSignNotice('The found key is in Sign. Write any session and sign it.');
          focusField(SIGN_DATA_ID);
        }}
      />
    </div>
  );
}
