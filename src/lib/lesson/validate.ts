import { SCENARIOS, type ScenarioId } from '../playground/scenarios.ts';
import { isLessonSectionId } from './sections.ts';
import { parseRef } from './refs.ts';

/** The step values that come either from the author or from running the scenario. */
export const stepValues = ['before', 'action', 'after', 'output'] as const;
type StepValue = (typeof stepValues)[number];
export type StepValues = { [Value in StepValue]?: string | undefined };

/** The parts of a lesson that refer to each other (a structural subset of the lesson schema). */
export interface LessonLinks {
  conceptFlow: { stages: readonly { id: string }[] };
  code: { source: string };
  execution: {
    scenario?: ScenarioId | undefined;
    steps: readonly ({ id: string; stage?: string | undefined } & StepValues)[];
  };
  tracker: { values?: readonly string[] | undefined };
  keyMoments: readonly { id: string; cites: string }[];
  quiz: readonly {
    id: string;
    choices: readonly { id: string; text: string }[];
    answer: string;
    hint: { ref: string };
  }[];
}

/** A problem with a lesson: where it is (a path into the frontmatter) and what is wrong. */
export interface LessonIssue {
  path: (string | number)[];
  message: string;
}

/**
 * Checks what a per-field schema cannot: ids are unique, every reference (and every execution
 * step's flow stage) points at something that exists, every quiz answer is one of its choices, and
 * the execution values come from exactly one place (the scenario or the author).
 * Returns every problem found (empty when the lesson is consistent).
 */
export function findLessonIssues(lesson: LessonLinks): LessonIssue[] {
  const issues: LessonIssue[] = [];
  const stageIds = new Set(lesson.conceptFlow.stages.map((stage) => stage.id));
  const stepIds = new Set(lesson.execution.steps.map((step) => step.id));
  const momentIds = new Set(lesson.keyMoments.map((moment) => moment.id));

  reportDuplicates(lesson.conceptFlow.stages, ['conceptFlow', 'stages'], 'flow stage', issues);
  reportDuplicates(lesson.execution.steps, ['execution', 'steps'], 'execution step', issues);
  reportDuplicates(lesson.keyMoments, ['keyMoments'], 'key moment', issues);
  reportDuplicates(lesson.quiz, ['quiz'], 'question', issues);

  issues.push(...executionSourceIssues(lesson));

  lesson.execution.steps.forEach((step, index) => {
    if (step.stage !== undefined && !stageIds.has(step.stage)) {
      issues.push({
        path: ['execution', 'steps', index, 'stage'],
        message: `is "${step.stage}", which is not a flow stage (stages: ${list(stageIds)})`,
      });
    }
  });

  lesson.keyMoments.forEach((moment, index) => {
    const problem = missingTarget(moment.cites, stageIds, stepIds, momentIds);
    if (problem) issues.push({ path: ['keyMoments', index, 'cites'], message: problem });
  });

  lesson.quiz.forEach((question, index) => {
    const choiceIds = question.choices.map((choice) => choice.id);
    reportDuplicates(question.choices, ['quiz', index, 'choices'], 'choice', issues);
    const texts = question.choices.map((choice) => choice.text.trim());
    texts.forEach((text, choiceIndex) => {
      if (texts.indexOf(text) !== choiceIndex) {
        issues.push({
          path: ['quiz', index, 'choices', choiceIndex, 'text'],
          message: `repeats the text of an earlier choice ("${text}")`,
        });
      }
    });
    if (!choiceIds.includes(question.answer)) {
      issues.push({
        path: ['quiz', index, 'answer'],
        message: `is "${question.answer}", which is not one of the choices (${choiceIds.join(', ')})`,
      });
    }
    const problem = missingTarget(question.hint.ref, stageIds, stepIds, momentIds);
    if (problem) issues.push({ path: ['quiz', index, 'hint', 'ref'], message: problem });
  });

  return issues;
}

/**
 * A table with a scenario gets its values from the engine, so the author must not write them (two
 * sources of truth) and the code sample must be the scenario's exact Python. A table without one
 * needs every value by hand, and one tracker value per step.
 */
function executionSourceIssues(lesson: LessonLinks): LessonIssue[] {
  const issues: LessonIssue[] = [];
  const { scenario, steps } = lesson.execution;
  const values = lesson.tracker.values;
  if (scenario !== undefined) {
    const { app, python } = SCENARIOS[scenario];
    if (lesson.code.source !== python) {
      issues.push({
        path: ['code', 'source'],
        message: `differs from the Python that scenario "${scenario}" runs (LESSON_APP_SOURCES['${app}'] in src/lib/lesson-app-sources.ts); the code shown must be the code run`,
      });
    }
    steps.forEach((step, index) => {
      for (const value of stepValues) {
        if (step[value] !== undefined) {
          issues.push({
            path: ['execution', 'steps', index, value],
            message: `is computed from scenario "${scenario}"; remove it from the frontmatter`,
          });
        }
      }
    });
    if (values !== undefined) {
      issues.push({
        path: ['tracker', 'values'],
        message: `are computed from scenario "${scenario}"; remove them from the frontmatter`,
      });
    }
    return issues;
  }
  steps.forEach((step, index) => {
    for (const value of stepValues) {
      if (step[value] === undefined) {
        issues.push({
          path: ['execution', 'steps', index, value],
          message: 'is required when the execution table has no scenario to compute it from',
        });
      }
    }
  });
  if (values === undefined) {
    issues.push({
      path: ['tracker', 'values'],
      message: 'are required when the execution table has no scenario to compute them from',
    });
  } else if (values.length !== steps.length) {
    issues.push({
      path: ['tracker', 'values'],
      message: `has ${values.length} values but the execution table has ${steps.length} steps; give one value per step`,
    });
  }
  return issues;
}

/** Why a reference points at nothing, or undefined when its target exists. */
export function missingTarget(
  written: string,
  stageIds: Set<string>,
  stepIds: Set<string>,
  momentIds: Set<string>,
): string | undefined {
  const ref = parseRef(written);
  switch (ref.kind) {
    case 'flow':
      return stageIds.has(ref.stage)
        ? undefined
        : `points at flow stage "${ref.stage}", which does not exist (stages: ${list(stageIds)})`;
    case 'table':
      return stepIds.has(ref.step)
        ? undefined
        : `points at execution step "${ref.step}", which does not exist (steps: ${list(stepIds)})`;
    case 'moment':
      return momentIds.has(ref.moment)
        ? undefined
        : `points at key moment "${ref.moment}", which does not exist (moments: ${list(momentIds)})`;
    case 'section':
      return isLessonSectionId(ref.section)
        ? undefined
        : `points at section "${ref.section}", which does not exist`;
  }
}

/** Adds an issue for every item whose id an earlier item already has. */
export function reportDuplicates(
  items: readonly { id: string }[],
  path: (string | number)[],
  what: string,
  issues: LessonIssue[],
): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.id)) {
      issues.push({
        path: [...path, index, 'id'],
        message: `repeats the ${what} id "${item.id}"; ids must be unique`,
      });
    }
    seen.add(item.id);
  });
}

function list(ids: Set<string>): string {
  return [...ids].join(', ') || 'none';
}
