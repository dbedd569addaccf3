import { useEffect, useState } from 'preact/hooks';
import { looksLikePythonLiteral } from '../../lib/python-literal-start.ts';
import type { KeyReading } from '../../lib/inspector/secret-keys.ts';
import { Field } from './Field.tsx';
import { loadEngine } from './load-engine.ts';

interface KeyFieldProps {
  readonly id: string;
  readonly label: string;
  readonly hint?: string;
  readonly value: string;
  readonly onInput: (value: string) => void;
  readonly error?: string | null | undefined;
  readonly reading: KeyReading;
  /** One key per line (`SECRET_KEY_FALLBACKS`) instead of one key that may span lines. */
  readonly perLine?: boolean;
}

/**
 * A secret-key field: a text area, so a key's line breaks are kept, with a line under it that
 * says how the text is read (plain text or a Python literal, its length, a trailing newline).
 * The reading code loads with the engine, on the first key typed.
 */
export function KeyField(props: KeyFieldProps) {
  const note = useKeyNote(props.value, props.reading, props.perLine ?? false);
  return (
    <Field
      id={props.id}
      label={props.label}
      {...(props.hint === undefined ? {} : { hint: props.hint })}
      rows={2}
      submitOnEnter={!(props.perLine ?? false)}
      value={props.value}
      onInput={props.onInput}
      error={props.error}
      note={note}
    />
  );
}

function useKeyNote(text: string, reading: KeyReading, perLine: boolean): string | null {
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    if (text === '') setNote(null);
    else {
      loadEngine()
        .then((engine) => current && setNote(engine.keyNote(text, reading, perLine)))
        .catch(() => current && setNote(null));
    }
    return () => {
      current = false;
    };
  }, [text, reading, perLine]);
  return note;
}

/** Whether any line of `texts` starts like a Python string or bytes literal. */
export function hasLiteralLine(texts: readonly string[]): boolean {
  return texts.some((text) => text.split('\n').some((line) => looksLikePythonLiteral(line)));
}

/**
 * “Take the text literally”: shown while a key field holds something that reads as a Python
 * literal, for the rare key whose real text starts with a quote.
 */
export function LiteralToggle(props: {
  /** Whether a field holds a line that reads as a literal ({@link hasLiteralLine}). */
  readonly literalTyped: boolean;
  readonly reading: KeyReading;
  readonly onReading: (reading: KeyReading) => void;
}) {
  if (!props.literalTyped && props.reading === 'auto') return null;
  return (
    <label class="ci-check">
      <input
        type="checkbox"
        checked={props.reading === 'plain'}
        onChange={(event) => props.onReading(event.currentTarget.checked ? 'plain' : 'auto')}
      />
      <span>
        Take the text literally: quotes and backslashes are part of the key, not Python syntax
      </span>
    </label>
  );
}
