import { simulators, type SimulatorId } from '../figures/simulators.ts';
import { lessonModes, fullLessonMode, type LessonModeId } from './modes.ts';
import { missingTarget, reportDuplicates, type LessonIssue, type LessonLinks } from './validate.ts';

interface Article {
  sections: readonly { id: string; figure?: string | undefined }[];
}

interface ChallengeProblem {
  id: string;
  choices: readonly { id: string }[];
  answer?: string | undefined;
  predict?: string | undefined;
  hint: { ref: string };
}

/** The parts of a lesson the modes read (a structural subset of the lesson schema). */
export interface LessonModeContent extends Pick<LessonLinks, 'conceptFlow' | 'keyMoments'> {
  execution: { steps: readonly { id: string }[] };
  simulator?: SimulatorId | undefined;
  modes: readonly LessonModeId[];
  learn?: { api: readonly { id: string; example: string }[] } | undefined;
  why?: Article | undefined;
  deepDive?: Article | undefined;
  performance?: Article | undefined;
  review?: { prompts: readonly { id: string }[] } | undefined;
  challenge?: { badge: { minScore: number }; problems: readonly ChallengeProblem[] } | undefined;
}

/**
 * Checks that the modes a lesson lists can be built: the full lesson is among them, each mode
 * with content of its own has it (and no content is left without its mode), the simulator offers
 * what the modes need, and every example and figure a mode names is one the simulator has.
 * Returns every problem found (empty when consistent).
 */
export function findModeIssues(lesson: LessonModeContent): LessonIssue[] {
  const issues: LessonIssue[] = [];
  const declared = new Set(lesson.modes);
  const simulator = lesson.simulator === undefined ? undefined : simulators[lesson.simulator];

  if (!declared.has(fullLessonMode.id)) {
    issues.push({
      path: ['modes'],
      message: `must include "${fullLessonMode.id}", the lesson's own page`,
    });
  }
  lesson.modes.forEach((mode, index) => {
    if (lesson.modes.indexOf(mode) !== index) {
      issues.push({ path: ['modes', index], message: `repeats the mode "${mode}"` });
    }
  });

  for (const mode of lessonModes) {
    const listed = declared.has(mode.id);
    if ('content' in mode) {
      // Review works from the key moments alone; its recall prompts are optional.
      const present = lesson[mode.content] !== undefined;
      if (listed && !present && mode.id !== 'review') {
        issues.push({
          path: [mode.content],
          message: `is required because \`modes\` lists "${mode.id}"`,
        });
      }
      if (!listed && present) {
        issues.push({
          path: [mode.content],
          message: `belongs to the "${mode.id}" mode, which \`modes\` does not list`,
        });
      }
    }
    if ('needs' in mode && listed && !simulator?.[mode.needs]) {
      issues.push({
        path: ['modes', lesson.modes.indexOf(mode.id)],
        message: `is "${mode.id}", which needs a simulator with a ${mode.needs} (set \`simulator\`)`,
      });
    }
  }

  if (lesson.learn) {
    reportDuplicates(lesson.learn.api, ['learn', 'api'], 'API entry', issues);
    lesson.learn.api.forEach((entry, index) => {
      const problem = unknownId('example', entry.example, simulator?.examples, lesson.simulator);
      if (problem) issues.push({ path: ['learn', 'api', index, 'example'], message: problem });
    });
  }
  for (const field of ['why', 'deepDive', 'performance'] as const) {
    const article = lesson[field];
    if (!article) continue;
    reportDuplicates(article.sections, [field, 'sections'], 'section', issues);
    article.sections.forEach((section, index) => {
      if (section.figure === undefined) return;
      const problem = unknownId('figure', section.figure, simulator?.figures, lesson.simulator);
      if (problem) issues.push({ path: [field, 'sections', index, 'figure'], message: problem });
    });
  }
  if (lesson.review) {
    reportDuplicates(lesson.review.prompts, ['review', 'prompts'], 'prompt', issues);
  }
  if (lesson.challenge) issues.push(...challengeIssues(lesson, lesson.challenge, simulator));
  return issues;
}

/**
 * A problem's right answer is written (one of its choices) or predicted by the simulator, never
 * both; hints point at something that exists; the badge is within reach.
 */
function challengeIssues(
  lesson: LessonModeContent,
  challenge: NonNullable<LessonModeContent['challenge']>,
  simulator: (typeof simulators)[SimulatorId] | undefined,
): LessonIssue[] {
  const issues: LessonIssue[] = [];
  const stageIds = new Set(lesson.conceptFlow.stages.map((stage) => stage.id));
  const stepIds = new Set(lesson.execution.steps.map((step) => step.id));
  const momentIds = new Set(lesson.keyMoments.map((moment) => moment.id));
  reportDuplicates(challenge.problems, ['challenge', 'problems'], 'problem', issues);
  challenge.problems.forEach((problem, index) => {
    const path = ['challenge', 'problems', index];
    reportDuplicates(problem.choices, [...path, 'choices'], 'choice', issues);
    if ((problem.answer === undefined) === (problem.predict === undefined)) {
      issues.push({
        path,
        message: 'needs exactly one of `answer` (a choice id) or `predict` (a simulator request)',
      });
    }
    const choiceIds = problem.choices.map((choice) => choice.id);
    if (problem.answer !== undefined && !choiceIds.includes(problem.answer)) {
      issues.push({
        path: [...path, 'answer'],
        message: `is "${problem.answer}", which is not one of the choices (${choiceIds.join(', ')})`,
      });
    }
    if (problem.predict !== undefined) {
      const unknown = unknownId(
        'prediction',
        problem.predict,
        simulator?.predictions,
        lesson.simulator,
      );
      if (unknown) issues.push({ path: [...path, 'predict'], message: unknown });
    }
    const target = missingTarget(problem.hint.ref, stageIds, stepIds, momentIds);
    if (target) issues.push({ path: [...path, 'hint', 'ref'], message: target });
  });
  if (challenge.badge.minScore > challenge.problems.length) {
    issues.push({
      path: ['challenge', 'badge', 'minScore'],
      message: `is ${challenge.badge.minScore}, more than the ${challenge.problems.length} problems`,
    });
  }
  return issues;
}

/** Why `id` is not one of the simulator's `kind`s, or undefined when it is. */
export function unknownId(
  kind: string,
  id: string,
  offered: readonly string[] | undefined,
  simulator: string | undefined,
): string | undefined {
  if (offered === undefined) {
    return `names the ${kind} "${id}", but the lesson declares no \`simulator\` to compute it`;
  }
  return offered.includes(id)
    ? undefined
    : `is "${id}", which simulator "${simulator}" does not offer (${kind}s: ${offered.join(', ')})`;
}
