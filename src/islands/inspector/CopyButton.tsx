import { useEffect, useState } from 'preact/hooks';

/** Copies `text` to the clipboard and says, politely, whether that worked. */
export function CopyButton({ text, label }: { readonly text: string; readonly label: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => setState('idle'), [text]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      // No clipboard access (an insecure page, a denied permission): the text is on screen.
      setState('failed');
    }
  };
  return (
    <span class="ci-copy">
      <button type="button" class="button" onClick={copy}>
        {label}
      </button>
      <span class="ci-copy-note" aria-live="polite">
        {state === 'copied'
          ? 'Copied.'
          : state === 'failed'
            ? 'Could not copy: select the text and copy it.'
            : ''}
      </span>
    </span>
  );
}
