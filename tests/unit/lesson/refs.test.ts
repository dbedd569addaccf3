import { describe, expect, test } from 'vitest';
import { parseRef, refAnchor, refSection } from '../../../src/lib/lesson/refs.ts';
import { refLabel } from '../../../src/lib/lesson/ref-label.ts';
import { refLink } from '../../../src/lib/lesson/ref-link.ts';
import { validLesson } from '../fixtures/lesson.ts';

describe('lesson references', () => {
  test('a table row reference points at the row anchor', () => {
    expect(refAnchor(parseRef('table:visit-3'))).toBe('row-visit-3');
  });

  test('a table cell reference points at the cell anchor', () => {
    expect(parseRef('table:visit-3:after')).toEqual({
      kind: 'table',
      step: 'visit-3',
      column: 'after',
    });
    expect(refAnchor(parseRef('table:visit-3:after'))).toBe('row-visit-3-after');
  });

  test('flow, key moment and section references point at their anchors', () => {
    expect(refAnchor(parseRef('flow:load'))).toBe('flow-load');
    expect(refAnchor(parseRef('moment:no-secret-key'))).toBe('moment-no-secret-key');
    expect(refAnchor(parseRef('section:key-moments'))).toBe('key-moments');
  });

  test('link text names the place in the learner’s words', () => {
    const lesson = validLesson();
    expect(refLabel(lesson, parseRef('table:visit-2:after'))).toBe(
      'execution table, step 2 (Second visit), Session after column',
    );
    expect(refLabel(lesson, parseRef('table:visit-1'))).toBe(
      'execution table, step 1 (First visit)',
    );
    expect(refLabel(lesson, parseRef('flow:save'))).toBe('concept flow, stage 2: Save');
    expect(refLabel(lesson, parseRef('moment:why'))).toBe('key moment: Why?');
    expect(refLabel(lesson, parseRef('section:visual-quiz'))).toBe('Visual quiz');
  });

  test('each kind of reference lives in its lesson section', () => {
    expect(refSection(parseRef('flow:load'))).toBe('concept-flow');
    expect(refSection(parseRef('table:visit-3:after'))).toBe('execution-table');
    expect(refSection(parseRef('moment:why'))).toBe('key-moments');
    expect(refSection(parseRef('section:concept-snapshot'))).toBe('concept-snapshot');
  });

  test('a link stays on the page when the page shows the target’s section', () => {
    expect(refLink('flask-session', parseRef('table:visit-3:after'), ['execution-table'])).toEqual({
      href: '#row-visit-3-after',
      targetId: 'row-visit-3-after',
    });
  });

  test('a link goes to the full lesson page when the target is not on this page', () => {
    expect(refLink('flask-session', parseRef('moment:no-secret-key'), ['visual-quiz'])).toEqual({
      href: '/lessons/flask-session/#moment-no-secret-key',
    });
  });
});
