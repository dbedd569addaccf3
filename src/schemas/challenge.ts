import { z } from 'astro/zod';
import { paragraphsSchema } from './paragraphs.ts';
import { quizQuestionSchema } from './quiz.ts';
import { idSchema } from './ref.ts';

/**
 * A Challenge problem: a quiz question whose right answer is either written (`answer`) or, for
 * "predict the response" problems, the choice whose text is the response body the simulator
 * computes at build time for the request named by `predict`.
 */
export const challengeProblemSchema = quizQuestionSchema
  .extend({
    answer: idSchema.optional(),
    /** The simulator's prediction whose response body is the right choice's text. */
    predict: z.string().min(1).optional(),
  })
  .strict();

/** The Challenge mode: problems with two attempts each, a score and a badge. */
export const challengeSchema = z
  .object({
    intro: paragraphsSchema,
    badge: z
      .object({
        /** What the learner earns, e.g. "Session keeper". */
        name: z.string().min(1),
        /** Problems right (within two attempts) needed to earn it. */
        minScore: z.number().int().positive(),
      })
      .strict(),
    problems: z.array(challengeProblemSchema).min(1),
  })
  .strict();

export type Challenge = z.infer<typeof challengeSchema>;
