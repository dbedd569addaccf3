/**
 * The compression shortcut must never be wrong: whenever the bound says "cannot compress", real
 * zlib output (pako with legacyHash, identical to Python's zlib) must indeed not be 2 bytes
 * shorter. Checked over thousands of realistic and random payloads.
 */
import * as pako from 'pako';
import { expect, test } from 'vitest';
import { provablyIncompressible } from '../../../src/lib/flask/deflate-bound.ts';
import { utf8Encode } from '../../../src/lib/flask/encoding.ts';
import { dumpsTagged } from '../../../src/lib/flask/tag.ts';
import { Random, randomSession } from './random.ts';

const compresses = (json: Uint8Array) =>
  pako.deflate(json, { legacyHash: true }).length < json.length - 1;

function realisticSession(random: Random): string {
  const users = ['alice', 'bob', 'carol', 'dave', 'zoë'];
  const items = ['apple', 'banana', 'pear', 'plum', 'kiwi', 'apple'];
  const parts: string[] = [];
  if (random.next() < 0.5) parts.push('"_permanent":true');
  if (random.next() < 0.7) parts.push(`"count":${random.int(10 ** random.int(8))}`);
  if (random.next() < 0.5) {
    const cart = Array.from({ length: random.int(8) }, () => `"${random.pick(items)}"`);
    parts.push(`"cart":[${cart.join(',')}]`);
  }
  if (random.next() < 0.6) parts.push(`"user":"${random.pick(users)}"`);
  if (random.next() < 0.3) parts.push(`"csrf_token":"${random.string('0123456789abcdef', 40)}"`);
  return `{${parts.sort().join(',')}}`;
}

function checkedPayloads(): Uint8Array[] {
  const random = new Random(7);
  const payloads: Uint8Array[] = [];
  for (let i = 0; i < 4000; i++) payloads.push(utf8Encode(realisticSession(random)));
  for (let i = 0; i < 3000; i++) {
    const dumped = dumpsTagged(randomSession(random));
    if (dumped.ok) payloads.push(utf8Encode(dumped.text));
  }
  for (let i = 0; i < 2000; i++) {
    payloads.push(utf8Encode(random.string('ab{}":,', 80)));
    payloads.push(Uint8Array.from({ length: random.int(120) }, () => random.int(256)));
  }
  return payloads;
}

test('whenever the bound rules compression out, zlib indeed does not save 2 bytes', () => {
  let proven = 0;
  for (const json of checkedPayloads()) {
    if (!provablyIncompressible(json)) continue;
    proven++;
    if (compresses(json)) throw new Error(`unsound for ${new TextDecoder().decode(json)}`);
  }
  // The check only means something if the shortcut is taken often.
  expect(proven).toBeGreaterThan(4000);
}, 120_000);
