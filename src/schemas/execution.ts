import { z } from 'astro/zod';
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
  /** The session as the view sees it when the request arrives, as Python prints it. */
  before: z.string().min(1),
  /** What the code does with the session, e.g. `session.get('count', 0) + 1 = 1`. */
  action: z.string().min(1),
  /** The session after the view ran, as Python prints it. */
  after: z.string().min(1),
  /** The response body the browser shows. */
  output: z.string().min(1),
  /** One sentence that narrates the step (used by the step-through player and screen readers). */
  narration: z.string().min(1),
  /**
   * The id of the concept-flow stage the narration is mostly about; the step-through player marks
   * that stage alongside the row. Optional: without it no stage is marked for the step.
   */
  stage: idSchema.optional(),
});

/** The execution table: the code sample run request by request. */
export const executionTableSchema = z.object({
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
  /** Its value after each step, one per execution step and in the same order. */
  values: z.array(z.string().min(1)).min(1),
});
