import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, HOUR, MINUTE, demoSim, text } from '../helpers.js';
import type { Simulation } from '../../../main/sim/simulation.js';

const login = (sim: Simulation, username: string, password: string) => sim.submitCredentials({ username, password, mode: 'live' });
const lockedUntil = (sim: Simulation, username: string) => sim.getWorld({}).users.find((u) => u.username === username)!.lockedUntil;

describe('wrong-password lockout', () => {
  it('locks after 10 failures within 24 h, until 24 h after the last failure, then unlocks', () => {
    const sim = demoSim();
    const start = sim.getClock({}).now;
    for (let i = 0; i < 9; i++) {
      login(sim, 'smsuser', 'wrong');
      sim.advance(HOUR);
    }
    expect(lockedUntil(sim, 'smsuser')).toBeNull();
    expect(login(sim, 'smsuser', DEMO_PASSWORD).step).toBe('securityCode'); // 9 failures: still open
    const sim2 = demoSim();
    for (let i = 0; i < 9; i++) {
      login(sim2, 'smsuser', 'wrong');
      sim2.advance(HOUR);
    }
    login(sim2, 'smsuser', 'wrong'); // the 10th, at t = 9 h
    const lastFailure = start + 9 * HOUR;
    expect(lockedUntil(sim2, 'smsuser')).toBe(lastFailure + 24 * HOUR);
    expect(sim2.getJournal({}).entries.find((e) => e.type === 'account.locked')).toMatchObject({ username: 'smsuser', until: lastFailure + 24 * HOUR });
    // The right password is refused while locked, with the same words.
    expect(text(login(sim2, 'smsuser', DEMO_PASSWORD).error)).toBe('Invalid user name password combination');
    sim2.advance(24 * HOUR - 1);
    expect(login(sim2, 'smsuser', DEMO_PASSWORD).step).toBe('credentials');
    sim2.advance(1);
    expect(sim2.getJournal({}).entries.at(-1)).toMatchObject({ type: 'account.unlocked', username: 'smsuser' });
    expect(login(sim2, 'smsuser', DEMO_PASSWORD).step).toBe('securityCode');
  });

  it('does not count failures older than 24 h', () => {
    const sim = demoSim();
    for (let i = 0; i < 9; i++) login(sim, 'smsuser', 'wrong');
    sim.advance(24 * HOUR);
    login(sim, 'smsuser', 'wrong');
    expect(lockedUntil(sim, 'smsuser')).toBeNull();
  });

  it('failures while locked do not extend the lock', () => {
    const sim = demoSim();
    for (let i = 0; i < 10; i++) login(sim, 'smsuser', 'wrong');
    const until = lockedUntil(sim, 'smsuser');
    for (let i = 0; i < 20; i++) {
      sim.advance(HOUR);
      login(sim, 'smsuser', 'wrong');
    }
    expect(lockedUntil(sim, 'smsuser')).toBe(until);
    sim.advance(4 * HOUR);
    expect(lockedUntil(sim, 'smsuser')).toBeNull();
    expect(login(sim, 'smsuser', DEMO_PASSWORD).step).toBe('securityCode');
  });

  it('a complete login clears the count (the rule is about consecutive failures)', () => {
    const sim = demoSim();
    for (let i = 0; i < 9; i++) login(sim, 'nodevice', 'wrong');
    expect(login(sim, 'nodevice', DEMO_PASSWORD).step).toBe('loggedIn');
    sim.advance(MINUTE);
    for (let i = 0; i < 9; i++) login(sim, 'nodevice', 'wrong');
    expect(lockedUntil(sim, 'nodevice')).toBeNull();
  });

  it('answers identically for an unknown user, a wrong password and a locked account', () => {
    const sim = demoSim();
    for (let i = 0; i < 10; i++) login(sim, 'dscuser', 'wrong');
    const unknown = login(sim, 'nosuchuser', DEMO_PASSWORD);
    const wrong = login(sim, 'smsuser', 'Demo12345');
    const locked = login(sim, 'dscuser', DEMO_PASSWORD);
    const caseChanged = login(sim, 'SMSUSER', DEMO_PASSWORD); // user names are case-sensitive
    const strip = (v: typeof unknown) => ({ ...v, now: 0 });
    expect(strip(wrong)).toEqual(strip(unknown));
    expect(strip(locked)).toEqual(strip(unknown));
    expect(strip(caseChanged)).toEqual(strip(unknown));
    expect(unknown).toMatchObject({ loginId: null, step: 'credentials', error: { code: 'invalid_credentials' }, username: '' });
    // The journal, for the trainer, tells the reasons apart.
    const reasons = sim.getJournal({}).entries.filter((e) => e.type === 'login.rejected').slice(-4).map((e) => ('reason' in e ? e.reason : ''));
    expect(reasons).toEqual(['unknown_user', 'wrong_password', 'locked', 'unknown_user']);
  });
});
