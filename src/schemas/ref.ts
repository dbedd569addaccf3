import { z } from 'astro/zod';

/**
 * A reference from one part of a lesson to another, written as a short string so authors can type it
 * in frontmatter:
 * - `flow:<stageId>`: a stage of the concept flow;
 * - `table:<stepId>` or `table:<stepId>:<column>`: a row (or one cell) of the execution table;
 * - `moment:<momentId>`: a key moment;
 * - `section:<sectionId>`: a whole lesson section.
 * The shape is checked here; whether the target exists is checked against the whole lesson in
 * `lesson.ts`.
 */
export const refSchema = z
  .string()
  .regex(
    /^(flow:[a-z0-9-]+|table:[a-z0-9-]+(:(request|before|action|after|output))?|moment:[a-z0-9-]+|section:[a-z0-9-]+)$/,
    'must look like "flow:<stage>", "table:<step>", "table:<step>:<column>", "moment:<id>" or "section:<id>"',
  );

/** Lowercase words joined by hyphens: usable as a URL fragment and a stable storage key. */
export const idSchema = z
  .string()
  .regex(
    /^[a-z0-9]+(-[a-z0-9]+)*$/,
    'must be lowercase letters, digits and hyphens, like "first-visit"',
  );
