import { z } from 'astro/zod';
import { findLessonIssues } from '../lib/lesson/validate.ts';
import { codeSampleSchema } from './code-sample.ts';
import { conceptFlowSchema } from './concept-flow.ts';
import { executionTableSchema, variableTrackerSchema } from './execution.ts';
import { keyMomentsSchema } from './key-moments.ts';
import { quizSchema } from './quiz.ts';
import { snapshotSchema } from './snapshot.ts';

/**
 * A lesson's frontmatter: everything the page, the step player, the quiz and the catalogue read.
 * The prose (the full transcript) is the MDX body.
 */
export const lessonSchema = z
  .object({
    /** The lesson's name, used as the page title and in the catalogue. */
    title: z.string().min(1),
    /** The framework or library taught, e.g. "Flask". */
    framework: z.string().min(1),
    /** Estimated reading time in whole minutes. */
    minutes: z.number().int().positive(),
    /** One or two sentences for the catalogue card and the meta description. */
    summary: z.string().min(1).max(200),
    /** Position in the catalogue and in previous/next links (ascending; ties sort by id). */
    order: z.number().int(),
    conceptFlow: conceptFlowSchema,
    code: codeSampleSchema,
    execution: executionTableSchema,
    tracker: variableTrackerSchema,
    keyMoments: keyMomentsSchema,
    quiz: quizSchema,
    snapshot: snapshotSchema,
  })
  .strict()
  .superRefine((lesson, context) => {
    for (const issue of findLessonIssues(lesson)) {
      context.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    }
  });

export type Lesson = z.infer<typeof lessonSchema>;
