import { z } from 'astro/zod';
import { paragraphsSchema } from './paragraphs.ts';
import { idSchema } from './ref.ts';

/** One part of the API the Learn mode explains, with an example the simulator runs at build time. */
export const apiEntrySchema = z
  .object({
    /** Stable id; the anchor is `api-<id>`. */
    id: idSchema,
    /** How the learner writes it, e.g. `session.get(key, default)`. */
    name: z.string().min(1),
    /** What it does, in a sentence or two. */
    text: z.string().min(1),
    /** The simulator's example to run and show (its code, the session it gets, the response). */
    example: z.string().min(1),
  })
  .strict();

/** The Learn mode: what the concept is, then its API entry by entry. */
export const learnSchema = z
  .object({
    intro: paragraphsSchema,
    api: z.array(apiEntrySchema).min(1),
  })
  .strict();
