import { describe, expect, test } from 'vitest';
import {
  Markup,
  PyFloat,
  PyTuple,
  PyUUID,
  deepCopy,
  floatValue,
  intValue,
  isDict,
  newDict,
  pyInt,
  pyIterate,
  pyTruthy,
  type PyValue,
} from '../../../src/lib/flask/python.ts';

describe('value conventions', () => {
  test('ints beyond 2^53 are bigint, smaller ones number', () => {
    expect(intValue(2n ** 53n - 1n)).toBe(2 ** 53 - 1);
    expect(intValue(2n ** 53n)).toBe(2n ** 53n);
  });

  test('floats a number would mistake for ints are PyFloat', () => {
    expect(floatValue(1.5)).toBe(1.5);
    for (const x of [1, -0, NaN, Infinity, 1e20]) expect(floatValue(x)).toEqual(new PyFloat(x));
  });

  test('dicts made here have no prototype', () => {
    expect(Object.getPrototypeOf(newDict())).toBeNull();
    expect(isDict(newDict()) && isDict({}) && !isDict([]) && !isDict(new Date())).toBe(true);
  });
});

describe("Python's truth values", () => {
  test.each([
    null,
    false,
    0,
    0n,
    '',
    [],
    new PyFloat(0),
    new PyTuple([]),
    new Markup(''),
    newDict(),
  ])('%o is falsy', (value) => expect(pyTruthy(value as PyValue)).toBe(false));

  test.each([1, 'a', [0], new PyFloat(NaN), new PyUUID('0'.repeat(32)), new Date(0)])(
    '%o is truthy',
    (value) => expect(pyTruthy(value)).toBe(true),
  );
});

describe("Python's int(text, base) and UUID(text)", () => {
  test('int accepts whitespace, a sign and underscores between digits', () => {
    expect(pyInt(' -1_000 ', 10)).toBe(-1000n);
    expect(pyInt('1__0', 10)).toBeNull();
    expect(pyInt('_1', 10)).toBeNull();
  });

  test('int(text, 16) accepts a 0x prefix', () => {
    expect(pyInt('0x_ff', 16)).toBe(255n);
  });

  test('UUID accepts braces, urn:uuid: and dashes anywhere', () => {
    const hex = '12345678123456781234567812345678';
    for (const text of [`{${hex}}`, `urn:uuid:${hex}`, '1234-5678123456781234567812345678']) {
      expect(PyUUID.parse(text)?.hex).toBe(hex);
    }
    expect(PyUUID.parse('zz')).toBeNull();
  });
});

describe('iteration and copies', () => {
  test('iterating a str yields code points', () => {
    expect(pyIterate('a\u{1f600}')).toEqual(['a', '\u{1f600}']);
  });

  test('non-iterables give null', () => {
    expect(pyIterate(5)).toBeNull();
    expect(pyIterate(new PyUUID('0'.repeat(32)))).toBeNull();
  });

  test('deepCopy copies nested values and keeps shared and cyclic references', () => {
    const shared = [1];
    const original = Object.assign(newDict(), { a: shared, b: shared });
    const cyclic: PyValue[] = [];
    cyclic.push(cyclic);
    original['c'] = cyclic;
    const copy = deepCopy(original);
    expect(copy['a']).not.toBe(shared);
    expect(copy['a']).toBe(copy['b']);
    expect((copy['c'] as PyValue[])[0]).toBe(copy['c']);
  });
});
