/** The sections of a lesson page, in the order the page shows them; `id` is the heading's anchor. */
export const lessonSections = [
  { id: 'concept-flow', title: 'Concept flow' },
  { id: 'execution-sample', title: 'Execution sample' },
  { id: 'execution-table', title: 'Execution table' },
  { id: 'variable-tracker', title: 'Variable tracker' },
  { id: 'playground', title: 'Session playground' },
  { id: 'key-moments', title: 'Key moments' },
  { id: 'visual-quiz', title: 'Visual quiz' },
  { id: 'concept-snapshot', title: 'Concept snapshot' },
  { id: 'full-transcript', title: 'Full transcript' },
] as const;

export type LessonSectionId = (typeof lessonSections)[number]['id'];

export function isLessonSectionId(id: string): id is LessonSectionId {
  return lessonSections.some((section) => section.id === id);
}

/** The heading of a lesson section. */
export function sectionTitle(id: LessonSectionId): string {
  return lessonSections.find((section) => section.id === id)?.title ?? id;
}
