import { describe, expect, test } from 'vitest';
import { dumpSessionCookie, loadSessionCookie, pyRepr } from '../../../src/lib/flask/index.ts';
import { compareCodePoints } from '../../../src/lib/flask/json.ts';
import { PyTuple, isDict, newDict, type PyValue } from '../../../src/lib/flask/python.ts';
import { Random, randomSession } from './random.ts';

/** The value with every dict's keys in Flask's (sorted) order, as a loaded session has them. */
function sortedKeys(value: PyValue): PyValue {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value instanceof PyTuple) return new PyTuple(value.items.map(sortedKeys));
  if (!isDict(value)) return value;
  const sorted = newDict();
  for (const key of Object.keys(value).sort(compareCodePoints)) {
    sorted[key] = sortedKeys(value[key] as PyValue);
  }
  return sorted;
}

const T0 = 1700000000;

describe('random sessions survive a cookie', () => {
  test('dump, load and dump again give the same cookie and the same Python value', async () => {
    const random = new Random(1);
    for (let i = 0; i < 2000; i++) {
      const session = randomSession(random);
      const first = await dumpSessionCookie(session, { secretKey: 'k', timestamp: T0 });
      if (!first.ok) throw new Error(`${first.error}: ${first.pythonMessage}`);
      const loaded = await loadSessionCookie(first.cookie, { secretKey: 'k', now: T0 });
      if (!loaded.ok) throw new Error(`${loaded.error}: ${loaded.message}`);
      expect(pyRepr(loaded.session)).toBe(pyRepr(sortedKeys(session)));
      expect(await dumpSessionCookie(loaded.session, { secretKey: 'k', timestamp: T0 })).toEqual(
        first,
      );
    }
  });
});
