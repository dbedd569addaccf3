import { TRACE_STAGES, pyRepr, stageEvent, viewLines, type TraceEvent } from '../flask/index.ts';
import { LESSON_APP_SOURCES, type LessonAppId } from '../lesson-apps/sources.ts';
import { STAGE_CASES, placeholders } from '../player/frames.ts';
import { isLessonSectionId } from './sections.ts';
import { parseRef } from './refs.ts';

/** The step values that come either from the author or from running the scenario. */
export const stepValues = ['before', 'action', 'after', 'output'] as const;
type StepValue = (typeof stepValues)[number];
export type StepValues = { [Value in StepValue]?: string | undefined };

/** The parts of a lesson that refer to each other (a structural subset of the lesson schema). */
export interface LessonLinks {
  conceptFlow: {
    stages: readonly { id: string; narration?: Readonly<Record<string, string>> | undefined }[];
  };
  code: { source: string };
  execution: {
    scenario?: LessonAppId | undefined;
    steps: readonly ({ id: string } & StepValues)[];
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

  issues.push(...stageNarrationIssues(lesson));

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
 * With a scenario, the step-through player walks the request trace's stages, so the concept flow
 * must name them in order; every narration template must be for a case its stage has and use only
 * the placeholders that stage fills.
 */
function stageNarrationIssues(lesson: LessonLinks): LessonIssue[] {
  const issues: LessonIssue[] = [];
  const stages = lesson.conceptFlow.stages;
  if (lesson.execution.scenario !== undefined) {
    const ids = stages.map((stage) => stage.id).join(', ');
    if (ids !== TRACE_STAGES.join(', ')) {
      issues.push({
        path: ['conceptFlow', 'stages'],
        message: `are ${ids}; an execution table with a scenario is stepped through the request's stages, so they must be ${TRACE_STAGES.join(', ')}`,
      });
    }
  }
  stages.forEach((stage, index) => {
    const known = STAGE_CASES[stage.id as keyof typeof STAGE_CASES];
    for (const [name, template] of Object.entries(stage.narration ?? {})) {
      const path = ['conceptFlow', 'stages', index, 'narration', name];
      if (known === undefined) {
        issues.push({
          path,
          message: `narrates stage "${stage.id}", which the request trace does not have`,
        });
        continue;
      }
      if (!known.cases.includes(name)) {
        issues.push({
          path,
          message: `is not a case of stage "${stage.id}" (cases: ${known.cases.join(', ')})`,
        });
      }
      for (const placeholder of placeholders(template)) {
        if (!known.values.includes(placeholder)) {
          issues.push({
            path,
            message: `uses {${placeholder}}, which stage "${stage.id}" does not fill (it fills ${known.values.map((v) => `{${v}}`).join(', ')})`,
          });
        }
      }
    }
  });
  return issues;
}

/**
 * The authored narration of each visit against what the engine traced for it: every number it
 * names must be a value the session held before or after the visit, or a literal in the code
 * that ran; it may say "no cookie" only when the browser sent none. Returns the mismatches.
 */
export function findNarrationIssues(
  steps: readonly { narration: string }[],
  traces: readonly (readonly TraceEvent[])[],
): LessonIssue[] {
  const issues: LessonIssue[] = [];
  steps.forEach((step, index) => {
    const events = traces[index];
    if (events === undefined) return;
    const path = ['execution', 'steps', index, 'narration'];
    const lines = viewLines(events);
    const sessions = [stageEvent(events, 'load').session, ...lines.map((line) => line.after)];
    const known = new Set(
      [
        ...sessions.map((session) => (session === null ? '' : pyRepr(session))),
        ...lines.map((line) => line.python ?? ''),
      ].flatMap((text) => text.match(/\d+/g) ?? []),
    );
    for (const number of step.narration.match(/\d+/g) ?? []) {
      if (!known.has(number)) {
        issues.push({
          path,
          message: `names ${number}, but in this visit the session only held ${[...known].join(', ') || 'no numbers'} (the engine computed each value from the code)`,
        });
      }
    }
    const sentCookie = stageEvent(events, 'request').cookieHeader !== null;
    if (sentCookie && /\bno cookie\b/i.test(step.narration)) {
      issues.push({
        path,
        message:
          'says "no cookie", but in this visit the browser sends the cookie the last response set',
      });
    }
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
    if (lesson.code.source !== LESSON_APP_SOURCES[scenario]) {
      issues.push({
        path: ['code', 'source'],
        message: `differs from the Python that scenario "${scenario}" runs (LESSON_APP_SOURCES['${scenario}'] in src/lib/lesson-apps/sources.ts); the code shown must be the code run`,
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

function missingTarget(
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

function reportDuplicates(
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
