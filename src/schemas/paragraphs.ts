import { z } from 'astro/zod';

/** Prose as a list of paragraphs, each one string (inline `code` allowed). */
export const paragraphsSchema = z.array(z.string().min(1)).min(1);
