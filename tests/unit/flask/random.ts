import {
  Markup,
  PyFloat,
  PyTuple,
  PyUUID,
  newDict,
  type PyDict,
  type PyValue,
} from '../../../src/lib/flask/python.ts';

/** A small seeded PRNG (mulberry32) so property tests are reproducible. */
export class Random {
  #state: number;

  constructor(seed: number) {
    this.#state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }

  string(alphabet: string, maxLength: number): string {
    const chars = [...alphabet];
    let out = '';
    for (let i = this.int(maxLength + 1); i > 0; i--) out += this.pick(chars);
    return out;
  }
}

const KEYS = [
  'count',
  'user',
  'cart',
  '_permanent',
  ' t',
  ' di',
  ' b',
  '__proto__',
  '',
  'é',
  '10',
  'a b',
];
const TEXT = 'abcxyz _-"\\\'\n\u00e9\u20ac\u{1f600}\u007f<>&\ud800';

/** A random session value of every kind the engine models, nested up to `depth` levels. */
export function randomValue(random: Random, depth = 3): PyValue {
  const kinds = [
    'int',
    'bigint',
    'float',
    'text',
    'bool',
    'none',
    'bytes',
    'uuid',
    'markup',
    'date',
  ];
  if (depth > 0) kinds.push('list', 'tuple', 'dict', 'dict');
  switch (random.pick(kinds)) {
    case 'int':
      return random.int(2_000_001) - 1_000_000;
    case 'bigint':
      return BigInt(random.int(1e9)) * 10n ** BigInt(random.int(30)) + 2n ** 53n;
    case 'float':
      return random.pick([
        random.next() * 1e6,
        new PyFloat(random.int(200) - 100),
        10 ** (random.int(61) - 30),
        new PyFloat(random.pick([NaN, Infinity, -Infinity, -0])),
      ]);
    case 'text':
      return random.string(TEXT, 12);
    case 'bool':
      return random.next() < 0.5;
    case 'none':
      return null;
    case 'bytes':
      return Uint8Array.from({ length: random.int(9) }, () => random.int(256));
    case 'uuid':
      return new PyUUID(Array.from({ length: 32 }, () => random.int(16).toString(16)).join(''));
    case 'markup':
      return new Markup(random.pick(['<i>x</i>', '', 'a & b']));
    case 'date':
      return new Date(Date.UTC(2000, 0, 1) + random.int(1e9) * 1000);
    case 'list':
      return Array.from({ length: random.int(5) }, () => randomValue(random, depth - 1));
    case 'tuple':
      return new PyTuple(
        Array.from({ length: random.int(4) }, () => randomValue(random, depth - 1)),
      );
    default:
      return randomSession(random, depth - 1);
  }
}

/** A random dict of random values. */
export function randomSession(random: Random, depth = 3): PyDict {
  const dict = newDict();
  for (let i = random.int(5); i > 0; i--) dict[random.pick(KEYS)] = randomValue(random, depth);
  return dict;
}
