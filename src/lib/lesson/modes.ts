import { lessonSections, type LessonSectionId } from './sections.ts';

/** A learning style: one way through a lesson, with its own page. */
export interface LessonMode {
  /** Stable id; also the page's path under the lesson, except for the full lesson (see `modePath`). */
  id: string;
  /** The switcher's link text and the page title's suffix. */
  label: string;
  /** One sentence on what the page offers (used in its meta description). */
  description: string;
  /** The lesson sections the page shows; links to anything else go to the full lesson page. */
  sections: readonly LessonSectionId[];
}

/**
 * The learning styles, in the switcher's order. Adding one takes an entry here and a view for it
 * in `src/components/modes/` (the page's view map fails type-checking until the view exists).
 */
export const lessonModes = [
  {
    id: 'visualize',
    label: 'Visualize',
    description: 'The whole lesson on one page.',
    sections: lessonSections.map((section) => section.id),
  },
  {
    id: 'step-through',
    label: 'Step-through',
    description: 'Step through the example one request at a time, with a narration of each step.',
    sections: ['execution-table', 'variable-tracker', 'concept-flow'],
  },
  {
    id: 'read',
    label: 'Read',
    description: 'The lesson as text: the concept snapshot and the full transcript.',
    sections: ['concept-snapshot', 'full-transcript'],
  },
  {
    id: 'quiz',
    label: 'Quiz',
    description: 'Check yourself with the lesson’s questions; your answers stay in this browser.',
    sections: ['visual-quiz'],
  },
  {
    id: 'review',
    label: 'Review',
    description: 'Review the key moments as flip cards, then the concept snapshot.',
    sections: ['key-moments', 'concept-snapshot'],
  },
  {
    id: 'playground',
    label: 'Playground',
    description:
      'Run the example in a simulated browser and Flask app, and try to break the session.',
    sections: ['playground'],
  },
] as const satisfies readonly LessonMode[];

export type LessonModeId = (typeof lessonModes)[number]['id'];

/** The mode at the lesson's own address. */
export const fullLessonMode = lessonModes[0];

/** A mode's page path relative to the lesson's address: '' for the full lesson, else 'quiz/' etc. */
export function modePath(mode: LessonModeId): string {
  return mode === fullLessonMode.id ? '' : `${mode}/`;
}
