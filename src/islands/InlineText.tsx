import { splitInlineCode } from '../lib/inline-code.ts';

/** Lesson text in which `backticks` mark code: the islands' counterpart of `InlineText.astro`. */
export default function InlineText({ text }: { text: string }) {
  return <>{splitInlineCode(text).map((run) => (run.code ? <code>{run.text}</code> : run.text))}</>;
}
