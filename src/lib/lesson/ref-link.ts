import { lessonHref } from '../links.ts';
import { refAnchor, refSection, type LessonRef } from './refs.ts';

/** Where a link to a lesson reference goes. */
export interface RefLink {
  href: string;
  /** The target's element id, set when the target is on the linking page itself. */
  targetId?: string;
}

/**
 * A link to a reference from a page of the lesson that shows `shownSections`: a fragment on the
 * same page when the target's section is there, else the full lesson page (which shows every
 * section) at that fragment.
 */
export function refLink(
  lessonId: string,
  ref: LessonRef,
  shownSections: readonly string[],
): RefLink {
  const anchor = refAnchor(ref);
  return shownSections.includes(refSection(ref))
    ? { href: `#${anchor}`, targetId: anchor }
    : { href: `${lessonHref(lessonId)}#${anchor}` };
}
