import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, MINUTE, demoSim, latestCode, startSmsLogin, text } from '../helpers.js';

describe('SMS security code', () => {
  it('is 6 digits and arrives on the phone after the carrier delay', () => {
    const sim = demoSim();
    const view = sim.submitCredentials({ username: 'smsuser', password: DEMO_PASSWORD, mode: 'live' });
    expect(view.step).toBe('securityCode');
    expect(text(view.notice)).toContain('***-***-0142');
    expect(sim.getPhone({ phoneId: 'sms-phone' }).messages).toHaveLength(0);
    sim.advance(2_999);
    expect(sim.getPhone({ phoneId: 'sms-phone' }).messages).toHaveLength(0);
    sim.advance(1);
    expect(latestCode(sim)).toMatch(/^\d{6}$/);
  });

  it('is still accepted just before 10:00 after it was issued', () => {
    const sim = demoSim();
    const loginId = startSmsLogin(sim);
    const code = latestCode(sim);
    sim.advance(10 * MINUTE - 3_000 - 1); // issued at t=0, SMS read at t=3 s
    expect(sim.submitCode({ loginId, code }).step).toBe('loggedIn');
  });

  it('expires at exactly 10:00', () => {
    const sim = demoSim();
    const loginId = startSmsLogin(sim);
    const code = latestCode(sim);
    sim.advance(10 * MINUTE - 3_000);
    const view = sim.submitCode({ loginId, code });
    expect(view.step).toBe('securityCode');
    expect(text(view.error)).toBe('Login failed');
    // The last rejection (the journal then notes that the attempt counted as a failed login).
    expect(sim.getJournal({}).entries.filter((e) => e.type === 'code.rejected').at(-1)).toMatchObject({ type: 'code.rejected', reason: 'expired' });
  });

  it('is accepted once only', () => {
    const sim = demoSim();
    const loginId = startSmsLogin(sim);
    const code = latestCode(sim);
    expect(sim.submitCode({ loginId, code }).step).toBe('loggedIn');
    // The login is over; the same code cannot be used for it again.
    expect(() => sim.submitCode({ loginId, code })).toThrow(/not "securityCode"|is at "loggedIn"/);
    // Nor for a new login of the same user: that login has its own code.
    const second = startSmsLogin(sim);
    const again = sim.submitCode({ loginId: second, code });
    expect(again.step).toBe('securityCode');
    expect(text(again.error)).toBe('Login failed');
  });

  it('works only for the login session that asked for it', () => {
    const sim = demoSim();
    const first = startSmsLogin(sim);
    const firstCode = latestCode(sim);
    const second = startSmsLogin(sim);
    const secondCode = latestCode(sim);
    expect(secondCode).not.toBe(firstCode);
    expect(text(sim.submitCode({ loginId: second, code: firstCode }).error)).toBe('Login failed');
    expect(text(sim.submitCode({ loginId: first, code: secondCode }).error)).toBe('Login failed');
    expect(sim.submitCode({ loginId: first, code: firstCode }).step).toBe('loggedIn');
    // One trading session at a time: the second login asks about the first (login-dialogs.test.ts).
    expect(sim.submitCode({ loginId: second, code: secondCode }).step).toBe('existingSession');
  });

  it('refuses a code replaced by a new SMS, and accepts the new one', () => {
    const sim = demoSim();
    const loginId = startSmsLogin(sim);
    const old = latestCode(sim);
    sim.advance(2 * MINUTE);
    const resent = sim.requestNewCode({ loginId, channel: 'sms' });
    expect(resent.error).toBeNull();
    sim.advance(3_000);
    const fresh = latestCode(sim);
    expect(fresh).not.toBe(old);
    expect(text(sim.submitCode({ loginId, code: old }).error)).toBe('Login failed');
    expect(sim.getJournal({}).entries.filter((e) => e.type === 'code.rejected').at(-1)).toMatchObject({ type: 'code.rejected', reason: 'replaced' });
    expect(sim.submitCode({ loginId, code: fresh }).step).toBe('loggedIn');
  });

  it('refuses a second SMS before 2:00 and says how long is left', () => {
    const sim = demoSim();
    const loginId = startSmsLogin(sim); // SMS sent at t=0, now t=3 s
    sim.advance(MINUTE + 20_000); // t = 1:23
    const refused = sim.requestNewCode({ loginId, channel: 'sms' });
    expect(text(refused.error)).toBe('A new code can be requested in 0:37');
    expect(refused.resendAvailableAt).toBe(refused.now + 37_000);
    expect(sim.getJournal({}).entries.at(-1)).toMatchObject({ type: 'resend.refused', retryAfterMs: 37_000 });
    expect(sim.getPhone({ phoneId: 'sms-phone' }).messages).toHaveLength(1);
    sim.advance(36_999);
    expect(text(sim.requestNewCode({ loginId, channel: 'sms' }).error)).toMatch(/0:01$/);
    sim.advance(1);
    const allowed = sim.requestNewCode({ loginId, channel: 'sms' });
    expect(allowed.error).toBeNull();
    expect(allowed.resendAvailableAt).toBe(allowed.now + 2 * MINUTE);
  });

  it('offers the voice callback at once after the SMS: not held back by the SMS timer', () => {
    const sim = demoSim();
    const loginId = startSmsLogin(sim); // SMS sent at t=0, now t=3 s
    const before = sim.getLogin({ loginId });
    expect(before.resendAvailableAt).toBe(2 * MINUTE + before.now - 3_000);
    expect(before.voiceAvailableAt).toBeNull();
    const called = sim.requestNewCode({ loginId, channel: 'voice' });
    expect(called.error).toBeNull();
    expect(text(called.notice)).toBe('You will receive a call at ***-***-0142 with your security code.');
    expect(sim.getJournal({}).entries.some((e) => e.type === 'resend.refused')).toBe(false);
    // The voice channel now has its own 2 minutes; the SMS keeps its clock from t=0.
    expect(called.voiceAvailableAt).toBe(called.now + 2 * MINUTE);
    expect(called.resendAvailableAt).toBe(before.resendAvailableAt);
    sim.advance(MINUTE);
    const again = sim.requestNewCode({ loginId, channel: 'voice' });
    expect(text(again.error)).toBe('A new code can be requested in 1:00');
    expect(text(sim.requestNewCode({ loginId, channel: 'sms' }).error)).toBe('A new code can be requested in 0:57');
  });

  it('holds the voice callback for the SMS timer when the scenario says timing.voiceWaitsForSms', () => {
    const sim = demoSim({ timing: { voiceWaitsForSms: true } });
    const loginId = startSmsLogin(sim);
    const before = sim.getLogin({ loginId });
    expect(before.voiceAvailableAt).toBe(before.resendAvailableAt);
    const refused = sim.requestNewCode({ loginId, channel: 'voice' });
    expect(text(refused.error)).toBe('A new code can be requested in 1:57');
    expect(sim.getJournal({}).entries.at(-1)).toMatchObject({ type: 'resend.refused', retryAfterMs: 2 * MINUTE - 3_000 });
    sim.advance(2 * MINUTE - 3_000);
    const called = sim.requestNewCode({ loginId, channel: 'voice' });
    expect(called.error).toBeNull();
    // One clock: the call restarts it for the SMS too.
    expect(called.resendAvailableAt).toBe(called.now + 2 * MINUTE);
    expect(text(sim.requestNewCode({ loginId, channel: 'sms' }).error)).toBe('A new code can be requested in 2:00');
  });

  it('ends the attempt after 5 wrong codes, counting one failed login', () => {
    const sim = demoSim();
    const loginId = startSmsLogin(sim);
    const code = latestCode(sim);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 1; i <= 4; i++) {
      const view = sim.submitCode({ loginId, code: wrong });
      expect(view.step).toBe('securityCode');
      expect(text(view.error)).toBe('Login failed');
    }
    const last = sim.submitCode({ loginId, code: wrong });
    expect(last.step).toBe('failed');
    expect(text(last.error)).toBe('Login failed');
    expect(() => sim.submitCode({ loginId, code })).toThrow(/is at "failed"/);
    expect(sim.getWorld({}).users.find((u) => u.username === 'smsuser')?.recentFailures).toBe(1);
    expect(sim.getJournal({}).entries.map((e) => e.type)).toContain('login.failed');
  });

  it('never puts the code in the login view or the journal', () => {
    const sim = demoSim();
    const loginId = startSmsLogin(sim);
    const code = latestCode(sim);
    expect(JSON.stringify(sim.getLogin({ loginId }))).not.toContain(code);
    expect(JSON.stringify(sim.getJournal({}))).not.toContain(code);
  });
});
