/**
 * The lesson's own sessions never need pako: the bound proves them uncompressed, so dumping
 * them with a loader that cannot load still works and never calls it.
 */
import { describe, expect, test } from 'vitest';
import { provablyIncompressible } from '../../../src/lib/flask/deflate-bound.ts';
import { utf8Encode } from '../../../src/lib/flask/encoding.ts';
import { dumpSessionCookie, newDict, type PyValue } from '../../../src/lib/flask/index.ts';
import { Random } from './random.ts';

const session = (entries: Record<string, PyValue>) => Object.assign(newDict(), entries);
const LESSON_SESSIONS = [
  session({}),
  session({ count: 1 }),
  session({ count: 1_000_000 }),
  session({ _permanent: true, count: 1_000_000 }),
  session({ user: 'alice' }),
  session({ _permanent: true, user: 'alice' }),
  session({ cart: ['apple'] }),
  session({ cart: ['apple', 'banana'] }),
  session({ cart: ['apple', 'banana', 'pear'] }),
];

describe("the lesson's sessions stay on the fast path", () => {
  test.each(LESSON_SESSIONS.map((s) => [JSON.stringify(s), s] as const))(
    '%s is dumped without loading pako',
    async (_name, value) => {
      let calls = 0;
      const unavailable = () => {
        calls++;
        return Promise.reject(new Error('pako must not be needed'));
      };
      const dumped = await dumpSessionCookie(value, {
        secretKey: 'secret',
        timestamp: 1700000000,
        loadZlib: unavailable,
      });
      expect(dumped.ok).toBe(true);
      expect(calls).toBe(0);
    },
  );

  test('{"count":N} and {"_permanent":true,"count":N} are proven for every N up to 20000', () => {
    for (let n = 0; n <= 20_000; n++) {
      if (!provablyIncompressible(utf8Encode(`{"count":${n}}`))) throw new Error(`count ${n}`);
      if (!provablyIncompressible(utf8Encode(`{"_permanent":true,"count":${n}}`))) {
        throw new Error(`permanent count ${n}`);
      }
    }
  }, 60_000);

  test('... and for a random sample and the edges up to 1000000', () => {
    const random = new Random(3);
    const counts = [
      999_999,
      1_000_000,
      ...Array.from({ length: 20_000 }, () => random.int(1_000_001)),
    ];
    for (const n of counts) {
      expect(provablyIncompressible(utf8Encode(`{"count":${n}}`))).toBe(true);
      expect(provablyIncompressible(utf8Encode(`{"_permanent":true,"count":${n}}`))).toBe(true);
    }
  }, 60_000);
});
