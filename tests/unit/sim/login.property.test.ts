// Property tests: random sequences of operations never log anyone in without a valid factor.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/api/dispatch.js';
import { DEMO_PASSWORD, demoSim } from '../helpers.js';

type Step =
  | { op: 'credentials'; user: string; password: string; mode: 'live' | 'paper' }
  | { op: 'guess'; code: string }
  | { op: 'replay' }
  | { op: 'resend' }
  | { op: 'wait'; ms: number }
  | { op: 'choose'; device: string }
  | { op: 'accept' };

// Weighted so that runs often get as far as a real login: the interesting part of the space.
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('credentials' as const),
      user: fc.constantFrom('smsuser', 'smsuser', 'multidevice', 'nosuch', 'SMSUSER'),
      password: fc.constantFrom(DEMO_PASSWORD, DEMO_PASSWORD, 'wrong', ''),
      mode: fc.constantFrom('live' as const, 'paper' as const),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('guess' as const), code: fc.stringMatching(/^\d{6}$/) }) },
  { weight: 4, arbitrary: fc.constant({ op: 'replay' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'resend' as const }) },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('wait' as const),
      ms: fc.oneof(fc.constantFrom(3_000, 121_000, 600_000), fc.integer({ min: 0, max: 15 * 60_000 })),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('choose' as const), device: fc.constantFrom('sms', 'sms', 'ibkey', 'dsc') }) },
  { weight: 1, arbitrary: fc.constant({ op: 'accept' as const }) },
);

describe('login state machine (property)', () => {
  // 300 simulated logins of up to 40 steps: seconds when idle, a minute or more on a loaded machine. The timeout
  // only catches a hang; the test runs a fixed number of runs, not a time budget.
  it('never logs in without a fresh code delivered for that login, and never accepts a code twice', { timeout: 300_000 }, () => {
    const seed = Number(process.env.SLS_PROPERTY_SEED ?? 20261128);
    console.log(`login property test: seed ${seed}, 300 runs (override with SLS_PROPERTY_SEED)`);
    let successes = 0;
    fc.assert(
      fc.property(fc.array(step, { minLength: 8, maxLength: 40 }), (steps) => {
        const sim = demoSim();
        let loginId: string | null = null;
        const accepted = new Set<string>();
        for (const s of steps) {
          let result;
          switch (s.op) {
            case 'credentials':
              result = dispatch(sim, 'submitCredentials', { username: s.user, password: s.password, mode: s.mode });
              break;
            case 'guess':
              result = dispatch(sim, 'submitCode', { loginId: loginId ?? 'L1', code: s.code });
              break;
            case 'replay': {
              // Try every code ever delivered, against the current login.
              const texts = sim.getPhone({ phoneId: 'sms-phone' }).messages.concat(sim.getPhone({ phoneId: 'multi-phone' }).messages);
              texts.sort((a, b) => a.at - b.at);
              const code = texts.at(-1)?.text.match(/\d{6}/)?.[0] ?? '000000';
              result = dispatch(sim, 'submitCode', { loginId: loginId ?? 'L1', code });
              if (result.ok && (result.value as { step: string }).step !== 'securityCode') {
                expect(accepted.has(code)).toBe(false);
                accepted.add(code);
              }
              break;
            }
            case 'resend':
              result = dispatch(sim, 'requestNewCode', { loginId: loginId ?? 'L1', channel: 'sms' });
              break;
            case 'wait':
              sim.advance(s.ms);
              continue;
            case 'choose':
              result = dispatch(sim, 'chooseDevice', { loginId: loginId ?? 'L1', deviceId: s.device });
              break;
            case 'accept':
              result = dispatch(sim, 'acceptPaperWarning', { loginId: loginId ?? 'L1' });
              break;
          }
          if (result.ok && s.op === 'credentials') loginId = (result.value as { loginId: string | null }).loginId ?? loginId;
        }
        // Every success in the journal follows an accepted code for the same login (no user here lacks a device).
        const entries = sim.getJournal({}).entries;
        for (const e of entries) {
          if (e.type !== 'login.succeeded') continue;
          successes++;
          const accept = entries.find((a) => a.type === 'code.accepted' && a.loginId === e.loginId && a.seq < e.seq);
          expect(accept, `login ${e.loginId} succeeded without a code`).toBeDefined();
          const issued = entries.filter((a) => a.type === 'code.issued' && a.loginId === e.loginId && a.seq < accept!.seq);
          expect(issued.length).toBeGreaterThan(0);
          expect(accept!.at).toBeLessThan((issued.at(-1) as { expiresAt: number }).expiresAt);
        }
        // Nobody logs in while locked.
        for (const e of entries) {
          if (e.type !== 'account.locked') continue;
          const during = entries.filter((x) => x.type === 'password.accepted' && x.username === e.username && x.at >= e.at && x.at < e.until);
          expect(during).toEqual([]);
        }
      }),
      { numRuns: 300, seed },
    );
    // The generator must reach real logins, or the property above says nothing.
    expect(successes).toBeGreaterThan(10);
  });
});
