import type { ExecutionColumn } from '../../schemas/execution.ts';

/** A parsed lesson reference (see `src/schemas/ref.ts` for the written form). */
export type LessonRef =
  | { kind: 'flow'; stage: string }
  | { kind: 'table'; step: string; column?: ExecutionColumn }
  | { kind: 'moment'; moment: string }
  | { kind: 'section'; section: string };

/** Parses a reference string that already passed `refSchema`. */
export function parseRef(ref: string): LessonRef {
  const [kind = '', target = '', column] = ref.split(':');
  switch (kind) {
    case 'flow':
      return { kind, stage: target };
    case 'table':
      return column === undefined
        ? { kind, step: target }
        : { kind, step: target, column: column as ExecutionColumn };
    case 'moment':
      return { kind, moment: target };
    default:
      return { kind: 'section', section: target };
  }
}

/** The element id on the lesson page that a reference points at. */
export function refAnchor(ref: LessonRef): string {
  switch (ref.kind) {
    case 'flow':
      return flowStageAnchor(ref.stage);
    case 'table':
      return ref.column === undefined
        ? tableRowAnchor(ref.step)
        : tableCellAnchor(ref.step, ref.column);
    case 'moment':
      return keyMomentAnchor(ref.moment);
    case 'section':
      return ref.section;
  }
}

/** The id of the lesson section (see `sections.ts`) that holds a reference's target. */
export function refSection(ref: LessonRef): string {
  switch (ref.kind) {
    case 'flow':
      return 'concept-flow';
    case 'table':
      return 'execution-table';
    case 'moment':
      return 'key-moments';
    case 'section':
      return ref.section;
  }
}

export const flowStageAnchor = (stage: string) => `flow-${stage}`;
export const tableRowAnchor = (step: string) => `row-${step}`;
export const tableCellAnchor = (step: string, column: ExecutionColumn) => `row-${step}-${column}`;
export const keyMomentAnchor = (moment: string) => `moment-${moment}`;
export const questionAnchor = (question: string) => `q-${question}`;
