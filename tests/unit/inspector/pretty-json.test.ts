import { describe, expect, test } from 'vitest';
import { vectors } from '../../conformance/vectors.ts';
import { MAX_PRETTY_DEPTH, prettyJson } from '../../../src/lib/inspector/pretty-json.ts';

/** Removes the whitespace between tokens, as a check that nothing else changed. */
const compact = (json: string) =>
  json.replace(/("(?:[^"\\]|\\.)*")|\s+/g, (_, string: string | undefined) => string ?? '');

describe('indenting a cookie’s JSON', () => {
  test('changes only whitespace for every JSON Flask wrote in the vectors', () => {
    for (const { tagged_json } of vectors.cookies) {
      expect(compact(prettyJson(tagged_json))).toBe(tagged_json);
    }
  });

  test('short containers stay on one line, Python style', () => {
    expect(prettyJson('{"cart":["apple","pear"],"count":1}')).toBe(
      '{"cart": ["apple", "pear"], "count": 1}',
    );
    expect(prettyJson('{"t":{" t":[]},"e":{}}')).toBe('{"t": {" t": []}, "e": {}}');
  });

  test('long containers break into indented lines', () => {
    const long = `{"a":"${'x'.repeat(40)}","b":{"c":[1.0,NaN,-Infinity,18446744073709551616],"d":"${'y'.repeat(50)}"}}`;
    expect(prettyJson(long)).toBe(
      [
        '{',
        `  "a": "${'x'.repeat(40)}",`,
        '  "b": {',
        '    "c": [1.0, NaN, -Infinity, 18446744073709551616],',
        `    "d": "${'y'.repeat(50)}"`,
        '  }',
        '}',
      ].join('\n'),
    );
  });

  test('strings keep their escapes and inner spaces', () => {
    expect(prettyJson('{"s":"a, b: {c} \\"d\\" \\u00e9"}')).toBe(
      '{"s": "a, b: {c} \\"d\\" \\u00e9"}',
    );
  });

  test('text that is not JSON comes back unchanged', () => {
    for (const text of ['', '{', '{"a" 1}', '[1 2]', '{"a":1}}', '"open']) {
      expect(prettyJson(text)).toBe(text);
    }
  });

  test('nesting deeper than the limit is shown as written, at once', () => {
    const deep = `{"a":${'['.repeat(MAX_PRETTY_DEPTH)}1${']'.repeat(MAX_PRETTY_DEPTH)}}`;
    const started = performance.now();
    expect(prettyJson(deep)).toBe(deep);
    const deepest = `{"a":${'['.repeat(899)}1${']'.repeat(899)}}`;
    expect(prettyJson(deepest)).toBe(deepest);
    expect(performance.now() - started).toBeLessThan(50);
    const shallow = `[${'['.repeat(MAX_PRETTY_DEPTH - 2)}1${']'.repeat(MAX_PRETTY_DEPTH - 2)}]`;
    expect(prettyJson(shallow)).not.toBe(shallow);
  });
});
