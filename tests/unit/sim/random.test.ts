import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../main/sim/random.js';

describe('seeded random source', () => {
  it('repeats exactly for the same seed and differs for another', () => {
    const a = createRandom('demo-2026');
    const b = createRandom('demo-2026');
    const c = createRandom('demo-2027');
    const seq = (r: ReturnType<typeof createRandom>) => Array.from({ length: 5 }, () => r.digits(6));
    const first = seq(a);
    expect(seq(b)).toEqual(first);
    expect(seq(c)).not.toEqual(first);
  });

  it('gives every digit about equally often', () => {
    const r = createRandom('uniformity');
    const counts = new Array<number>(10).fill(0);
    for (const d of r.digits(100_000)) counts[Number(d)]!++;
    for (const n of counts) expect(Math.abs(n - 10_000)).toBeLessThan(500); // > 5 sigma
  });

  it('rejects impossible ranges', () => {
    expect(() => createRandom('x').int(0)).toThrow(RangeError);
  });
});
