import { z } from 'astro/zod';
import { idSchema, refSchema } from './ref.ts';

/** A question a learner typically asks at this point, answered with a pointer to the evidence. */
export const keyMomentSchema = z.object({
  /** Stable id; the anchor is `moment-<id>`. */
  id: idSchema,
  question: z.string().min(1),
  answer: z.string().min(1),
  /** Where on the page the answer can be seen (a table row or flow stage). */
  cites: refSchema,
  /**
   * Set when tutorials commonly teach this point wrongly: the wrong claim as a misconception, then
   * what Flask really does ("Many tutorials say …; in Flask …"). Shown as "Common misconception".
   */
  misconception: z.string().min(1).optional(),
});

export const keyMomentsSchema = z.array(keyMomentSchema).min(1);
