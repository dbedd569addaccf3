/**
 * The compressions one guess takes, shared by every kernel syntax. A guess is Flask's key
 * derivation and signature (itsdangerous `Signer.derive_key` with `key_derivation="hmac"`, then
 * `HMACAlgorithm.get_signature`):
 *
 *   derived   = HMAC-SHA1(key=candidate, msg=b"cookie-session")
 *   signature = HMAC-SHA1(key=derived, msg=signed_part)
 *
 * HMAC(k, m) = SHA1((k ⊕ opad) ‖ SHA1((k ⊕ ipad) ‖ m)) with k zero-padded to 64 bytes.
 */
import { IV } from '../../src/lib/guess/sha1.ts';
import { compression, type Syntax, type Value } from './sha1-rounds.ts';

/** Flask's `SecureCookieSessionInterface.salt`. */
export const SALT = 'cookie-session';

const IPAD = 0x36363636;
const OPAD = 0x5c5c5c5c;

/** Big-endian words of a message that ends in this block, with SHA-1 padding for `totalBytes`. */
function lastBlock(bytes: readonly number[], totalBytes: number): number[] {
  const block = new Uint8Array(64);
  block.set(bytes);
  block[bytes.length] = 0x80;
  new DataView(block.buffer).setUint32(60, totalBytes * 8);
  return Array.from({ length: 16 }, (_, i) => new DataView(block.buffer).getInt32(i * 4));
}

const constant = (n: number): Value => ({ const: n | 0 });
const locals = (name: string, count: number): Value[] =>
  Array.from({ length: count }, (_, i) => ({ local: `${name}${i}` }));

/** One compression as a function of its inputs: parameters, pre-statements and the block. */
export interface BlockFunction {
  readonly name: string;
  /** Five-word chaining inputs (`s0..s4`) or none (SHA-1's initial value). */
  readonly state: boolean;
  /** Names and counts of word parameters. */
  readonly words: { readonly name: string; readonly count: number } | null;
  /** Whether the block's schedule is read from memory (`scheduled`). */
  readonly scheduled: boolean;
  /** XOR applied to the word parameters before hashing, with the constant words that follow. */
  build(syntax: Syntax): { statements: string[]; block: Value[] | 'scheduled' };
}

const xored = (syntax: Syntax, count: number, pad: number, statements: string[]) =>
  Array.from({ length: count }, (_, i): Value => {
    statements.push(syntax.set(`m${i}`, syntax.xor(syntax.get(`k${i}`), syntax.literal(pad))));
    return { local: `m${i}` };
  });

/** The seven compressions; `digestBlock` serves both HMACs' outer hash. */
export const BLOCK_FUNCTIONS: readonly BlockFunction[] = [
  {
    // (candidate ⊕ ipad), first block of the derivation's inner hash.
    name: 'ipadKey',
    state: false,
    words: { name: 'k', count: 16 },
    scheduled: false,
    build(syntax) {
      const statements: string[] = [];
      return { statements, block: xored(syntax, 16, IPAD, statements) };
    },
  },
  {
    // The salt, the second and last block of the derivation's inner hash: all constant.
    name: 'saltBlock',
    state: true,
    words: null,
    scheduled: false,
    build: () => ({
      statements: [],
      block: lastBlock([...new TextEncoder().encode(SALT)], 64 + SALT.length).map(constant),
    }),
  },
  {
    // (candidate ⊕ opad), first block of the derivation's outer hash.
    name: 'opadKey',
    state: false,
    words: { name: 'k', count: 16 },
    scheduled: false,
    build(syntax) {
      const statements: string[] = [];
      return { statements, block: xored(syntax, 16, OPAD, statements) };
    },
  },
  {
    // An inner digest (20 bytes) after a 64-byte pad block: the last block of an outer hash.
    name: 'digestBlock',
    state: true,
    words: { name: 'k', count: 5 },
    scheduled: false,
    build: () => ({
      statements: [],
      block: [
        ...locals('k', 5),
        ...lastBlock(Array(20).fill(0), 64 + 20)
          .slice(5)
          .map(constant),
      ],
    }),
  },
  {
    // (derived ⊕ ipad): the 20-byte derived key zero-padded, first block of the signature.
    name: 'ipadDigest',
    state: false,
    words: { name: 'k', count: 5 },
    scheduled: false,
    build(syntax) {
      const statements: string[] = [];
      const block = [...xored(syntax, 5, IPAD, statements), ...Array(11).fill(constant(IPAD))];
      return { statements, block };
    },
  },
  {
    // One block of the signed part, its schedule precomputed once per cookie.
    name: 'scheduleBlock',
    state: true,
    words: null,
    scheduled: true,
    build: () => ({ statements: [], block: 'scheduled' }),
  },
  {
    // (derived ⊕ opad), first block of the signature's outer hash.
    name: 'opadDigest',
    state: false,
    words: { name: 'k', count: 5 },
    scheduled: false,
    build(syntax) {
      const statements: string[] = [];
      const block = [...xored(syntax, 5, OPAD, statements), ...Array(11).fill(constant(OPAD))];
      return { statements, block };
    },
  },
];

/** The statements and outputs of one block function. */
export function generateBlock(fn: BlockFunction, syntax: Syntax) {
  const { statements, block } = fn.build(syntax);
  const state = fn.state ? locals('s', 5) : IV.map(constant);
  const body = compression(syntax, state, block, 'r');
  const pre =
    statements.length > 0 ? Array.from({ length: fn.words?.count ?? 0 }, (_, i) => `m${i}`) : [];
  return {
    statements: [...statements, ...body.statements],
    output: body.output,
    locals: [...pre, ...body.locals],
  };
}
