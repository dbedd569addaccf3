import { z } from 'astro/zod';
import { runScenario } from '../lib/lesson/execution.ts';
import { findLessonIssues, type StepValues } from '../lib/lesson/validate.ts';
import { codeSampleSchema } from './code-sample.ts';
import { conceptFlowSchema } from './concept-flow.ts';
import { executionTableSchema, variableTrackerSchema } from './execution.ts';
import { simulatorIds } from '../lib/figures/simulators.ts';
import { lessonModeIds } from '../lib/lesson/modes.ts';
import { findModeIssues } from '../lib/lesson/validate-modes.ts';
import { predictionBodies } from '../lib/figures/flask-session/predictions.ts';
import { resolveAnswers } from '../lib/challenge/resolve.ts';
import { articleSchema } from './article.ts';
import { challengeSchema, type Challenge } from './challenge.ts';
import { keyMomentsSchema } from './key-moments.ts';
import { learnSchema } from './learn.ts';
import { reviewSchema } from './review.ts';
import { quizSchema } from './quiz.ts';
import { snapshotSchema } from './snapshot.ts';

/**
 * A lesson's frontmatter: everything the page, the step player, the quiz and the catalogue read.
 * The prose (the full transcript) is the MDX body. After validation, an execution table with a
 * scenario gets its values from the session engine (see `execution.ts`), so every lesson comes out
 * with complete steps and tracker values.
 */
export const lessonSchema = z
  .object({
    /** The lesson's name, used as the page title and in the catalogue. */
    title: z.string().min(1),
    /** The framework or library taught, e.g. "Flask". */
    framework: z.string().min(1),
    /** Estimated reading time in whole minutes. */
    minutes: z.number().int().positive(),
    /** One or two sentences for the catalogue card and the meta description. */
    summary: z.string().min(1).max(200),
    /**
     * Two or three sentences that open the full lesson page, before its first section: what the
     * learner will see and why it matters. Backticks mark code.
     */
    introduction: z.string().min(1).max(600).optional(),
    /** Position in the catalogue and in previous/next links (ascending; ties sort by id). */
    order: z.number().int(),
    conceptFlow: conceptFlowSchema,
    code: codeSampleSchema,
    execution: executionTableSchema,
    tracker: variableTrackerSchema,
    keyMoments: keyMomentsSchema,
    quiz: quizSchema,
    snapshot: snapshotSchema,
    /** The simulator whose engine computes the modes' examples and figures (and the playground). */
    simulator: z.enum(simulatorIds).optional(),
    /** The learning styles the lesson offers; each gets a page (order does not matter). */
    modes: z.array(z.enum(lessonModeIds)).min(1).default(['visualize', 'step-through', 'review']),
    learn: learnSchema.optional(),
    why: articleSchema.optional(),
    deepDive: articleSchema.optional(),
    performance: articleSchema.optional(),
    review: reviewSchema.optional(),
    challenge: challengeSchema.optional(),
  })
  .strict()
  .superRefine((lesson, context) => {
    for (const issue of [...findLessonIssues(lesson), ...findModeIssues(lesson)]) {
      context.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    }
  })
  .transform(async (lesson, context) => {
    const { scenario, steps } = lesson.execution;
    const computed =
      scenario === undefined
        ? steps.map((step, index) => ({
            ...authored(step),
            tracked: lesson.tracker.values?.[index] ?? '',
          }))
        : await runScenario(scenario, steps.length).then((run) => {
            if (run.ok) return run.steps;
            context.addIssue({
              code: 'custom',
              path: ['execution', 'scenario'],
              message: run.message,
            });
            return null;
          });
    if (computed === null) return z.NEVER;
    const challenge = await withAnswers(lesson.challenge, lesson.simulator);
    for (const issue of challenge.issues) {
      context.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    }
    if (challenge.issues.length > 0) return z.NEVER;
    return {
      ...lesson,
      challenge: challenge.value,
      execution: {
        ...lesson.execution,
        steps: steps.map((step, index) => {
          const { tracked: _tracked, ...values } = computed[index] as (typeof computed)[number];
          return { ...step, ...values };
        }),
      },
      tracker: { ...lesson.tracker, values: computed.map((step) => step.tracked) },
    };
  });

/**
 * The challenge with every problem's right choice filled in: predicted ones from the response the
 * simulator computes (only the `flask-session` simulator has predictions).
 */
async function withAnswers(challenge: Challenge | undefined, simulator: string | undefined) {
  if (challenge === undefined) return { value: undefined, issues: [] };
  const needed = challenge.problems.some((problem) => problem.predict !== undefined);
  const bodies = needed && simulator === 'flask-session' ? await predictionBodies() : {};
  const { answers, issues } = resolveAnswers(challenge.problems, bodies);
  return {
    value: {
      ...challenge,
      problems: challenge.problems.map((problem, index) => ({
        ...problem,
        answer: answers[index] ?? '',
      })),
    },
    issues,
  };
}

/** A step's hand-written values (present: the refinement above requires them without a scenario). */
function authored(step: StepValues) {
  return {
    before: step.before ?? '',
    action: step.action ?? '',
    after: step.after ?? '',
    output: step.output ?? '',
  };
}

export type Lesson = z.infer<typeof lessonSchema>;
