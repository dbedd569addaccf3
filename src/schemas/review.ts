import { z } from 'astro/zod';
import { idSchema } from './ref.ts';

/** An "explain it in your own words" prompt with a model answer to compare against. */
export const recallPromptSchema = z
  .object({
    /** Stable id; the anchor is `recall-<id>`. */
    id: idSchema,
    prompt: z.string().min(1),
    model: z.string().min(1),
  })
  .strict();

/** The Review mode's recall prompts (the flip cards are the lesson's key moments). */
export const reviewSchema = z
  .object({
    prompts: z.array(recallPromptSchema).min(1),
  })
  .strict();
