/**
 * The SIMD kernel as WebAssembly text: four candidate keys per 128-bit vector, one per i32x4
 * lane. `try_keys(count)` tries the keys the caller described at STARTS/ENDS (at most 64 bytes
 * each: longer keys are given as their SHA-1 digest) and returns the index of the first one
 * that signs the cookie, or -1.
 */
import * as layout from '../../src/lib/guess/layout.ts';
import { BLOCK_FUNCTIONS, generateBlock } from './blocks.ts';
import type { Syntax, Value } from './sha1-rounds.ts';

const hex = (n: number) => `0x${(n >>> 0).toString(16)}`;

const simd: Syntax = {
  literal: (n) => `(v128.const i32x4 ${hex(n)} ${hex(n)} ${hex(n)} ${hex(n)})`,
  get: (local) => `(local.get $${local})`,
  set: (local, e) => `(local.set $${local} ${e})`,
  add: (a, b) => `(i32x4.add ${a} ${b})`,
  xor: (a, b) => `(v128.xor ${a} ${b})`,
  select: (a, b, mask) => `(v128.bitselect ${a} ${b} ${mask})`,
  rotl: (local, n) =>
    `(v128.or (i32x4.shl (local.get $${local}) (i32.const ${n})) (i32x4.shr_u (local.get $${local}) (i32.const ${32 - n})))`,
  scheduled: (t) => `(v128.load32_splat offset=${t * 4} (local.get $schedule))`,
};

const V5 = 'v128 v128 v128 v128 v128';
const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const params = (name: string, count: number) =>
  range(count).map((i) => `(param $${name}${i} v128)`);

function blockFunction(fn: (typeof BLOCK_FUNCTIONS)[number]): string {
  const { statements, output, locals } = generateBlock(fn, simd);
  const expr = (v: Value) => ('const' in v ? simd.literal(v.const) : simd.get(v.local));
  return [
    `(func $${fn.name}`,
    ...(fn.state ? params('s', 5) : []),
    ...(fn.words === null ? [] : params(fn.words.name, fn.words.count)),
    ...(fn.scheduled ? ['(param $schedule i32)'] : []),
    `(result ${V5})`,
    ...locals.map((name) => `(local $${name} v128)`),
    ...statements,
    ...output.map(expr),
    ')',
  ].join('\n  ');
}

/** `call $name` on the given locals, storing the five results in `${into}0..4`. */
const call = (name: string, args: string[], into: string) =>
  [
    ...args.map((a) => (a.startsWith('(') ? a : `(local.get $${a})`)),
    `call $${name}`,
    ...range(5)
      .reverse()
      .map((i) => `local.set $${into}${i}`),
  ].join('\n    ');

const five = (name: string) => range(5).map((i) => `${name}${i}`);
const byteSwap = '3 2 1 0 7 6 5 4 11 10 9 8 15 14 13 12';
// Interleave 32-bit lanes 0,1 (low) or 2,3 (high) of two vectors; join 64-bit halves.
const low32 = '0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23';
const high32 = '8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31';
const low64 = '0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23';
const high64 = '8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31';

function tryKeys(): string {
  const lane = (l: number) => [
    `(local.set $j (i32.add (local.get $i) (i32.const ${l})))`,
    // A short last group repeats the last key; a hit there is also a hit on that key's lane.
    '(if (i32.ge_u (local.get $j) (local.get $count)) (then (local.set $j (i32.sub (local.get $count) (i32.const 1)))))',
    `(local.set $at (i32.load offset=${layout.STARTS} (i32.shl (local.get $j) (i32.const 2))))`,
    `(local.set $len (i32.sub (i32.load offset=${layout.ENDS} (i32.shl (local.get $j) (i32.const 2))) (local.get $at)))`,
    ...range(4).map(
      (q) =>
        `(v128.store offset=${layout.LANES + 64 * l + 16 * q} (i32.const 0) (v128.const i64x2 0 0))`,
    ),
    `(memory.copy (i32.const ${layout.LANES + 64 * l}) (local.get $at) (local.get $len))`,
  ];
  const transpose = (g: number) => [
    ...range(4).flatMap((l) => [
      `(local.set $v${l} (v128.load offset=${layout.LANES + 64 * l + 16 * g} (i32.const 0)))`,
      `(local.set $v${l} (i8x16.shuffle ${byteSwap} (local.get $v${l}) (local.get $v${l})))`,
    ]),
    `(local.set $t0 (i8x16.shuffle ${low32} (local.get $v0) (local.get $v1)))`,
    `(local.set $t1 (i8x16.shuffle ${low32} (local.get $v2) (local.get $v3)))`,
    `(local.set $t2 (i8x16.shuffle ${high32} (local.get $v0) (local.get $v1)))`,
    `(local.set $t3 (i8x16.shuffle ${high32} (local.get $v2) (local.get $v3)))`,
    `(local.set $k${4 * g} (i8x16.shuffle ${low64} (local.get $t0) (local.get $t1)))`,
    `(local.set $k${4 * g + 1} (i8x16.shuffle ${high64} (local.get $t0) (local.get $t1)))`,
    `(local.set $k${4 * g + 2} (i8x16.shuffle ${low64} (local.get $t2) (local.get $t3)))`,
    `(local.set $k${4 * g + 3} (i8x16.shuffle ${high64} (local.get $t2) (local.get $t3)))`,
  ];
  const keyWords = range(16).map((i) => `k${i}`);
  const target = (w: number) =>
    `(i32x4.eq (local.get $h${w}) (v128.load32_splat offset=${layout.SIGNATURE + 4 * w} (i32.const 0)))`;
  const vectors = [...keyWords, 'v0', 'v1', 'v2', 'v3', 't0', 't1', 't2', 't3'];
  return [
    '(func (export "try_keys") (param $count i32) (result i32)',
    '(local $i i32) (local $j i32) (local $at i32) (local $len i32) (local $p i32) (local $mask i32)',
    ...[...vectors, ...five('x'), ...five('d'), ...five('h')].map((v) => `(local $${v} v128)`),
    '(block $done (loop $group',
    '(br_if $done (i32.ge_s (local.get $i) (local.get $count)))',
    ...range(4).flatMap(lane),
    ...range(4).flatMap(transpose),
    // derived = HMAC(candidate, salt): inner into x, outer into d.
    call('ipadKey', keyWords, 'x'),
    call('saltBlock', five('x'), 'x'),
    call('opadKey', keyWords, 'h'),
    call('digestBlock', [...five('h'), ...five('x')], 'd'),
    // signature = HMAC(derived, signed part): inner into x, outer into h.
    call('ipadDigest', five('d'), 'x'),
    `(local.set $p (i32.const ${layout.SCHEDULE}))`,
    `(local.set $j (i32.load (i32.const ${layout.SCHEDULE_BLOCKS})))`,
    '(block $blocksDone (loop $blocks',
    '(br_if $blocksDone (i32.eqz (local.get $j)))',
    call('scheduleBlock', [...five('x'), 'p'], 'x'),
    '(local.set $p (i32.add (local.get $p) (i32.const 320)))',
    '(local.set $j (i32.sub (local.get $j) (i32.const 1)))',
    '(br $blocks)))',
    call('opadDigest', five('d'), 'h'),
    call('digestBlock', [...five('h'), ...five('x')], 'h'),
    // The first word rules out all but one key in four billion; then all five must match.
    `(if (v128.any_true ${target(0)}) (then`,
    `(local.set $mask (i32x4.bitmask (v128.and (v128.and (v128.and ${target(0)} ${target(1)}) (v128.and ${target(2)} ${target(3)})) ${target(4)})))`,
    '(if (local.get $mask) (then (return (i32.add (local.get $i) (i32.ctz (local.get $mask))))))))',
    '(local.set $i (i32.add (local.get $i) (i32.const 4)))',
    '(br $group)))',
    '(i32.const -1))',
  ].join('\n  ');
}

/** The whole module's text. */
export function kernelWat(): string {
  const pages = Math.ceil((layout.CHUNK + 1024 * 1024) / layout.PAGE);
  return [
    ';; Generated by scripts/build-guess-kernel.ts: edit the generator, not this text.',
    '(module',
    `(memory (export "memory") ${pages})`,
    ...BLOCK_FUNCTIONS.map(blockFunction),
    tryKeys(),
    ')',
    '',
  ].join('\n');
}
