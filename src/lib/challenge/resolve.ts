import type { LessonIssue } from '../lesson/validate.ts';

interface Problem {
  choices: readonly { id: string; text: string }[];
  answer?: string | undefined;
  predict?: string | undefined;
}

/**
 * The right choice of each problem: the written `answer`, or for a `predict` problem the choice
 * whose text is the response body the simulator computed (`bodies`, by prediction id). A predict
 * problem whose choices hold that body not exactly once is reported under its `choices`.
 */
export function resolveAnswers(
  problems: readonly Problem[],
  bodies: Readonly<Record<string, string>>,
): { answers: string[]; issues: LessonIssue[] } {
  const issues: LessonIssue[] = [];
  const answers = problems.map((problem, index) => {
    if (problem.predict === undefined) return problem.answer ?? '';
    const body = bodies[problem.predict];
    const matches = problem.choices.filter((choice) => choice.text === body);
    if (matches.length !== 1) {
      issues.push({
        path: ['challenge', 'problems', index, 'choices'],
        message:
          matches.length === 0
            ? `none is the response the simulator computes for "${problem.predict}": ${JSON.stringify(body)}`
            : `${matches.length} choices read ${JSON.stringify(body)}; exactly one must`,
      });
    }
    return matches[0]?.id ?? '';
  });
  return { answers, issues };
}
