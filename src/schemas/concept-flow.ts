import { z } from 'astro/zod';
import { idSchema } from './ref.ts';

/** One numbered box of the concept-flow diagram. */
export const flowStageSchema = z.object({
  /** Stable id; the stage's anchor on the page is `flow-<id>`. */
  id: idSchema,
  /** What happens, in a few words (shown inside the box). */
  label: z.string().min(1),
  /** One or two sentences that explain the stage (shown under the label). */
  detail: z.string().min(1),
  /**
   * The step-through player's narration of this stage, written once and filled in for every visit:
   * one template per case the request trace can take at this stage (e.g. `no-cookie` and
   * `verified` for `load`), with `{placeholders}` for the trace's values. The cases and
   * placeholders each stage offers are listed in `STAGE_CASES` (`src/lib/player/frames.ts`); the
   * build fails when a visit needs a case that has no template. Used when the execution table
   * has a scenario, whose stages are then the request trace's seven.
   */
  narration: z.record(z.string(), z.string().min(1)).optional(),
});

/** The concept flow: the stages a request passes through, in order. */
export const conceptFlowSchema = z.object({
  /** The stages, first to last; at least two. */
  stages: z.array(flowStageSchema).min(2),
  /** A sentence under the diagram that says what the flow shows. */
  caption: z.string().min(1),
});
