import { useEffect, useReducer, useState } from 'preact/hooks';
import {
  badgeEarned,
  challengeScore,
  keepCurrentTries,
  outcome,
  stateFromTries,
} from '../lib/challenge/progress.ts';
import { readChallenge, writePart } from '../lib/progress/modes.ts';
import { browserStorage } from '../lib/progress/storage.ts';
import {
  initialQuizState,
  questionView,
  reduceQuiz,
  questionState,
  type QuizAction,
  type QuizState,
} from '../lib/quiz/state.ts';
import Timer from './challenge/Timer.tsx';
import QuestionCard, { type HintLink, type Question } from './quiz/QuestionCard.tsx';

interface Props {
  lessonId: string;
  problems: Question[];
  /** Where each problem's hint points, in problem order, with the link text. */
  hintLinks: HintLink[];
  badge: { name: string; minScore: number };
}

type Action = QuizAction | { type: 'load'; state: QuizState };

function reduce(state: QuizState, action: Action): QuizState {
  return action.type === 'load' ? action.state : reduceQuiz(state, action);
}

/**
 * The Challenge: the quiz's question cards and reducer with two attempts per problem. Every
 * checked choice is saved (`lib/progress/modes.ts`), so the score and the badge survive reloads;
 * a finished problem takes no more checks. Untimed unless the learner starts the timer.
 */
export default function Challenge({ lessonId, problems, hintLinks, badge }: Props) {
  const [state, dispatch] = useReducer(reduce, initialQuizState);
  const [tries, setTries] = useState<Record<string, string[]>>({});
  const [ready, setReady] = useState(false);
  const [saved, setSaved] = useState(true);

  useEffect(() => {
    const restored = keepCurrentTries(problems, readChallenge(browserStorage(), lessonId));
    setTries(restored);
    dispatch({ type: 'load', state: stateFromTries(problems, restored) });
    setReady(true);
  }, [lessonId, problems]);

  const save = (next: Record<string, string[]>) => {
    setTries(next);
    setSaved(writePart(browserStorage(), lessonId, 'challenge', next));
  };

  const act = (action: QuizAction) => {
    if (action.type === 'retry') {
      save({});
      dispatch(action);
      return;
    }
    if (action.type === 'select' || action.type === 'check' || action.type === 'toggleAnswer') {
      const id = action.type === 'check' ? action.question.id : action.question;
      const problem = problems.find((p) => p.id === id);
      const open = problem !== undefined && outcome(problem, tries[id]).status === 'open';
      // An open problem takes choices and checks; its answer shows only once it is finished.
      if (action.type === 'toggleAnswer' ? open : !open) return;
      if (action.type === 'check') {
        const choice = questionState(state, id).selected;
        if (choice !== undefined) save({ ...tries, [id]: [...(tries[id] ?? []), choice] });
      }
    }
    dispatch(action);
  };

  const score = challengeScore(problems, tries);
  const earned = badgeEarned(score, badge.minScore);
  return (
    <div class="quiz challenge">
      <Timer />
      {problems.map((problem, index) => {
        const result = outcome(problem, tries[problem.id]);
        return (
          <div class="challenge-problem" key={problem.id}>
            <QuestionCard
              question={problem}
              index={index}
              view={questionView(state, problem)}
              hintLink={hintLinks[index]}
              ready={ready}
              answerOnRequest={result.status !== 'open'}
              dispatch={act}
              onHintFollowed={() => undefined}
            />
            {ready && (
              <p class="attempts">
                {result.status === 'open'
                  ? `${result.attemptsLeft} of 2 attempts left`
                  : result.status === 'solved'
                    ? `Solved on attempt ${result.attempt} of 2`
                    : 'Both attempts used'}
              </p>
            )}
          </div>
        );
      })}
      <div class="challenge-summary">
        <p class="challenge-score" role="status">
          {!ready || score.finished === 0
            ? `Score: none yet. Each of the ${score.total} problems allows 2 attempts.`
            : `Score: ${score.right} of ${score.total} right (${score.finished} of ${score.total} finished).`}
        </p>
        {earned ? (
          <p class="badge-earned">
            <span class="badge-medal" aria-hidden="true">
              ★
            </span>
            Badge earned: <strong>{badge.name}</strong>
          </p>
        ) : (
          <p class="badge-goal">
            Get {badge.minScore} of {score.total} right to earn the “{badge.name}” badge.
          </p>
        )}
        <button
          type="button"
          class="button"
          disabled={!ready}
          onClick={() => act({ type: 'retry' })}
        >
          Start over
        </button>
        {!saved && (
          <p class="notice notice-warn">
            This browser does not let the page save your answers, so they last until you leave.
          </p>
        )}
      </div>
    </div>
  );
}
