// The temporary passcode client services give when a device is lost: upper case as issued, 2 days for the trading platform.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../main/sim/scenario/load.js';
import { Simulation } from '../../../main/sim/simulation.js';
import { TEMPORARY_PASSCODE_VALIDITY } from '../../../main/sim/passcode.js';
import { DEMO_PASSWORD, HOUR, text } from '../helpers.js';

const file = new URL('../../../scenarios/library/temporary-passcode.yaml', import.meta.url);
const scenario = () => loadScenario(readFileSync(file, 'utf8'), 'temporary-passcode.yaml');
const ISSUED = 'K7QX4M2P';

function start(sim: Simulation, username = 'lostphone'): string {
  const view = sim.submitCredentials({ username, password: DEMO_PASSWORD, mode: 'live' });
  expect(view.step).toBe('temporaryPasscode');
  return view.loginId!;
}
const journal = (sim: Simulation) => sim.getJournal({}).entries;

describe('temporary passcode', () => {
  it('is asked for instead of the lost device, and the passcode as issued logs in', () => {
    const sim = new Simulation(scenario());
    const loginId = start(sim);
    expect(text(sim.getLogin({ loginId }).notice)).toMatch(/upper case/);
    // No push went to the lost phone.
    expect(journal(sim).some((e) => e.type === 'push.sent')).toBe(false);
    expect(sim.listPending({ username: 'lostphone' })).toMatchObject([{ kind: 'passcode', code: ISSUED, step: 'temporaryPasscode' }]);
    const done = sim.submitResponse({ loginId, response: ISSUED });
    expect(done).toMatchObject({ step: 'loggedIn', error: null });
    expect(journal(sim).find((e) => e.type === 'login.succeeded')).toMatchObject({ username: 'lostphone', factor: 'temporaryPasscode' });
  });

  it('refuses it typed in lower case, as a wrong answer like any other', () => {
    const sim = new Simulation(scenario());
    const loginId = start(sim);
    const refused = sim.submitResponse({ loginId, response: ISSUED.toLowerCase() });
    expect(refused).toMatchObject({ step: 'temporaryPasscode', error: { code: 'login_failed' } });
    const entries = journal(sim);
    expect(entries.find((e) => e.type === 'passcode.rejected')).toMatchObject({ reason: 'wrong', wrongAttempts: 1 });
    // The first wrong answer counts the attempt as one failed login, as a wrong code does.
    expect(entries.find((e) => e.type === 'login.failure_counted')).toMatchObject({ username: 'lostphone', recentFailures: 1 });
    expect(sim.getWorld({}).users.find((u) => u.username === 'lostphone')?.recentFailures).toBe(1);
    // Typed as issued, it still works.
    expect(sim.submitResponse({ loginId, response: ISSUED }).step).toBe('loggedIn');
  });

  it('works for the trading platform for 2 days from its issue on the virtual clock, then no more', () => {
    const sim = new Simulation(scenario());
    // Issued an hour before the scenario's start: 47 hours left, to the millisecond.
    sim.advance(TEMPORARY_PASSCODE_VALIDITY.tradingPlatform - HOUR - 1);
    const inTime = start(sim);
    expect(sim.submitResponse({ loginId: inTime, response: ISSUED }).step).toBe('loggedIn');

    sim.advance(1);
    const late = start(sim);
    expect(sim.submitResponse({ loginId: late, response: ISSUED })).toMatchObject({ step: 'temporaryPasscode', error: { code: 'login_failed' } });
    expect(journal(sim).filter((e) => e.type === 'passcode.rejected').at(-1)).toMatchObject({ loginId: late, reason: 'expired' });
    expect(TEMPORARY_PASSCODE_VALIDITY.clientPortal).toBe(8 * 24 * HOUR);
  });

  it('ends the login after the allowed wrong answers, like wrong codes', () => {
    const sim = new Simulation(scenario());
    const loginId = start(sim);
    const tries = sim.scenario.timing.maxWrongCodes;
    let view = sim.getLogin({ loginId });
    for (let i = 0; i < tries; i++) view = sim.submitResponse({ loginId, response: 'WRONG123' });
    expect(view.step).toBe('failed');
    expect(journal(sim).find((e) => e.type === 'login.failed')).toMatchObject({ loginId, reason: 'too_many_wrong_codes' });
  });

  it('without a code in the scenario, derives one from the seed: letters and digits, the same on every run', () => {
    const codes = [1, 2].map(() => {
      const sim = new Simulation(scenario());
      start(sim, 'lostfob');
      return sim.listPending({ username: 'lostfob' })[0]?.code;
    });
    expect(codes[0]).toMatch(/^[A-Z2-9]{8}$/);
    expect(codes[1]).toBe(codes[0]);
  });
});
