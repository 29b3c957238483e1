import { describe, expect, it } from 'vitest';
import { createRandom, deriveRandom } from '../../../main/sim/random.js';
import { Simulation } from '../../../main/sim/simulation.js';
import { DEMO_PASSWORD, demoScenario } from '../helpers.js';

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

describe('codes in the simulation', () => {
  const firstValue = (sim: Simulation, username: string) => {
    const login = sim.submitCredentials({ username, password: DEMO_PASSWORD, mode: 'live' });
    const pending = sim.listPending({ username }).find((p) => p.loginId === login.loginId);
    return pending?.code ?? pending?.challenge ?? pending?.cardIndexes?.join(',') ?? null;
  };

  it("differ between flows: each user's first code or challenge is its own, not one value for all", () => {
    const sim = new Simulation(demoScenario());
    const values = ['smsuser', 'dscuser', 'carduser'].map((u) => firstValue(sim, u));
    expect(values.every((v) => v !== null)).toBe(true);
    expect(new Set(values).size).toBe(3);
  });

  it('repeat on every take, whatever other users did first, and a second login of a user gets new ones', () => {
    const a = new Simulation(demoScenario());
    const first = firstValue(a, 'smsuser');
    const second = firstValue(a, 'smsuser');
    expect(second).not.toBe(first);
    const b = new Simulation(demoScenario());
    firstValue(b, 'dscuser'); // another flow before it changes nothing
    expect(firstValue(b, 'smsuser')).toBe(first);
    a.resetWorld({});
    expect(firstValue(a, 'smsuser')).toBe(first);
  });
});
