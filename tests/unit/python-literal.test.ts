import { bytesToHex } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import {
  bytesRepr,
  looksLikePythonLiteral,
  parsePythonLiteral,
  strRepr,
} from '../../src/lib/python-literal.ts';
import { cases } from '../conformance/inspector-cases.ts';

describe('parsePythonLiteral agrees with ast.literal_eval', () => {
  it('has many generated cases, both valid and invalid', () => {
    expect(cases.literals.length).toBeGreaterThan(1000);
    expect(cases.literals.filter((c) => c.ok).length).toBeGreaterThan(200);
  });

  it.each(cases.literals.map((c) => [JSON.stringify(c.source), c] as const))(
    '%s',
    (_, expected) => {
      const parsed = parsePythonLiteral(expected.source);
      if (!expected.ok) {
        expect(parsed.ok).toBe(false);
        if (!parsed.ok) expect(parsed.message).toMatch(/\w.*[.)]$/);
        return;
      }
      expect(parsed.ok, parsed.ok ? '' : parsed.message).toBe(true);
      if (!parsed.ok) return;
      if (expected.type === 'str')
        expect(parsed.literal).toEqual({ type: 'str', value: expected.value });
      else {
        expect(parsed.literal.type).toBe('bytes');
        expect(bytesToHex(parsed.literal.value as Uint8Array)).toBe(expected.hex);
      }
    },
  );
});

describe('parsePythonLiteral errors', () => {
  it.each([
    ['123', /not a Python string or bytes literal/],
    ["'a' b'b'", /cannot join a bytes literal and a str literal/],
    ["b'é'", /only hold ASCII/],
    ["f'x'", /f-string/],
    ["'\\N{BULLET}'", /Named escapes/],
    ["'abc", /never ends|without its closing/],
    ["'\\x4'", /needs exactly 2 hexadecimal digits/],
    ["'a'\n'b'", /Only one literal per line/],
    ['   ', /no literal/],
  ])('%j', (source, message) => {
    const parsed = parsePythonLiteral(source);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });
});

describe('round trip through repr', () => {
  it('reads back what strRepr and bytesRepr write', () => {
    const samples = [
      '',
      'dev',
      "it's",
      'a"b\'c',
      'tab\there\n',
      '\u0000\u007f\u00e9\u2028😀',
      '\\',
    ];
    for (const text of samples) {
      expect(parsePythonLiteral(strRepr(text))).toEqual({
        ok: true,
        literal: { type: 'str', value: text },
      });
    }
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    const parsed = parsePythonLiteral(bytesRepr(bytes));
    expect(parsed.ok && bytesToHex(parsed.literal.value as Uint8Array)).toBe(bytesToHex(bytes));
  });
});

describe('looksLikePythonLiteral', () => {
  it.each([
    ["'dev'", true],
    ['  b"x"', true],
    ["Rb'x'", true],
    ["u'x'", true],
    ['dev', false],
    ["bytes'x'", false],
    ["ur'x'", false],
    ['', false],
  ])('%j → %s', (text, expected) => {
    expect(looksLikePythonLiteral(text)).toBe(expected);
  });
});
