import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { python } from '@codemirror/lang-python';
import {
  HighlightStyle,
  bracketMatching,
  indentOnInput,
  indentUnit,
  syntaxHighlighting,
} from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { EditorView, highlightActiveLine, keymap, lineNumbers } from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';

/** Python colours from the site's token palette (light and dark, contrast-checked). */
const pythonColours = HighlightStyle.define([
  {
    tag: [tags.keyword, tags.controlKeyword, tags.definitionKeyword, tags.operatorKeyword],
    color: 'var(--tok-keyword)',
  },
  { tag: [tags.string, tags.special(tags.string)], color: 'var(--tok-string)' },
  {
    tag: [tags.function(tags.definition(tags.variableName)), tags.function(tags.variableName)],
    color: 'var(--tok-function)',
  },
  { tag: [tags.number, tags.bool, tags.null], color: 'var(--tok-number)' },
  { tag: tags.comment, color: 'var(--tok-comment)' },
  { tag: [tags.standard(tags.variableName), tags.className], color: 'var(--tok-builtin)' },
]);

const siteTheme = EditorView.theme({
  '&': {
    color: 'var(--text)',
    backgroundColor: 'var(--surface)',
    fontSize: '0.9rem',
    maxHeight: '24rem',
  },
  '.cm-scroller': { overflow: 'auto' },
  '.cm-content': { fontFamily: 'var(--mono)', caretColor: 'var(--text)' },
  '.cm-gutters': { backgroundColor: 'var(--surface-2)', color: 'var(--muted)', border: 'none' },
  '.cm-activeLine': { backgroundColor: 'var(--accent-soft)' },
  '&.cm-focused': { outline: '3px solid var(--focus)', outlineOffset: '2px' },
  '&.cm-focused .cm-cursor': { borderLeftColor: 'var(--text)' },
});

/**
 * A Python code editor (CodeMirror 6) inside a shadow root: CodeMirror adds its styles as
 * constructed stylesheets there, which the page's Content Security Policy allows, whereas in the
 * document it would insert a `<style>` element, which the policy blocks. The site's colour
 * variables still reach it (custom properties inherit into shadow trees).
 *
 * Features: line numbers, highlighting, undo, Tab to indent. The
 * keyboard leaves it with Escape then Tab, which `describedBy` should say. Uncontrolled: the
 * text given later than the first render replaces the editor's only when `resetKey` changes.
 */
export default function CodeEditor(props: {
  readonly initial: string;
  readonly resetKey: number;
  readonly label: string;
  readonly describedBy: string;
  readonly onChange: (text: string) => void;
}) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const onChange = useRef(props.onChange);
  onChange.current = props.onChange;

  // Mounted before the first paint, so the buttons below never jump down under a pointer.
  useLayoutEffect(() => {
    if (host.current === null) return;
    const root = host.current.shadowRoot ?? host.current.attachShadow({ mode: 'open' });
    const editor = new EditorView({
      parent: root,
      root,
      state: EditorState.create({
        doc: props.initial,
        extensions: [
          lineNumbers(),
          history(),
          indentOnInput(),
          bracketMatching(),
          highlightActiveLine(),
          python(),
          // PEP 8's four spaces (CodeMirror's default unit is two).
          indentUnit.of('    '),
          EditorState.tabSize.of(4),
          syntaxHighlighting(pythonColours),
          siteTheme,
          keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
          EditorView.contentAttributes.of({
            'aria-label': props.label,
            'aria-describedby': props.describedBy,
          }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) onChange.current(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = editor;
    return () => editor.destroy();
  }, []);

  useEffect(() => {
    const editor = view.current;
    if (editor === null || editor.state.doc.toString() === props.initial) return;
    editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: props.initial } });
  }, [props.resetKey]);

  return <div class="pr-editor" ref={host} />;
}
