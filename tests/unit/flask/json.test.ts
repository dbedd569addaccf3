import { describe, expect, test } from 'vitest';
import {
  MAX_JSON_DEPTH,
  compareCodePoints,
  dumpsJson,
  loadsJson,
} from '../../../src/lib/flask/json.ts';
import { PyFloat, newDict, type PyValue } from '../../../src/lib/flask/python.ts';

const dumps = (tree: Parameters<typeof dumpsJson>[0]) => {
  const result = dumpsJson(tree);
  return result.ok ? result.text : `error: ${result.pythonMessage}`;
};
const loads = (text: string): PyValue => {
  const result = loadsJson(text);
  if (!result.ok) throw new Error(result.detail);
  return result.value;
};

describe("Python's json.dumps as Flask calls it (`flask/json/tag.py`: `TaggedJSONSerializer.dumps`)", () => {
  test('sorts keys by code point, not by UTF-16 unit', () => {
    const keys = { b: 1, a: 2, B: 3, _: 4, é: 5, '\u{1f600}': 6, '\uffff': 7, '10': 8, '9': 9 };
    expect(dumps(keys)).toBe(
      '{"10":8,"9":9,"B":3,"_":4,"a":2,"b":1,"\\u00e9":5,"\\uffff":7,"\\ud83d\\ude00":6}',
    );
  });

  test('escapes everything outside printable ASCII, DEL included, in lowercase hex', () => {
    expect(dumps('\u007f\u00e9\u{1f600}')).toBe('"\\u007f\\u00e9\\ud83d\\ude00"');
  });

  test('uses short escapes for quote, backslash and the C controls, and leaves / < > & alone', () => {
    expect(dumps('"\\\n\r\t\b\f/<>&\'')).toBe('"\\"\\\\\\n\\r\\t\\b\\f/<>&\'"');
  });

  test.each([
    [1, '1.0'],
    [0.0001, '0.0001'],
    [1e15, '1000000000000000.0'],
    [1 / 3, '0.3333333333333333'],
    [1e16, '1e+16'],
    [1e-5, '1e-05'],
    [1e-7, '1e-07'],
    [1.5e-7, '1.5e-07'],
    [5e-324, '5e-324'],
    [-1.7976931348623157e308, '-1.7976931348623157e+308'],
    [-0, '-0.0'],
  ])('writes the float %d as %s', (x, text) => {
    expect(dumps(new PyFloat(x))).toBe(text);
  });

  test('writes NaN and the infinities as bare tokens', () => {
    expect(dumps([NaN, Infinity, -Infinity])).toBe('[NaN,Infinity,-Infinity]');
  });

  test('writes big ints exactly', () => {
    expect(dumps(18446744073709551616n)).toBe('18446744073709551616');
  });

  test('refuses ints of more than 4300 digits, like Python', () => {
    expect(dumps(10n ** 4300n)).toMatch(/^error: Exceeds the limit \(4300 digits\)/);
    expect(dumps(10n ** 4299n)).toHaveLength(4300);
  });

  test('has no whitespace', () => {
    expect(dumps({ a: [1, { b: null }], c: true })).toBe('{"a":[1,{"b":null}],"c":true}');
  });
});

describe("Python's json.loads (`TaggedJSONSerializer.loads`)", () => {
  test('keeps ints and floats apart', () => {
    expect(loads('[1,1.0,1e2,-0]')).toEqual([1, new PyFloat(1), new PyFloat(100), 0]);
  });

  test('reads big ints as bigint', () => {
    expect(loads('18446744073709551616')).toBe(18446744073709551616n);
  });

  test('accepts NaN, Infinity and -Infinity', () => {
    expect(loads('[NaN,Infinity,-Infinity]')).toEqual([
      new PyFloat(NaN),
      new PyFloat(Infinity),
      new PyFloat(-Infinity),
    ]);
  });

  test('keeps lone surrogates', () => {
    expect(loads('"\\udc00\\ud800"')).toBe('\udc00\ud800');
  });

  test('duplicate keys: the last value wins', () => {
    expect(loads('{"a":1,"b":2,"a":3}')).toEqual(Object.assign(newDict(), { a: 3, b: 2 }));
  });

  test('a __proto__ key is ordinary data', () => {
    const value = loads('{"__proto__":{"polluted":true}}') as Record<string, PyValue>;
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  test('rejects a byte order mark', () => {
    expect(loadsJson('\ufeff{}')).toEqual({ ok: false, detail: 'Unexpected UTF-8 BOM' });
  });

  test('refuses nesting deeper than the limit with a clear error', () => {
    expect(loadsJson('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH)).ok).toBe(true);
    const deep = loadsJson('['.repeat(100000));
    expect(deep).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/^Nested deeper than 900/),
    });
  });

  test.each(['', '{', '[1,]', '{"a":1,}', "{'a':1}", '01', '1.', '"\\x"', '"\x01"', '{} x'])(
    'reports %j as an error value instead of throwing',
    (text) => {
      expect(loadsJson(text).ok).toBe(false);
    },
  );
});

describe('code point order', () => {
  test('puts U+FFFF before an astral character, unlike JS string comparison', () => {
    expect(compareCodePoints('\uffff', '\u{1f600}')).toBeLessThan(0);
    expect('\uffff' < '\u{1f600}').toBe(false);
  });

  test('orders a prefix first', () => {
    expect(compareCodePoints('ab', 'abc')).toBeLessThan(0);
  });
});
