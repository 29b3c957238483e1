// The factor registry: each factor's `journal` names every entry its login writes beyond the login's own.
import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../../main/api/events.js';
import { FACTORS } from '../../../main/sim/factors/registry.js';
import type { Simulation } from '../../../main/sim/simulation.js';
import { DEMO_PASSWORD, demoSim, latestCode, startSmsLogin } from '../helpers.js';

/** What the login server itself writes, whatever the factor. */
const LOGIN_OWN = new Set(['login.started', 'password.accepted', 'device.selected', 'login.succeeded', 'login.failure_counted', 'scenario.loaded']);

function factorEntries(sim: Simulation): string[] {
  return sim
    .getJournal({})
    .entries.map((e: JournalEntry) => e.type)
    .filter((type) => !LOGIN_OWN.has(type));
}

describe('factor registry', () => {
  it('the SMS code factor names what an SMS login writes', () => {
    const sim = demoSim();
    const loginId = startSmsLogin(sim);
    sim.submitCode({ loginId, code: '000000' });
    sim.submitCode({ loginId, code: latestCode(sim) });
    expect(sim.getLogin({ loginId }).step).toBe('loggedIn');
    const written = factorEntries(sim);
    expect(written).toContain('code.rejected');
    for (const type of written) expect(FACTORS.sms.journal).toContain(type);
  });

  it('the card factor names what a Security Code Card login writes', () => {
    const sim = demoSim();
    const view = sim.submitCredentials({ username: 'carduser', password: DEMO_PASSWORD, mode: 'live' });
    const pending = sim.listPending({ username: 'carduser' })[0]!;
    sim.submitResponse({ loginId: view.loginId!, response: pending.expectedResponse! });
    expect(sim.getLogin({ loginId: view.loginId! }).step).toBe('loggedIn');
    for (const type of factorEntries(sim)) expect(FACTORS.codecard.journal).toContain(type);
  });

  it('the push factor names what an approved push writes', () => {
    const sim = demoSim();
    const view = sim.submitCredentials({ username: 'ibkeyios', password: DEMO_PASSWORD, mode: 'live' });
    sim.advance(5_000);
    sim.approvePush({ phoneId: 'ios-phone', loginId: view.loginId!, method: 'faceid' });
    expect(sim.getLogin({ loginId: view.loginId! }).step).toBe('loggedIn');
    const written = factorEntries(sim);
    expect(written).toContain('push.approved');
    for (const type of written) expect(FACTORS.ibkeyPush.journal).toContain(type);
  });
});
