/**
 * SHA-1's compression function (FIPS 180-4, section 6.1.2) as straight-line code, with every
 * value known before the candidate key folded into a constant. One description, several
 * syntaxes: SIMD WebAssembly text (four keys per vector) and scalar JavaScript.
 *
 * A value is a 32-bit constant or a local variable; arithmetic on constants happens here, at
 * generation time, so a block whose message words are all known (the salt block) costs no
 * message-schedule work at all in the kernel.
 */

import { rotl, roundConstant } from '../../src/lib/guess/sha1.ts';

export type Value = { readonly const: number } | { readonly local: string };

/** How one target language writes 32-bit word arithmetic. Operands are expression strings. */
export interface Syntax {
  literal(n: number): string;
  get(local: string): string;
  set(local: string, expr: string): string;
  add(a: string, b: string): string;
  xor(a: string, b: string): string;
  /** `(a & mask) | (b & ~mask)`. */
  select(a: string, b: string, mask: string): string;
  /** Rotate left by `n` (1 ≤ n ≤ 31); `local` is read twice, so it names a variable. */
  rotl(local: string, n: number): string;
  /** A message word taken from memory (the precomputed schedule of the cookie's blocks). */
  scheduled(index: number): string;
}

/**
 * Code for one compression: `state` are the chaining values (a..e) going in, `words` the 16
 * message words, or `'scheduled'` to add `syntax.scheduled(t)` (W[t] + K[t] precomputed) in
 * round t. Returns the statements and the five output words (`state + compressed`), which may
 * be constants or locals named `${prefix}…`.
 */
export function compression(
  syntax: Syntax,
  state: readonly Value[],
  words: readonly Value[] | 'scheduled',
  prefix: string,
): { statements: string[]; output: Value[]; locals: string[] } {
  const statements: string[] = [];
  const locals = new Set<string>();
  const expr = (v: Value) => ('const' in v ? syntax.literal(v.const) : syntax.get(v.local));
  const assign = (local: string, e: string): Value => {
    locals.add(local);
    statements.push(syntax.set(local, e));
    return { local };
  };

  // The message schedule, materialising only words that depend on the key.
  const w: Value[] = [];
  if (words !== 'scheduled') {
    w.push(...words);
    for (let t = 16; t < 80; t++) {
      const inputs = [w[t - 3]!, w[t - 8]!, w[t - 14]!, w[t - 16]!];
      let constant = 0;
      const odd = new Map<string, number>();
      for (const v of inputs) {
        if ('const' in v) constant ^= v.const;
        else odd.set(v.local, (odd.get(v.local) ?? 0) + 1);
      }
      const vars = [...odd].filter(([, n]) => n % 2 === 1).map(([name]) => name);
      if (vars.length === 0) {
        w.push({ const: rotl(constant, 1) });
        continue;
      }
      let e = syntax.get(vars[0]!);
      for (const name of vars.slice(1)) e = syntax.xor(e, syntax.get(name));
      if (constant !== 0) e = syntax.xor(e, syntax.literal(constant));
      const local = `${prefix}w${t}`;
      assign(local, e);
      w.push(assign(local, syntax.rotl(local, 1)));
    }
  }

  // Slot s holds working variable x (a = 0 … e = 4) in round t when s = (x − t) mod 5.
  const slots: Value[] = [...state];
  const slotOf = (x: number, t: number) => (((x - t) % 5) + 5) % 5;
  for (let t = 0; t < 80; t++) {
    const [a, b, c, d, e] = [0, 1, 2, 3, 4].map((x) => slots[slotOf(x, t)]!) as [
      Value,
      Value,
      Value,
      Value,
      Value,
    ];
    // f(b, c, d): Ch, Parity, Maj, Parity; a constant when b, c and d are.
    const terms: string[] = [];
    // A precomputed schedule already holds K[t].
    let constant = words === 'scheduled' ? 0 : roundConstant(t);
    const addTerm = (v: Value) => {
      if ('const' in v) constant = (constant + v.const) | 0;
      else terms.push(syntax.get(v.local));
    };
    if ('const' in b && 'const' in c && 'const' in d) {
      const [x, y, z] = [b.const, c.const, d.const];
      const f =
        t < 20 ? (x & y) | (~x & z) : t >= 40 && t < 60 ? (x & y) | (x & z) | (y & z) : x ^ y ^ z;
      constant = (constant + f) | 0;
    } else {
      const [x, y, z] = [expr(b), expr(c), expr(d)];
      terms.push(
        t < 20
          ? syntax.select(y, z, x)
          : t >= 40 && t < 60
            ? syntax.select(y, x, syntax.xor(x, z))
            : syntax.xor(syntax.xor(x, y), z),
      );
    }
    if ('const' in a) constant = (constant + rotl(a.const, 5)) | 0;
    else terms.push(syntax.rotl(a.local, 5));
    addTerm(e);
    if (words === 'scheduled') terms.push(syntax.scheduled(t));
    else addTerm(w[t]!);
    const slotE = slotOf(4, t);
    if (terms.length === 0) {
      slots[slotE] = { const: constant };
    } else {
      let sum = terms[0]!;
      for (const term of terms.slice(1)) sum = syntax.add(sum, term);
      if (constant !== 0) sum = syntax.add(sum, syntax.literal(constant));
      slots[slotE] = assign(`${prefix}s${slotE}`, sum);
    }
    const slotB = slotOf(1, t);
    const bv = slots[slotB]!;
    slots[slotB] =
      'const' in bv
        ? { const: rotl(bv.const, 30) }
        : assign(`${prefix}s${slotB}`, syntax.rotl(bv.local, 30));
  }

  // Slots line up with a..e again after 80 rounds.
  const output = slots.map((v, i): Value => {
    const before = state[i]!;
    if ('const' in v && 'const' in before) return { const: (v.const + before.const) | 0 };
    const sum =
      'const' in before
        ? syntax.add(expr(v), syntax.literal(before.const))
        : 'const' in v
          ? syntax.add(syntax.get(before.local), syntax.literal(v.const))
          : syntax.add(expr(v), syntax.get(before.local));
    return assign(`${prefix}h${i}`, sum);
  });
  return { statements, output, locals: [...locals] };
}
