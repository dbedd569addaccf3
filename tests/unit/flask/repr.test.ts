import { describe, expect, test } from 'vitest';
import {
  Markup,
  PyFloat,
  PyTuple,
  PyUUID,
  newDict,
  type PyValue,
} from '../../../src/lib/flask/python.ts';
import { bytesRepr, floatRepr, pyRepr, pyStr, strRepr } from '../../../src/lib/flask/repr.ts';

describe("Python's repr of session values", () => {
  test.each([
    [Object.assign(newDict(), { count: 1 }), "{'count': 1}"],
    [new PyTuple(['a', 1]), "('a', 1)"],
    [new PyTuple([1]), '(1,)'],
    [new PyTuple([]), '()'],
    [Uint8Array.of(0), "b'\\x00'"],
    [new Markup('x'), "Markup('x')"],
    [
      new PyUUID('12345678123456781234567812345678'),
      "UUID('12345678-1234-5678-1234-567812345678')",
    ],
    [
      new Date(Date.UTC(2024, 0, 2, 3, 4, 5)),
      'datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc)',
    ],
    [new PyFloat(1), '1.0'],
    [true, 'True'],
    [null, 'None'],
    [[1, 'a', null], "[1, 'a', None]"],
    [2n ** 64n, '18446744073709551616'],
    [new PyFloat(NaN), 'nan'],
  ] as [PyValue, string][])('%o prints as %s', (value, repr) => {
    expect(pyRepr(value)).toBe(repr);
  });

  test('a datetime on a whole minute omits the seconds', () => {
    expect(pyRepr(new Date(Date.UTC(2024, 0, 2, 3, 4)))).toBe(
      'datetime.datetime(2024, 1, 2, 3, 4, tzinfo=datetime.timezone.utc)',
    );
  });

  test('a list that contains itself prints as [...]', () => {
    const cyclic: PyValue[] = [1];
    cyclic.push(cyclic);
    expect(pyRepr(cyclic)).toBe('[1, [...]]');
  });

  test('str repr picks double quotes only for a single quote without double quotes', () => {
    expect(strRepr("a'b")).toBe('"a\'b"');
    expect(strRepr('a"b')).toBe("'a\"b'");
    expect(strRepr('a\'"b')).toBe("'a\\'\"b'");
  });

  test('str repr escapes non-printable characters but keeps printable non-ASCII', () => {
    expect(strRepr('\x7f\x00é\u200b😀\ud83d\t\\')).toBe("'\\x7f\\x00é\\u200b😀\\ud83d\\t\\\\'");
    expect(strRepr('\xa0\xad\u0378')).toBe("'\\xa0\\xad\\u0378'");
  });

  test('bytes repr escapes quotes and non-ASCII bytes', () => {
    expect(bytesRepr(Uint8Array.from([0, 0x27, 0x22, 0x7f, 0xff, 0x20, 0x61]))).toBe(
      "b'\\x00\\'\"\\x7f\\xff a'",
    );
    expect(bytesRepr(Uint8Array.of(0x27))).toBe('b"\'"');
  });

  test('float repr switches to exponent notation at 1e16', () => {
    expect(floatRepr(1e16)).toBe('1e+16');
    expect(floatRepr(1.2345678901234568e17)).toBe('1.2345678901234568e+17');
    expect(floatRepr(0.1 + 0.2)).toBe('0.30000000000000004');
  });
});

describe("Python's str, as f-strings insert values", () => {
  test('text is inserted as is, everything else as repr', () => {
    expect(pyStr('alice')).toBe('alice');
    expect(pyStr(['apple'])).toBe("['apple']");
    expect(pyStr(null)).toBe('None');
  });

  test('a UUID is dashed and a datetime is ISO with a space', () => {
    expect(pyStr(new PyUUID('00000000000000000000000000000005'))).toBe(
      '00000000-0000-0000-0000-000000000005',
    );
    expect(pyStr(new Date(Date.UTC(2024, 0, 2, 3, 4, 5)))).toBe('2024-01-02 03:04:05+00:00');
  });
});
