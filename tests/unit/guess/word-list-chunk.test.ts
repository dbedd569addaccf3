import { describe, expect, it } from 'vitest';
import { setCookie } from '../../../src/lib/guess/kernel.ts';
import { tryChunk } from '../../../src/lib/guess/word-list-chunk.ts';
import { bytesRepr, strRepr } from '../../../src/lib/flask/str-repr.ts';
import { groups, kernels } from './vectors.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const join = (...parts: (string | Uint8Array)[]) =>
  Uint8Array.from(parts.flatMap((p) => [...(typeof p === 'string' ? utf8(p) : p)]));

// itsdangerous' signatures for keys that fit on a line: ASCII, UTF-8 text, over 64 bytes.
const cases = groups.flatMap(({ signedPart, keys }) =>
  keys.map(({ key, signature }) => ({ signedPart, key, signature })),
);
// Plain lines: no line break, and no quote (a line with one may be a Python literal).
const onOneLine = cases.filter(
  (c) => c.key.length > 0 && ![10, 13, 0x22, 0x27].some((b) => c.key.includes(b)),
);
/** The key as Python holds it when read from a line: `str` if UTF-8, else `bytes`. */
const python = (key: Uint8Array): string | Uint8Array => {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(key);
  } catch {
    return key;
  }
};
const ascii = onOneLine.find((c) => c.key.every((b) => b < 0x80) && c.key.length < 20)!;
const long = onOneLine.find((c) => c.key.length > 64)!;
const text = onOneLine.find(
  (c) => c.key.some((b) => b >= 0x80) && new TextDecoder().decode(c.key).length > 3,
)!;

describe.each(kernels)('a word-list chunk, %s kernel', (_name, make) => {
  const against = async (c: (typeof cases)[number]) => {
    const kernel = await make();
    setCookie(kernel, c.signedPart, c.signature);
    return kernel;
  };

  it('tries each line as its bytes and returns the matching one', async () => {
    for (const c of [ascii, long, text]) {
      const kernel = await against(c);
      const result = tryChunk(kernel, join('nope\n', c.key, '\nafter\n'), true);
      expect(result).toEqual({ tried: 2, found: python(c.key) });
    }
  });

  it('drops one trailing carriage return, skips empty lines and reads a last line without newline', async () => {
    const kernel = await against(ascii);
    expect(tryChunk(kernel, join('a\r\n\n\r\nb\r\n', ascii.key, '\r\n'), true)).toEqual({
      tried: 3,
      found: python(ascii.key),
    });
    expect(tryChunk(kernel, join('a\n\n', ascii.key), true)).toEqual({
      tried: 2,
      found: python(ascii.key),
    });
    // Only one: a key that ends in a carriage return keeps the rest.
    expect(tryChunk(kernel, join(ascii.key, '\r\r\n'), true).found).toBeNull();
  });

  it('skips a UTF-8 byte order mark at the start of a file only', async () => {
    const kernel = await against(ascii);
    const bom = Uint8Array.of(0xef, 0xbb, 0xbf);
    expect(tryChunk(kernel, join(bom, ascii.key, '\n'), true)).toEqual({
      tried: 1,
      found: python(ascii.key),
    });
    expect(tryChunk(kernel, join(bom, ascii.key, '\n'), false)).toEqual({ tried: 1, found: null });
  });

  it('counts every line of a chunk of many batches and finds a key on the last line', async () => {
    const kernel = await against(long);
    const lines = Array.from({ length: 10_001 }, (_, i) => `wrong-${i}`).join('\n');
    expect(tryChunk(kernel, join(lines), true)).toEqual({ tried: 10_001, found: null });
    expect(tryChunk(kernel, join(lines, '\n', long.key), true)).toEqual({
      tried: 10_002,
      found: python(long.key),
    });
  });

  it('reads a line that is a Python literal as its value (flask-unsign word lists)', async () => {
    // Any bytes fit on a line as a bytes literal, line breaks included.
    const withBreak = cases.find((c) => c.key.includes(10) && c.key.length <= 64)!;
    let kernel = await against(withBreak);
    const line = bytesRepr(withBreak.key);
    expect(tryChunk(kernel, join("''\n", 'plain\n', line, '\r\n'), true)).toEqual({
      tried: 2,
      found: withBreak.key,
    });
    kernel = await against(text);
    const literal = strRepr(python(text.key) as string);
    expect(tryChunk(kernel, join(`b'x'\n${literal}`), true)).toEqual({
      tried: 2,
      found: python(text.key),
    });
    // A quote that does not make a literal leaves the line as it is.
    kernel = await against(ascii);
    expect(tryChunk(kernel, join(`it's\n"open\n`, ascii.key), true).tried).toBe(3);
  });

  it('tries repeated lines again rather than remembering them', async () => {
    const kernel = await against(ascii);
    expect(tryChunk(kernel, join('x\nx\nx\n', ascii.key), true).tried).toBe(4);
  });
});
