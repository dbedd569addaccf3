import { useCallback, useEffect, useReducer, useRef, useState } from 'preact/hooks';
import { questionAnchor } from '../lib/lesson/refs.ts';
import { scoreQuiz } from '../lib/quiz/grade.ts';
import {
  allAnswersOpen,
  checkedAnswers,
  initialQuizState,
  questionView,
  reduceQuiz,
  type QuizAction,
} from '../lib/quiz/state.ts';
import { browserStorage, loadAnswers, saveAnswers } from '../lib/progress/store.ts';
import { keepContextInView, revealTarget } from '../scripts/reveal-target.ts';
import BackToQuestion from './quiz/BackToQuestion.tsx';
import QuestionCard, { type HintLink, type Question } from './quiz/QuestionCard.tsx';

interface Props {
  lessonId: string;
  questions: Question[];
  /** Where each question's hint points, in question order, with the link text. */
  hintLinks: HintLink[];
}

/**
 * The lesson's quiz. Server-rendered, it is readable without JavaScript: radios and buttons are
 * disabled, and hints and answers open as `<details>`. Once hydrated it grades on "Check" (never
 * on select, since arrow keys change the selection), answers in a status region per question that
 * exists from the start (`lib/quiz/state.ts` decides what it says), and saves checked answers
 * (`lib/progress/store.ts`).
 */
export default function Quiz({ lessonId, questions, hintLinks }: Props) {
  const [state, dispatch] = useReducer(reduceQuiz, initialQuizState);
  const [ready, setReady] = useState(false);
  const [saved, setSaved] = useState(true);
  /** The question whose hint link the learner followed, offered as a way back. */
  const [returnTo, setReturnTo] = useState<number | undefined>(undefined);
  const clearReturn = useCallback(() => setReturnTo(undefined), []);
  const focusFirstQuestion = useRef(false);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    dispatch({
      type: 'restore',
      answers: loadAnswers(browserStorage(), lessonId, questions),
      questions,
    });
    setReady(true);
  }, [lessonId, questions]);

  useEffect(() => {
    if (state.revision > 0)
      setSaved(saveAnswers(browserStorage(), lessonId, checkedAnswers(state)));
    // Saving follows checks and retries only: they are what bump the revision.
  }, [state.revision]);

  useEffect(() => {
    if (!focusFirstQuestion.current) return;
    focusFirstQuestion.current = false;
    root.current?.querySelector<HTMLInputElement>('input[type="radio"]')?.focus();
  });

  const act = (action: QuizAction) => {
    if (action.type === 'retry') {
      focusFirstQuestion.current = true;
      setReturnTo(undefined);
    }
    dispatch(action);
  };

  const followHint = (index: number, link: HintLink) => {
    // The link scrolls natively (keeping history and reduced-motion scrolling), far enough to show
    // the target's context; once it has, the target gets focus and a highlight.
    keepContextInView(link.targetId!);
    requestAnimationFrame(() => revealTarget(link.targetId!));
    setReturnTo(index);
  };

  const score = scoreQuiz(questions, checkedAnswers(state));
  const questionIds = questions.map((question) => question.id);
  const answersShown = allAnswersOpen(state, questionIds);

  return (
    <div class="quiz" ref={root}>
      {questions.map((question, index) => (
        <QuestionCard
          key={question.id}
          question={question}
          index={index}
          view={questionView(state, question)}
          hintLink={hintLinks[index]}
          ready={ready}
          dispatch={act}
          onHintFollowed={(link) => followHint(index, link)}
        />
      ))}
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
          <button
            type="button"
            class="button"
            disabled={!ready}
            onClick={() => act({ type: 'retry' })}
          >
            Retry
          </button>
          <button
            type="button"
            class="button"
            disabled={!ready}
            aria-expanded={answersShown}
            aria-controls={questionIds.map((id) => `${questionAnchor(id)}-answer`).join(' ')}
            onClick={() => act({ type: 'toggleAllAnswers', questions: questionIds })}
          >
            {answersShown ? 'Hide answers' : 'Show answers'}
          </button>
        </div>
        <p class="quiz-status" role="status">
          {state.status}
        </p>
        {!saved && (
          <p class="quiz-note notice notice-warn">
            This browser does not let the page save your answers, so they last until you leave.
          </p>
        )}
      </div>
      {returnTo !== undefined && questions[returnTo] && (
        <BackToQuestion
          number={returnTo + 1}
          questionId={questionAnchor(questions[returnTo].id)}
          onDone={clearReturn}
        />
      )}
    </div>
  );
}
