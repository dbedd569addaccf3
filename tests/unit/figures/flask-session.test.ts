import { describe, expect, it } from 'vitest';
import { computeFlaskSessionFigures } from '../../../src/lib/figures/flask-session/index.ts';
import measured from '../../conformance/mode-figures.json' with { type: 'json' };

describe('the modes’ engine-computed figures', () => {
  it('equal what real Flask produced for every figure (tests/conformance/gen_mode_figures.py)', async () => {
    expect(await computeFlaskSessionFigures()).toEqual(measured);
  });

  it('show what each mode claims', () => {
    expect(measured.why.forged.body).toBe('Count: 1');
    expect(measured.performance.sizes.map((row) => row.warned)).toEqual([
      false,
      false,
      false,
      false,
      true,
    ]);
    expect(measured.deepDive.compression.map((row) => row.compressed)).toEqual([
      false,
      false,
      true,
    ]);
    expect(measured.deepDive.compression[2]?.cookie.startsWith('.')).toBe(true);
    expect(measured.performance.inPlace.lost.stored).toBe("['apple']");
  });
});
