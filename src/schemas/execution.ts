import { z } from 'astro/zod';
import { LESSON_APP_SOURCES, type LessonAppId } from '../lib/lesson-apps/sources.ts';
import { idSchema } from './ref.ts';

/** The columns of the execution table, in display order; also valid `table:<step>:<column>` refs. */
export const executionColumns = ['request', 'before', 'action', 'after', 'output'] as const;
export type ExecutionColumn = (typeof executionColumns)[number];

/** One row of the execution table: one request through the code sample. */
export const executionStepSchema = z.object({
  /** Stable id; the row's anchor is `row-<id>` and a cell's is `row-<id>-<column>`. */
  id: idSchema,
  /** Which request this is, in the learner's words, e.g. "First visit". */
  request: z.string().min(1),
  /*
   * The four values below are computed by running the table's `scenario` through the session
   * engine at build time; write them by hand only for a table without a scenario.
   */
  /** The session as the view sees it when the request arrives, as Python prints it. */
  before: z.string().min(1).optional(),
  /** What the code does with the session, e.g. `session.get('count', 0) + 1 = 1`. */
  action: z.string().min(1).optional(),
  /** The session after the view ran, as Python prints it. */
  after: z.string().min(1).optional(),
  /** The response body the browser shows. */
  output: z.string().min(1).optional(),
  /**
   * One sentence that narrates the whole request (the step-through player shows it above the
   * stage narrations). With a scenario, the build checks it against the request's trace: every
   * number it names must be a value the session held or a literal of the code that ran, and "no
   * cookie" only where the browser sent none.
   */
  narration: z.string().min(1),
});

/** The lesson apps a lesson's execution table can be computed from. */
export const scenarioIdSchema = z.enum(
  Object.keys(LESSON_APP_SOURCES) as [LessonAppId, ...LessonAppId[]],
);

/** The execution table: the code sample run request by request. */
export const executionTableSchema = z.object({
  /**
   * The app whose requests the table shows (a lesson app of `src/lib/lesson-apps/sources.ts`;
   * each step requests its first route). When set, the build runs one request per step through
   * the session engine and fills in each
   * step's before/action/after/output and the tracker's values; the code sample must then be that
   * app's exact Python source.
   */
  scenario: scenarioIdSchema.optional(),
  steps: z.array(executionStepSchema).min(1),
  /** A closing remark under the table. */
  note: z.string().min(1),
});

/** The variable tracker: one variable's value after each step of the execution table. */
export const variableTrackerSchema = z.object({
  /** The expression tracked, e.g. `session['count']`. */
  variable: z.string().min(1),
  /** Its value before the first step, as a learner would say it (Python has no "undefined"). */
  start: z.string().min(1),
  /**
   * Its value after each step, one per execution step and in the same order. Computed when the
   * execution table has a scenario; written by hand otherwise.
   */
  values: z.array(z.string().min(1)).min(1).optional(),
});
