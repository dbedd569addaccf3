import { describe, expect, test } from 'vitest';
import { splitInlineCode } from '../../src/lib/inline-code.ts';

describe('inline code in lesson text', () => {
  test('text between backticks becomes code', () => {
    expect(splitInlineCode("Use `session['count']` here")).toEqual([
      { code: false, text: 'Use ' },
      { code: true, text: "session['count']" },
      { code: false, text: ' here' },
    ]);
  });

  test('text without backticks is one plain run', () => {
    expect(splitInlineCode('plain')).toEqual([{ code: false, text: 'plain' }]);
  });

  test('an unmatched backtick stays a literal character', () => {
    expect(splitInlineCode('`a` and ` alone')).toEqual([
      { code: true, text: 'a' },
      { code: false, text: ' and ` alone' },
    ]);
  });

  test('markup is kept as text for the renderer to escape', () => {
    expect(splitInlineCode('`<img src=x>`')).toEqual([{ code: true, text: '<img src=x>' }]);
  });
});
