import { describe, expect, test } from 'vitest';
import { lazyModule } from '../../src/lib/lazy-module.ts';

describe('lazily loaded modules', () => {
  test('load once, however often they are asked for', async () => {
    let loads = 0;
    const load = lazyModule(async () => ({ id: ++loads }));
    const [a, b] = await Promise.all([load(), load()]);
    expect(a).toBe(b);
    expect(await load()).toBe(a);
    expect(loads).toBe(1);
  });

  test('a failed download is tried again on the next call', async () => {
    let attempts = 0;
    const load = lazyModule(async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('offline');
      return 'module';
    });
    await expect(load()).rejects.toThrow('offline');
    expect(await load()).toBe('module');
    expect(attempts).toBe(2);
  });
});
