import type { ComponentChildren } from 'preact';

interface FieldProps {
  readonly id: string;
  readonly label: ComponentChildren;
  /** Shown under the label and read with the field. */
  readonly hint?: ComponentChildren;
  /** The sentence shown under the field when its value is wrong; marks the field invalid. */
  readonly error?: string | null | undefined;
  /** A line under the field saying how its text is read, read with the field. */
  readonly note?: ComponentChildren;
  readonly value: string;
  readonly onInput: (value: string) => void;
  /** A text area with this many rows; a one-line input when absent. */
  readonly rows?: number;
  /** In a text area, Enter submits the form and Shift+Enter adds a line break. */
  readonly submitOnEnter?: boolean;
  readonly numeric?: boolean;
}

/** A labelled text field whose hint and error are tied to it for screen readers. */
export function Field(props: FieldProps) {
  const hintId = props.hint === undefined ? null : `${props.id}-hint`;
  const errorId = props.error ? `${props.id}-error` : null;
  const noteId = props.note === undefined || props.note === null ? null : `${props.id}-note`;
  const describedBy = [hintId, noteId, errorId].filter((id) => id !== null).join(' ');
  const shared = {
    id: props.id,
    value: props.value,
    onInput: (event: { currentTarget: { value: string } }) =>
      props.onInput(event.currentTarget.value),
    'aria-describedby': describedBy === '' ? undefined : describedBy,
    'aria-invalid': errorId === null ? undefined : ('true' as const),
    spellcheck: false,
    autocomplete: 'off',
    autocapitalize: 'off' as const,
  };
  return (
    <div class="ci-field">
      <label for={props.id}>{props.label}</label>
      {hintId !== null && (
        <p id={hintId} class="ci-hint">
          {props.hint}
        </p>
      )}
      {props.rows === undefined ? (
        <input type="text" inputMode={props.numeric ? 'numeric' : 'text'} {...shared} />
      ) : (
        <textarea
          rows={props.rows}
          onKeyDown={props.submitOnEnter ? submitOnEnter : undefined}
          {...shared}
        />
      )}
      {noteId !== null && (
        <p id={noteId} class="ci-hint">
          {props.note}
        </p>
      )}
      {errorId !== null && (
        <p id={errorId} class="ci-error">
          {props.error}
        </p>
      )}
    </div>
  );
}

function submitOnEnter(event: KeyboardEvent & { currentTarget: HTMLTextAreaElement }) {
  if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
  event.preventDefault();
  event.currentTarget.form?.requestSubmit();
}

/** Moves focus to the field with this id (used to bring the learner to a field to fix). */
export function focusField(id: string): void {
  document.getElementById(id)?.focus();
}
