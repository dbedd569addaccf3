/**
 * Cookies of every kind — valid, tampered, expired, malleable, crafted by a key holder — load to
 * the session Flask got or fail with the exception Flask raised (`vectors.loads`).
 */
import { describe, test } from 'vitest';
import { expectLoadLikeFlask } from './expect-load.ts';
import { secretKey, vectors } from './vectors.ts';

describe('loading a cookie gives what Flask gets', () => {
  test.each(vectors.loads.map((v) => [v.name, v] as const))('%s', async (_name, v) => {
    const clock = { now: v.now, maxAge: v.max_age };
    await expectLoadLikeFlask(v.cookie, v.secret_keys.map(secretKey), clock, v.result);
  });
});
