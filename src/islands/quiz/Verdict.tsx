import type { NamedChoice } from '../../lib/quiz/grade.ts';
import type { QuestionView } from '../../lib/quiz/state.ts';
import InlineText from '../InlineText.tsx';
import type { ComponentChildren } from 'preact';

interface Props {
  view: QuestionView;
  /** The hint with its link, shown after a first wrong check. */
  hint: ComponentChildren;
  answerId: string;
}

/**
 * A question's feedback: the verdict on the checked choice and, when open, the right answer. Lives
 * inside the question's status region, so each change is announced.
 */
export default function Verdict({ view, hint, answerId }: Props) {
  const { verdict } = view;
  return (
    <>
      {verdict.kind === 'unchosen' && <p>Choose an answer first, then check it.</p>}
      {verdict.kind === 'correct' && (
        <>
          <Mark correct>Correct.</Mark>
          <p>
            You chose <Named choice={verdict.feedback.chosen} />.{' '}
            <InlineText text={verdict.feedback.chosen.explanation} />
          </p>
          <p>
            <InlineText text={verdict.feedback.explanation} />
          </p>
        </>
      )}
      {verdict.kind === 'try-again' && (
        <>
          <Mark>Not quite. Pick another answer and check again.</Mark>
          <p>
            <strong>Hint:</strong> {hint}
          </p>
        </>
      )}
      {verdict.kind === 'wrong' && (
        <>
          <Mark>Not quite.</Mark>
          <p>
            You chose <Named choice={verdict.feedback.chosen} />.{' '}
            <InlineText text={verdict.feedback.chosen.explanation} />
          </p>
        </>
      )}
      <div id={answerId} class="answer" hidden={!view.answer}>
        {view.answer && (
          <>
            <p>
              The right answer is <Named choice={view.answer.right} />.{' '}
              <InlineText text={view.answer.right.explanation} />
            </p>
            <p>
              <InlineText text={view.answer.explanation} />
            </p>
          </>
        )}
      </div>
    </>
  );
}

function Mark({ correct = false, children }: { correct?: boolean; children: ComponentChildren }) {
  return (
    <p class={`verdict ${correct ? 'is-correct' : 'is-wrong'}`}>
      <span aria-hidden="true">{correct ? '✓ ' : '✗ '}</span>
      {children}
    </p>
  );
}

function Named({ choice }: { choice: NamedChoice }) {
  return (
    <strong>
      {choice.letter}: <InlineText text={choice.text} />
    </strong>
  );
}
