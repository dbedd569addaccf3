import type { LessonRef } from './refs.ts';
import { lessonSections } from './sections.ts';

/** The lesson data a reference label needs (a structural subset of the lesson schema). */
interface RefLabelSource {
  conceptFlow: { stages: readonly { id: string; label: string }[] };
  execution: { steps: readonly { id: string; request: string }[] };
  keyMoments: readonly { id: string; question: string }[];
}

/** The execution table's column headings, by column. */
export const columnNames = {
  request: 'Request',
  before: 'Session before',
  action: 'Action',
  after: 'Session after',
  output: 'Response output',
} as const;

/**
 * Link text for a reference, e.g. "execution table, step 3 (Third visit), Session after" or
 * "concept flow, stage 3: Load session data from cookie". Assumes the reference was validated.
 */
export function refLabel(lesson: RefLabelSource, ref: LessonRef): string {
  switch (ref.kind) {
    case 'flow': {
      const index = lesson.conceptFlow.stages.findIndex((stage) => stage.id === ref.stage);
      return `concept flow, stage ${index + 1}: ${lesson.conceptFlow.stages[index]?.label ?? ref.stage}`;
    }
    case 'table': {
      const index = lesson.execution.steps.findIndex((step) => step.id === ref.step);
      const row = `execution table, step ${index + 1} (${lesson.execution.steps[index]?.request ?? ref.step})`;
      return ref.column === undefined ? row : `${row}, ${columnNames[ref.column]} column`;
    }
    case 'moment': {
      const moment = lesson.keyMoments.find((candidate) => candidate.id === ref.moment);
      return `key moment: ${moment?.question ?? ref.moment}`;
    }
    case 'section':
      return lessonSections.find((section) => section.id === ref.section)?.title ?? ref.section;
  }
}
