import { z } from 'astro/zod';

/** The concept snapshot: the cheat-sheet points, each one short sentence (inline `code` allowed). */
export const snapshotSchema = z.array(z.string().min(1)).min(1);
