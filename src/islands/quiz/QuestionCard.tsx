import type { Lesson } from '../../schemas/lesson.ts';
import type { RefLink } from '../../lib/lesson/ref-link.ts';
import { questionAnchor } from '../../lib/lesson/refs.ts';
import { rightChoice } from '../../lib/quiz/grade.ts';
import { choiceLetter } from '../../lib/quiz/letters.ts';
import type { QuestionView, QuizAction } from '../../lib/quiz/state.ts';
import InlineText from '../InlineText.tsx';
import Verdict from './Verdict.tsx';

export type Question = Lesson['quiz'][number];
export type HintLink = RefLink & { label: string };

interface Props {
  question: Question;
  /** 0-based position; questions are shown numbered from 1. */
  index: number;
  view: QuestionView;
  hintLink: HintLink | undefined;
  /** False until the island has hydrated and restored saved answers. */
  ready: boolean;
  dispatch: (action: QuizAction) => void;
  /**
   * Whether "Show the answer" is offered (default true). The Challenge offers it only once a
   * problem is finished, so an answer cannot be looked up and then scored.
   */
  answerOnRequest?: boolean;
  /** Called when the learner follows the hint's link to a target on this page. */
  onHintFollowed: (link: HintLink) => void;
}

/** The notice tone (see `global.css`) of each verdict. */
const tone: Record<QuestionView['verdict']['kind'], string> = {
  none: '',
  unchosen: '',
  correct: ' notice-ok',
  'try-again': ' notice-bad',
  wrong: ' notice-bad',
};

/** The feedback region's classes: a notice only while it has something to say. */
function feedbackClass(view: QuestionView): string {
  const empty = view.verdict.kind === 'none' && !view.answer;
  return empty ? 'feedback' : `feedback notice${tone[view.verdict.kind]}`;
}

/**
 * One question. Before hydration (or without JavaScript) the radios and Check are disabled and
 * the hint and answer open as `<details>`; once hydrated they are buttons driven by the quiz state.
 */
export default function QuestionCard(props: Props) {
  const { question, index, view, hintLink, ready, dispatch } = props;
  const id = questionAnchor(question.id);
  const hint = (
    <>
      <InlineText text={question.hint.text} />{' '}
      {hintLink && (
        <a href={hintLink.href} onClick={() => hintLink.targetId && props.onHintFollowed(hintLink)}>
          Go to {hintLink.label}
        </a>
      )}
    </>
  );
  return (
    <fieldset class="question" id={id}>
      <legend>
        <h3>
          Question {index + 1}: <InlineText text={question.prompt} />
        </h3>
      </legend>
      <div class="choices">
        {question.choices.map((choice, choiceIndex) => (
          <label class="choice" key={choice.id}>
            <input
              type="radio"
              name={id}
              value={choice.id}
              checked={view.selected === choice.id}
              disabled={!ready}
              onChange={() =>
                dispatch({ type: 'select', question: question.id, choice: choice.id })
              }
            />
            <span class="choice-letter">{choiceLetter(choiceIndex)}</span>{' '}
            <span>
              <InlineText text={choice.text} />
            </span>
          </label>
        ))}
      </div>
      <div class="question-actions">
        <button
          type="button"
          class="button button-primary"
          disabled={!ready}
          onClick={() => dispatch({ type: 'check', question })}
        >
          Check
        </button>
        {ready && props.answerOnRequest !== false && (
          <button
            type="button"
            class="button"
            aria-expanded={view.answerOpen}
            aria-controls={`${id}-answer`}
            onClick={() => dispatch({ type: 'toggleAnswer', question: question.id })}
          >
            {view.answerOpen ? 'Hide the answer' : 'Show the answer'}
          </button>
        )}
      </div>
      <div class={feedbackClass(view)} role="status">
        {ready && <Verdict view={view} hint={hint} answerId={`${id}-answer`} />}
      </div>
      {ready ? (
        // After a first miss the feedback holds the hint; a second copy behind a button would
        // only make the learner wonder whether it says something else.
        view.verdict.kind !== 'try-again' && (
          <div class="disclosure">
            <button
              type="button"
              class="disclosure-toggle"
              aria-expanded={view.hintOpen}
              aria-controls={`${id}-hint`}
              onClick={() => dispatch({ type: 'toggleHint', question: question.id })}
            >
              Hint
            </button>
            <p class="hint-text" id={`${id}-hint`} hidden={!view.hintOpen}>
              {hint}
            </p>
          </div>
        )
      ) : (
        <>
          <details class="disclosure">
            <summary class="disclosure-toggle">Hint</summary>
            <p class="hint-text">{hint}</p>
          </details>
          <StaticAnswer question={question} />
        </>
      )}
    </fieldset>
  );
}

/**
 * The answer as a `<details>`, for reading without JavaScript. With JavaScript it is hidden from
 * the first paint (`html.js`): once hydrated, "Show the answer" sits beside Check, so the card
 * keeps its height and the page does not shift.
 */
function StaticAnswer({ question }: { question: Question }) {
  const right = rightChoice(question);
  return (
    <details class="disclosure static-answer">
      <summary class="disclosure-toggle">Show the answer</summary>
      {right && (
        <p>
          <strong>
            {right.letter}: <InlineText text={right.text} />.
          </strong>{' '}
          <InlineText text={right.explanation} />
        </p>
      )}
      <p>
        <InlineText text={question.explanation} />
      </p>
    </details>
  );
}
