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
  /** The frontmatter field holding the mode's own content, when it has one. */
  content?: 'learn' | 'why' | 'deepDive' | 'challenge' | 'performance' | 'review';
  /** What the lesson's simulator must offer for the mode to exist. */
  needs?: 'playground';
}

/**
 * The learning styles, in the recommended order (the switcher's and the "Next" links'). A lesson
 * offers those it lists in `modes`. Adding one takes an entry here and a view for it in
 * `src/components/modes/` (the page's view map fails type-checking until the view exists).
 */
export const lessonModes = [
  {
    id: 'learn',
    label: 'Learn',
    description:
      'What the concept is and its API, each call shown with the output it really gives.',
    sections: ['execution-sample', 'concept-snapshot', 'full-transcript'],
    content: 'learn',
  },
  {
    id: 'why',
    label: 'Why',
    description: 'The problem it solves: what goes wrong without it, and what it changes.',
    sections: [],
    content: 'why',
  },
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
    id: 'playground',
    label: 'Playground',
    description:
      'Run the example in a simulated browser and Flask app, and try to break the session.',
    sections: ['playground'],
    needs: 'playground',
  },
  {
    id: 'deep-dive',
    label: 'Deep Dive',
    description: 'The mental model, byte by byte on the lesson’s own cookie.',
    sections: [],
    content: 'deepDive',
  },
  {
    id: 'challenge',
    label: 'Challenge',
    description: 'Five problems with two attempts each, hints after a miss, a score and a badge.',
    sections: [],
    content: 'challenge',
  },
  {
    id: 'performance',
    label: 'Performance',
    description: 'Patterns to avoid and to follow, with the numbers the engine measures.',
    sections: [],
    content: 'performance',
  },
  {
    id: 'review',
    label: 'Review',
    description:
      'Flip cards you rate, missed ones first next time, and prompts to explain in your words.',
    sections: ['key-moments', 'concept-snapshot'],
    content: 'review',
  },
] as const satisfies readonly LessonMode[];

export type LessonModeId = (typeof lessonModes)[number]['id'];

export const lessonModeIds = lessonModes.map((mode) => mode.id) as [
  LessonModeId,
  ...LessonModeId[],
];

/** The mode at the lesson's own address: the full lesson, which every lesson has. */
export const fullLessonMode = lessonModes[2];

/**
 * Addresses of modes that were folded into others, kept working by redirect pages: the old Read
 * mode is now part of Learn, the old Quiz mode part of Challenge.
 */
export const movedModes = { read: 'learn', quiz: 'challenge' } as const satisfies Record<
  string,
  LessonModeId
>;

/** A mode's page path relative to the lesson's address: '' for the full lesson, else 'learn/' etc. */
export function modePath(mode: LessonModeId): string {
  return mode === fullLessonMode.id ? '' : `${mode}/`;
}

/** The modes a lesson offers (`declared`, from its frontmatter), in the recommended order. */
export function modesOf(declared: readonly LessonModeId[]) {
  return lessonModes.filter((mode) => declared.includes(mode.id));
}

/** The mode after `current` among those a lesson offers, or undefined after the last. */
export function nextMode(declared: readonly LessonModeId[], current: LessonModeId) {
  const offered = modesOf(declared);
  return offered[offered.findIndex((mode) => mode.id === current) + 1];
}
