import { describe, expect, test } from 'vitest';
import {
  Markup,
  PyFloat,
  PyTuple,
  PyUUID,
  newDict,
  type PyDict,
  type PyValue,
} from '../../../src/lib/flask/python.ts';
import { pyRepr } from '../../../src/lib/flask/repr.ts';
import { MAX_DUMP_DEPTH, dumpsTagged, loadsTagged } from '../../../src/lib/flask/tag.ts';

const dict = (entries: Record<string, PyValue>): PyDict => Object.assign(newDict(), entries);
const tagged = (value: PyValue) => {
  const result = dumpsTagged(value);
  return result.ok ? result.text : `${result.error}: ${result.pythonMessage}`;
};
const untagged = (text: string) => {
  const result = loadsTagged(text);
  return result.ok ? pyRepr(result.value) : 'error';
};

describe("Flask's TaggedJSONSerializer writes (`flask/json/tag.py`)", () => {
  test('a tuple as " t"', () => {
    expect(tagged(dict({ t: new PyTuple([1, 'a']) }))).toBe('{"t":{" t":[1,"a"]}}');
  });

  test('bytes as " b" with standard, padded base64', () => {
    expect(tagged(dict({ b: Uint8Array.of(0xfb, 0xff) }))).toBe('{"b":{" b":"+/8="}}');
  });

  test('Markup as " m", a UUID as " u" hex and a datetime as " d" http-date', () => {
    const uuid = new PyUUID('12345678123456781234567812345678');
    const value = dict({
      m: new Markup('<b>'),
      u: uuid,
      d: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)),
    });
    expect(tagged(value)).toBe(
      '{"d":{" d":"Tue, 02 Jan 2024 03:04:05 GMT"},"m":{" m":"<b>"},"u":{" u":"12345678123456781234567812345678"}}',
    );
  });

  test('escapes a one-key dict whose key is a tag, at the top level too', () => {
    expect(tagged(dict({ ' t': [1, 2] }))).toBe('{" di":{" t__":[1,2]}}');
  });

  test('escapes nested one-key tag dicts and tags their values', () => {
    expect(tagged(dict({ x: dict({ ' di': 'v' }) }))).toBe('{"x":{" di":{" di__":"v"}}}');
    expect(tagged(dict({ x: dict({ ' t': new PyTuple([1, 2]) }) }))).toBe(
      '{"x":{" di":{" t__":{" t":[1,2]}}}}',
    );
  });

  test('does not escape a dict with two keys, or a key that only looks like a tag', () => {
    expect(tagged(dict({ ' t': 1, a: 2 }))).toBe('{" t":1,"a":2}');
    expect(tagged(dict({ ' t__': 1 }))).toBe('{" t__":1}');
  });

  test('refuses values JSON cannot hold, as TypeError', () => {
    expect(tagged(dict({ s: new Set([1]) as unknown as PyValue }))).toBe(
      'TypeError: Object of type set is not JSON serializable',
    );
  });

  test('refuses nesting deeper than the limit, as RecursionError', () => {
    let deep: PyValue = 1;
    for (let i = 0; i < MAX_DUMP_DEPTH; i++) deep = [deep];
    expect(tagged(dict({ a: deep }))).toBe('RecursionError: maximum recursion depth exceeded');
  });

  test('refuses a session that contains itself, as RecursionError', () => {
    const cyclic: PyValue[] = [];
    cyclic.push(cyclic);
    expect(tagged(dict({ a: cyclic }))).toBe('RecursionError: maximum recursion depth exceeded');
  });
});

describe('untagging, innermost first (`TaggedJSONSerializer._untag_scan`)', () => {
  test.each([
    ['{" di":{"k":1}}', "{'': 1}"],
    ['{" di":{}}', 'error'],
    ['{" di":"xyz"}', 'error'],
    ['{" t":{"k":1}}', "('k',)"],
    ['{" b":"!"}', "b''"],
    ['{" b":"abc"}', 'error'],
    ['{" m":5}', "Markup('5')"],
    ['{" u":"zz"}', 'error'],
    ['{" d":"not a date"}', 'None'],
  ])('%s loads as %s', (text, repr) => {
    expect(untagged(text)).toBe(repr);
  });

  test('an unregistered one-key dict stays a dict', () => {
    expect(untagged('{" x":1}')).toBe("{' x': 1}");
  });

  test('" di" drops the last two code points of the key, not UTF-16 units', () => {
    expect(untagged('{" di":{"ab\\ud83d\\ude00":1}}')).toBe("{'a': 1}");
  });

  test('floats that look like ints come back as PyFloat', () => {
    const result = loadsTagged('{"a":1.0}');
    expect(result.ok && (result.value as PyDict)['a']).toEqual(new PyFloat(1));
  });
});
