import { describe, expect, it } from 'vitest';
import { createRandom, deriveRandom } from '../../../main/sim/random.js';

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

describe('deriveRandom', () => {
  it('gives each purpose values of its own, the same on every take', () => {
    const code = (...purpose: (string | number)[]) => deriveRandom('demo-2026', ...purpose).digits(6);
    expect(code('sms-code', 'smsuser', 1, 1)).toBe(code('sms-code', 'smsuser', 1, 1));
    const distinct = new Set([code('sms-code', 'smsuser', 1, 1), code('sms-code', 'smsuser', 2, 1), code('sms-code', 'multidevice', 1, 1), code('challenge', 'smsuser', 1, 1)]);
    expect(distinct.size).toBe(4);
    // Parts are kept apart: ("ab", "c") is not ("a", "bc").
    expect(code('ab', 'c')).not.toBe(code('a', 'bc'));
    expect(deriveRandom('other-seed', 'sms-code', 'smsuser', 1, 1).digits(6)).not.toBe(code('sms-code', 'smsuser', 1, 1));
  });
});
