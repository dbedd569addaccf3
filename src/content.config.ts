import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { lessonSchema } from './schemas/lesson.ts';

/**
 * Lessons are MDX files in `content/lessons/` (or `$LESSONS_DIR`, used by tests and benchmarks).
 * Files whose name starts with `_` are drafts and are not built.
 */
const lessons = defineCollection({
  loader: glob({ pattern: '**/[^_]*.mdx', base: process.env.LESSONS_DIR ?? './content/lessons' }),
  schema: lessonSchema,
});

export const collections = { lessons };
