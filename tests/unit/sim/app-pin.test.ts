// The app PIN of IB Key on an Android phone: compared in constant time, locked after too many wrong tries.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Simulation } from '../../../main/sim/simulation.js';
import { DEMO_PASSWORD, demoSim, text } from '../helpers.js';

// The real node:crypto, watched: the PIN comparison must go through timingSafeEqual. Every call's
// buffer lengths are noted (a plain wrapper, not a vi.fn whose implementation a reset could drop).
const { calls } = vi.hoisted(() => ({ calls: [] as [number, number][] }));
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  const timingSafeEqual: typeof actual.timingSafeEqual = (a, b) => {
    calls.push([a.byteLength, b.byteLength]);
    return actual.timingSafeEqual(a, b);
  };
  return { ...actual, timingSafeEqual };
});

const PHONE = 'android-phone';
const RIGHT = '1357';
const journal = (sim: Simulation) => sim.getJournal({}).entries;

function pushLogin(sim: Simulation): string {
  const loginId = sim.submitCredentials({ username: 'ibkeyandroid', password: DEMO_PASSWORD, mode: 'live' }).loginId!;
  sim.advance(1_000);
  return loginId;
}
const approve = (sim: Simulation, loginId: string, pin: string) => sim.approvePush({ phoneId: PHONE, loginId, method: 'pin', pin });
const authenticate = (sim: Simulation, pin: string) => sim.generateResponse({ phoneId: PHONE, challenge: '123456', method: 'pin', pin });

describe('app PIN', () => {
  beforeEach(() => {
    calls.length = 0;
  });

  it('is compared with timingSafeEqual on equal-length digests, whatever the length typed', () => {
    const sim = demoSim();
    const loginId = pushLogin(sim);
    calls.length = 0;
    for (const pin of ['1', '13570', 'a-much-longer-pin']) expect(approve(sim, loginId, pin)).toMatchObject({ ok: false, message: { code: 'wrong_pin' } });
    expect(calls).toEqual([
      [32, 32],
      [32, 32],
      [32, 32],
    ]);
    expect(approve(sim, loginId, RIGHT).ok).toBe(true);
  });

  it('five wrong PINs lock IB Key on the phone: approvals and Authenticate refused, the phone says it needs reactivation', () => {
    const sim = demoSim();
    const loginId = pushLogin(sim);
    for (let i = 1; i <= 4; i++) {
      expect(approve(sim, loginId, '0000')).toMatchObject({ ok: false, message: { code: 'wrong_pin' } });
      expect(journal(sim).filter((e) => e.type === 'app.pin_rejected').at(-1)).toMatchObject({ phoneId: PHONE, wrongPins: i });
    }
    expect(sim.getPhone({ phoneId: PHONE }).app).toMatchObject({ ibkeyUser: 'ibkeyandroid', needsReactivation: false });
    expect(approve(sim, loginId, '0000')).toMatchObject({ ok: false, message: { code: 'ibkey_locked' } });
    expect(journal(sim).find((e) => e.type === 'app.ibkey_locked')).toMatchObject({ phoneId: PHONE, username: 'ibkeyandroid', wrongPins: 5 });
    expect(journal(sim).filter((e) => e.type === 'push.refused').at(-1)).toMatchObject({ reason: 'ibkey_locked' });
    expect(sim.getPhone({ phoneId: PHONE }).app).toMatchObject({ ibkeyUser: null, needsReactivation: true });
    // The right PIN no longer helps, on the pending request or in Authenticate.
    expect(approve(sim, loginId, RIGHT)).toMatchObject({ ok: false });
    expect(journal(sim).filter((e) => e.type === 'push.refused').at(-1)).toMatchObject({ reason: 'ibkey_locked' });
    expect(authenticate(sim, RIGHT)).toMatchObject({ ok: false, response: null });
    expect(journal(sim).filter((e) => e.type === 'app.response').at(-1)).toMatchObject({ ok: false, reason: 'ibkey_locked' });
    expect(sim.getLogin({ loginId }).step).toBe('push');
    // A new login's notification does not reach the locked IB Key, and the journal says why.
    sim.cancelLogin({ loginId });
    pushLogin(sim);
    expect(journal(sim).filter((e) => e.type === 'push.suppressed').at(-1)).toMatchObject({ reason: 'ibkey_locked' });
  });

  it('wrong PINs in approvals and in Authenticate count together; a right PIN starts the count again', () => {
    const sim = demoSim();
    const loginId = pushLogin(sim);
    for (let i = 0; i < 4; i++) approve(sim, loginId, '0000');
    expect(authenticate(sim, RIGHT).ok).toBe(true); // the count starts again
    for (let i = 0; i < 2; i++) approve(sim, loginId, '0000');
    for (let i = 0; i < 2; i++) expect(authenticate(sim, '2468')).toMatchObject({ ok: false, message: { code: 'wrong_pin' } });
    expect(sim.getPhone({ phoneId: PHONE }).app.needsReactivation).toBe(false);
    // A PIN of the wrong form is refused by the form and is not a try.
    expect(authenticate(sim, '12')).toMatchObject({ ok: false, message: { code: 'pin_form' } });
    expect(sim.getPhone({ phoneId: PHONE }).app.needsReactivation).toBe(false);
    expect(authenticate(sim, '2468')).toMatchObject({ ok: false, message: { code: 'ibkey_locked' } });
    expect(sim.getPhone({ phoneId: PHONE }).app.needsReactivation).toBe(true);
  });

  it('the number of tries is a scenario setting (timing.appPinTries)', () => {
    const sim = demoSim({ timing: { appPinTries: 2 } });
    const loginId = pushLogin(sim);
    expect(text(approve(sim, loginId, '0000').message)).toBe('Incorrect PIN.');
    expect(text(approve(sim, loginId, '0000').message)).toMatch(/locked/);
    expect(sim.getPhone({ phoneId: PHONE }).app.needsReactivation).toBe(true);
  });

  it('Clear data after the lock leaves IB Key inactive, as after any Clear data', () => {
    const sim = demoSim({ timing: { appPinTries: 1 } });
    const loginId = pushLogin(sim);
    approve(sim, loginId, '0000');
    sim.clearAppData({ phoneId: PHONE });
    expect(sim.getPhone({ phoneId: PHONE }).app).toMatchObject({ ibkeyUser: null, needsReactivation: false });
    expect(approve(sim, loginId, RIGHT)).toMatchObject({ ok: false });
    expect(authenticate(sim, RIGHT)).toMatchObject({ ok: false, message: { code: 'ibkey_not_active' } });
  });
});
