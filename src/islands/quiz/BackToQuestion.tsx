import { useEffect } from 'preact/hooks';
import { revealTarget } from '../../scripts/reveal-target.ts';

interface Props {
  /** The question's number as shown (from 1). */
  number: number;
  /** The question's element id. */
  questionId: string;
  /** Called once the link has been used or the question is back on screen. */
  onDone: () => void;
}

/**
 * A link pinned to the bottom of the screen after a hint has taken the learner to its evidence,
 * leading back to the question. It goes away when used or when the question scrolls back into view.
 */
export default function BackToQuestion({ number, questionId, onDone }: Props) {
  useEffect(() => {
    const question = document.getElementById(questionId);
    if (!question) return;
    // The hint's jump has not scrolled yet when this runs; only a return after leaving counts.
    let left = false;
    const observer = new IntersectionObserver(([entry]) => {
      if (!entry?.isIntersecting) left = true;
      else if (left) onDone();
    });
    observer.observe(question);
    return () => observer.disconnect();
  }, [questionId, onDone]);

  return (
    <a
      class="back-to-question button button-primary"
      href={`#${questionId}`}
      onClick={() => {
        requestAnimationFrame(() => revealTarget(questionId));
        onDone();
      }}
    >
      <span aria-hidden="true">↑</span> Back to question {number}
    </a>
  );
}
