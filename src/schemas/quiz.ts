import { z } from 'astro/zod';
import { idSchema, refSchema } from './ref.ts';

/** One option of a multiple-choice question. */
export const quizChoiceSchema = z.object({
  /** Stable id within the question (e.g. `a`); saved progress refers to it. */
  id: idSchema,
  text: z.string().min(1),
  /** Why this option is right or wrong; shown once the learner has checked it. */
  explanation: z.string().min(1),
});

/** A multiple-choice question with exactly one right answer. */
export const quizQuestionSchema = z.object({
  /** Stable id; the anchor is `q-<id>` and saved progress is keyed by it. */
  id: idSchema,
  prompt: z.string().min(1),
  choices: z.array(quizChoiceSchema).min(2),
  /** The id of the right choice. */
  answer: idSchema,
  /** The general explanation shown with the result. */
  explanation: z.string().min(1),
  /** A nudge towards the evidence, without giving the answer away. */
  hint: z.object({
    text: z.string().min(1),
    /** The part of the lesson the hint points at. */
    ref: refSchema,
  }),
});

export const quizSchema = z.array(quizQuestionSchema).min(1);
