import { z } from 'astro/zod';
import { TRACE_STAGES, type TraceEvent, type TraceStage } from '../lib/flask/index.ts';
import { runScenario } from '../lib/lesson/execution.ts';
import { findLessonIssues, findNarrationIssues, type StepValues } from '../lib/lesson/validate.ts';
import { appProgram } from '../lib/lesson-apps/layout.ts';
import { sourceSettings } from '../lib/lesson-apps/program.ts';
import { buildFrames, type StageFrame, type StageTemplates } from '../lib/player/frames.ts';
import { codeSampleSchema } from './code-sample.ts';
import { conceptFlowSchema } from './concept-flow.ts';
import { executionTableSchema, variableTrackerSchema } from './execution.ts';
import { keyMomentsSchema } from './key-moments.ts';
import { quizSchema } from './quiz.ts';
import { snapshotSchema } from './snapshot.ts';

/**
 * A lesson's frontmatter: everything the page, the step player, the quiz and the catalogue read.
 * The prose (the full transcript) is the MDX body. After validation, an execution table with a
 * scenario gets its values from the session engine (see `execution.ts`), so every lesson comes out
 * with complete steps and tracker values; each step then also carries the step-through player's
 * frames (`frames`, one per request stage, or `null` without a scenario), and its authored
 * narration is checked against the request's trace.
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
  })
  .strict()
  .superRefine((lesson, context) => {
    for (const issue of findLessonIssues(lesson)) {
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
            events: null,
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
    const frames =
      scenario === undefined ? null : playerFrames(lesson, scenario, computed, context);
    if (frames === undefined) return z.NEVER;
    return {
      ...lesson,
      execution: {
        ...lesson.execution,
        steps: steps.map((step, index) => {
          const {
            tracked: _tracked,
            events: _events,
            ...values
          } = computed[index] as (typeof computed)[number];
          return { ...step, ...values, frames: frames?.[index] ?? null };
        }),
      },
      tracker: { ...lesson.tracker, values: computed.map((step) => step.tracked) },
    };
  });

/**
 * The player's frames for a scenario's visits, after checking each authored narration against
 * its trace; `undefined` (with issues added) when a narration or a stage template is missing.
 */
function playerFrames(
  lesson: {
    conceptFlow: { stages: readonly { id: string; narration?: StageTemplates | undefined }[] };
    execution: { steps: readonly { narration: string }[] };
  },
  scenario: Parameters<typeof sourceSettings>[0],
  computed: readonly { events: readonly TraceEvent[] | null }[],
  context: z.RefinementCtx,
): StageFrame[][] | undefined {
  const traces = computed.map((step) => step.events ?? []);
  const issues = findNarrationIssues(lesson.execution.steps, traces);
  for (const issue of issues) context.addIssue({ code: 'custom', ...issue });
  const templates = Object.fromEntries(
    lesson.conceptFlow.stages.map((stage) => [stage.id, stage.narration ?? {}]),
  ) as Partial<Record<TraceStage, StageTemplates>>;
  const program = appProgram(scenario, sourceSettings(scenario));
  const built = buildFrames(traces, templates, TRACE_STAGES, program.secretKeyLine);
  if (!built.ok) {
    for (const gap of built.missing) {
      const index = lesson.conceptFlow.stages.findIndex((stage) => stage.id === gap.stage);
      context.addIssue({
        code: 'custom',
        path: ['conceptFlow', 'stages', index, 'narration', gap.case],
        message: `is missing: visit ${gap.visit} reaches stage "${gap.stage}" as case "${gap.case}"`,
      });
    }
    return undefined;
  }
  return issues.length > 0 ? undefined : built.frames;
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
