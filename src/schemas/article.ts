import { z } from 'astro/zod';
import { paragraphsSchema } from './paragraphs.ts';
import { idSchema } from './ref.ts';

/**
 * A part of an explaining mode (Why, Deep Dive, Performance): prose around a figure the
 * simulator computes at build time, with an optional pair of patterns to avoid and to follow.
 */
export const articleSectionSchema = z
  .object({
    /** Stable id; the section's anchor. */
    id: idSchema,
    title: z.string().min(1),
    paragraphs: paragraphsSchema,
    /** The simulator's figure shown after the paragraphs. */
    figure: z.string().min(1).optional(),
    /** The pattern to avoid, in a sentence (Performance). */
    avoid: z.string().min(1).optional(),
    /** The pattern to follow instead. */
    prefer: z.string().min(1).optional(),
    /** The point to take away, shown under the figure. */
    takeaway: z.string().min(1).optional(),
  })
  .strict();

export const articleSchema = z
  .object({
    intro: paragraphsSchema,
    sections: z.array(articleSectionSchema).min(1),
  })
  .strict();
