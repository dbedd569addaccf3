import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const lessons = defineCollection({
  loader: glob({ pattern: '**/[^_]*.mdx', base: './content/lessons' }),
  schema: z.object({ title: z.string() }),
});

export const collections = { lessons };
