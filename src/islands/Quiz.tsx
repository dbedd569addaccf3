import { useEffect, useState } from 'preact/hooks';
import type { Lesson } from '../schemas/lesson.ts';
import type { RefLink } from '../lib/lesson/ref-link.ts';
import { questionAnchor } from '../lib/lesson/refs.ts';
import { feedbackFor, rightChoice, scoreQuiz, type Feedback } from '../lib/quiz/grade.ts';
import { choiceLetter } from '../lib/quiz/letters.ts';
import { browserStorage, loadAnswers, saveAnswers } from '../lib/progress/store.ts';
import { revealTarget } from '../scripts/reveal-target.ts';
import InlineText from './InlineText.tsx';

type Question = Lesson['quiz'][number];
type ByQuestion<T> = Record<string, T>;

interface Props {
  lessonId: string;
  questions: Question[];
  /** Where each question's hint points, in question order, with the link text. */
  hintLinks: (RefLink & { label: string })[];
}

/**
 * The lesson's quiz. Server-rendered, it is readable without JavaScript: radios and buttons are
 * disabled, and hints and answers open as `<details>`. Once hydrated it grades on "Check" (never
 * on select, since arrow keys change the selection), says right or wrong in words in a status
 * region that exists from the start, and saves checked answers (see `lib/progress/store.ts`).
 */
export default function Quiz({ lessonId, questions, hintLinks }: Props) {
  const [ready, setReady] = useState(false);
  const [selected, setSelected] = useState<ByQuestion<string>>({});
  const [checked, setChecked] = useState<ByQuestion<string>>({});
  const [unchosen, setUnchosen] = useState<ByQuestion<boolean>>({});
  const [hintsOpen, setHintsOpen] = useState<ByQuestion<boolean>>({});
  const [answersShown, setAnswersShown] = useState(false);
  const [quizStatus, setQuizStatus] = useState('');
  const [saved, setSaved] = useState(true);

  useEffect(() => {
    const restored = loadAnswers(browserStorage(), lessonId, questions);
    setChecked(restored);
    setSelected(restored);
    setReady(true);
  }, [lessonId, questions]);

  const save = (answers: ByQuestion<string>) =>
    setSaved(saveAnswers(browserStorage(), lessonId, answers));

  const check = (question: Question) => {
    const choice = selected[question.id];
    setUnchosen({ ...unchosen, [question.id]: choice === undefined });
    setQuizStatus('');
    if (choice === undefined) return;
    const answers = { ...checked, [question.id]: choice };
    setChecked(answers);
    save(answers);
  };

  const retry = () => {
    setSelected({});
    setChecked({});
    setUnchosen({});
    setHintsOpen({});
    setAnswersShown(false);
    setQuizStatus('Your answers are cleared. The quiz starts again.');
    save({});
  };

  const toggleAnswers = () => {
    setAnswersShown(!answersShown);
    setQuizStatus(answersShown ? 'Answers hidden.' : 'The answer is open under each question.');
  };

  const score = scoreQuiz(questions, checked);

  return (
    <div class="quiz">
      {questions.map((question, index) => {
        const id = questionAnchor(question.id);
        const checkedChoice = checked[question.id];
        const feedback = checkedChoice ? feedbackFor(question, checkedChoice) : undefined;
        const right = rightChoice(question);
        const hint = hintLinks[index];
        const hintOpen = hintsOpen[question.id] === true;
        const hintBody = (
          <p class="hint-text" id={`${id}-hint`} hidden={ready && !hintOpen}>
            <InlineText text={question.hint.text} />{' '}
            {hint && (
              <a
                href={hint.href}
                // The link scrolls natively (keeping history and reduced-motion scrolling); once it
                // has, the target gets focus and a highlight.
                onClick={() =>
                  hint.targetId && requestAnimationFrame(() => revealTarget(hint.targetId!))
                }
              >
                Go to {hint.label}
              </a>
            )}
          </p>
        );
        return (
          <fieldset class="question" id={id} key={question.id}>
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
                    checked={selected[question.id] === choice.id}
                    disabled={!ready}
                    onChange={() => setSelected({ ...selected, [question.id]: choice.id })}
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
                onClick={() => check(question)}
              >
                Check
              </button>
            </div>
            <div
              class={`feedback${feedback ? (feedback.correct ? ' is-correct' : ' is-wrong') : ''}`}
              role="status"
            >
              {feedback ? (
                <FeedbackText feedback={feedback} />
              ) : (
                unchosen[question.id] && <p>Choose an answer first, then check it.</p>
              )}
            </div>
            {ready ? (
              <div class="disclosure">
                <button
                  type="button"
                  class="disclosure-toggle"
                  aria-expanded={hintOpen}
                  aria-controls={`${id}-hint`}
                  onClick={() => setHintsOpen({ ...hintsOpen, [question.id]: !hintOpen })}
                >
                  Hint
                </button>
                {hintBody}
              </div>
            ) : (
              <details class="disclosure">
                <summary class="disclosure-toggle">Hint</summary>
                {hintBody}
              </details>
            )}
            <details class="disclosure" open={answersShown}>
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
          </fieldset>
        );
      })}
      <div class="quiz-summary">
        <p class="quiz-score">
          {score.answered === 0 ? (
            'Check an answer to start your score.'
          ) : (
            <>
              Score: <strong>{score.correct}</strong> of {score.total} right
              {score.answered < score.total && ` (${score.answered} of ${score.total} checked)`}
            </>
          )}
        </p>
        <div class="quiz-actions">
          <button type="button" class="button" disabled={!ready} onClick={retry}>
            Retry
          </button>
          <button
            type="button"
            class="button"
            disabled={!ready}
            aria-pressed={answersShown}
            onClick={toggleAnswers}
          >
            Show answers
          </button>
        </div>
        <p class="quiz-status" role="status">
          {quizStatus}
        </p>
        {!saved && (
          <p class="quiz-note">
            This browser does not let the page save your answers, so they last until you leave.
          </p>
        )}
      </div>
    </div>
  );
}

function FeedbackText({ feedback }: { feedback: Feedback }) {
  const { chosen, right } = feedback;
  return (
    <>
      <p class="verdict">
        <span aria-hidden="true">{feedback.correct ? '✓ ' : '✗ '}</span>
        {feedback.correct ? 'Correct.' : 'Not quite.'}
      </p>
      <p>
        You chose{' '}
        <strong>
          {chosen.letter}: <InlineText text={chosen.text} />
        </strong>
        . <InlineText text={chosen.explanation} />
      </p>
      {!feedback.correct && (
        <p>
          The right answer is{' '}
          <strong>
            {right.letter}: <InlineText text={right.text} />
          </strong>
          . <InlineText text={right.explanation} />
        </p>
      )}
      <p>
        <InlineText text={feedback.explanation} />
      </p>
    </>
  );
}
