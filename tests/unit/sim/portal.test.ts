// The Client Portal on the virtual clock: its login is the login machine's (surface "portal"); the
// mobile number's Confirm Code follows the security code's rules (2-minute resend, expiry, single use);
// verifying enrols a user with no active SLS device in SMS shortly afterwards, and no one else;
// Seamless Authentication off sends no push and asks the challenge at once; opting out is refused
// for Hong Kong and India with the regulation cited in full.
import { describe, expect, it } from 'vitest';
import type { Simulation } from '../../../main/sim/simulation.js';
import type { LoginView } from '../../../main/api/views.js';
import { DEMO_PASSWORD, demoScenario, demoSim, latestCode, MINUTE, text } from '../helpers.js';

/** Logs a user in to the Client Portal, answering a push or an SMS code if one is asked. */
function portalLogin(sim: Simulation, username: string): LoginView & { loginId: string } {
  let view = sim.submitCredentials({ username, password: DEMO_PASSWORD, mode: 'live', surface: 'portal' });
  if (view.step === 'securityCode') {
    sim.advance(sim.scenario.timing.smsDelay);
    view = sim.submitCode({ loginId: view.loginId!, code: latestCode(sim) });
  }
  if (view.step === 'push') {
    sim.advance(2_000);
    sim.approvePush({ phoneId: 'ios-phone', loginId: view.loginId!, method: 'faceid' });
    view = sim.getLogin({ loginId: view.loginId! });
  }
  expect(view).toMatchObject({ step: 'loggedIn', surface: 'portal' });
  return view as LoginView & { loginId: string };
}

const NUMBER = '+13125550142'; // the iPhone's number (sms-phone)

describe('the Client Portal login', () => {
  it('is the same login machine: password, then the second factor, journalled with its surface', () => {
    const sim = demoSim();
    const wrong = sim.submitCredentials({ username: 'smsuser', password: 'nope', mode: 'live', surface: 'portal' });
    expect(text(wrong.error)).toBe('Invalid user name password combination');
    const first = sim.submitCredentials({ username: 'smsuser', password: DEMO_PASSWORD, mode: 'live', surface: 'portal' });
    expect(first).toMatchObject({ step: 'securityCode', surface: 'portal', portal: null });
    sim.advance(sim.scenario.timing.smsDelay);
    const done = sim.submitCode({ loginId: first.loginId!, code: latestCode(sim) });
    expect(done.step).toBe('loggedIn');
    expect(done.portal).toMatchObject({ mobile: { number: NUMBER, verified: true }, seamless: true, verification: null });
    expect(done.portal!.devices.map((d) => d.kind)).toEqual(['sms']);
    const started = sim.getJournal({}).entries.find((e) => e.type === 'login.started' && e.loginId === first.loginId);
    expect(started).toMatchObject({ surface: 'portal' });
  });

  it('refuses its settings to a trading-platform login', () => {
    const sim = demoSim();
    const tws = sim.submitCredentials({ username: 'nodevice', password: DEMO_PASSWORD, mode: 'live' });
    expect(tws.step).toBe('loggedIn');
    expect(tws.portal).toBeNull();
    expect(() => sim.verifyMobileNumber({ loginId: tws.loginId!, number: NUMBER })).toThrow(/Client Portal/);
  });

  it('never skips the second factor: Read-Only Login is refused to the portal', () => {
    const sim = demoSim({ readOnlyLogin: true });
    expect(() => sim.submitCredentials({ username: 'smsuser', password: DEMO_PASSWORD, mode: 'live', readOnly: true, surface: 'portal' })).toThrow(/Client Portal/);
  });

  it('is no trading session: it neither meets nor ends "Existing session detected", and connects at once', () => {
    const sim = demoSim({ connection: { failedAttempts: 2, retryInterval: 10_000 } });
    const tws = sim.submitCredentials({ username: 'nodevice', password: DEMO_PASSWORD, mode: 'live', phoneId: 'sms-phone' });
    expect(tws.step).toBe('loggedIn');
    // The portal's page connects at once (the login window's retries are its own) and meets no other session.
    const portal = sim.submitCredentials({ username: 'nodevice', password: DEMO_PASSWORD, mode: 'live', surface: 'portal' });
    expect(portal.step).toBe('loggedIn');
    expect(sim.getLogin({ loginId: tws.loginId! }).step).toBe('loggedIn');
    expect(sim.getJournal({}).entries.some((e) => e.type === 'session.existing' || e.type === 'connection.failed')).toBe(false);
  });
});

describe('mobile number verification in the Client Portal', () => {
  it('VERIFY → Confirm Code by SMS → CONTINUE (green check) → CONTINUE finalises; SMS enrolment follows shortly for a user without a device', () => {
    const sim = demoSim();
    const { loginId } = portalLogin(sim, 'nodevice');
    const sent = sim.verifyMobileNumber({ loginId, number: NUMBER });
    expect(text(sent.notice)).toContain('Confirm Code');
    expect(sent.portal!.verification).toMatchObject({ number: NUMBER, codeSent: true, confirmed: false, phoneId: 'sms-phone' });
    sim.advance(sim.scenario.timing.smsDelay);
    // The Director's Pending panel shows the Confirm Code waiting, as it does a security code.
    expect(sim.listPending({ username: 'nodevice' })).toMatchObject([{ loginId, kind: 'code', code: latestCode(sim) }]);
    const confirmed = sim.confirmMobileNumber({ loginId, code: latestCode(sim) });
    expect(sim.listPending({ username: 'nodevice' })).toEqual([]);
    expect(confirmed.error).toBeNull();
    expect(confirmed.portal!.verification).toMatchObject({ confirmed: true });
    expect(confirmed.portal!.mobile.verified).toBe(false);
    const finished = sim.finishMobileVerification({ loginId });
    expect(finished.portal).toMatchObject({ mobile: { number: NUMBER, verified: true }, verification: null, smsEnrolmentAt: sim.getClock({}).now + MINUTE });
    expect(text(finished.notice)).toContain('automatically enrolled in SMS');
    expect(finished.portal!.devices).toEqual([]);
    // "Shortly afterwards": timing.autoEnrolDelay.
    sim.advance(MINUTE - 1);
    expect(sim.getLogin({ loginId }).portal!.devices).toEqual([]);
    sim.advance(1);
    const after = sim.getLogin({ loginId }).portal!;
    expect(after.devices.map((d) => d.kind)).toEqual(['sms']);
    expect(after.smsEnrolmentAt).toBeNull();
    expect(sim.getJournal({}).entries.map((e) => e.type)).toContain('portal.sms_enrolled');
    // The next login asks for the SMS code.
    expect(sim.submitCredentials({ username: 'nodevice', password: DEMO_PASSWORD, mode: 'live' }).step).toBe('securityCode');
  });

  it('sends a new SMS only every 2 minutes, whichever login asks', () => {
    const sim = demoSim();
    const { loginId } = portalLogin(sim, 'nodevice');
    sim.verifyMobileNumber({ loginId, number: NUMBER });
    sim.advance(MINUTE);
    const early = sim.verifyMobileNumber({ loginId, number: NUMBER });
    expect(early.error).toEqual({ code: 'resend_wait', params: { waitMs: MINUTE } });
    // Logging in again does not reset the clock: it is the user's.
    sim.logOut({ loginId });
    const again = portalLogin(sim, 'nodevice');
    expect(sim.verifyMobileNumber({ loginId: again.loginId, number: NUMBER }).error?.code).toBe('resend_wait');
    sim.advance(MINUTE);
    const later = sim.verifyMobileNumber({ loginId: again.loginId, number: NUMBER });
    expect(later.error).toBeNull();
    sim.advance(sim.scenario.timing.smsDelay);
    expect(sim.getPhone({ phoneId: 'sms-phone' }).messages).toHaveLength(2);
  });

  it('explains a wrong, a replaced and an expired code, and takes a code once only', () => {
    const sim = demoSim();
    const { loginId } = portalLogin(sim, 'nodevice');
    sim.verifyMobileNumber({ loginId, number: NUMBER });
    sim.advance(sim.scenario.timing.smsDelay);
    const first = latestCode(sim);
    const wrong = sim.confirmMobileNumber({ loginId, code: first === '000000' ? '111111' : '000000' });
    expect(wrong.error).toEqual({ code: 'portal_code_refused', params: { reason: 'wrong' } });
    expect(text(wrong.error)).toBe('The Confirmation Number is not correct. Enter the Confirm Code from the SMS.');
    sim.advance(2 * MINUTE);
    sim.verifyMobileNumber({ loginId, number: NUMBER });
    sim.advance(sim.scenario.timing.smsDelay);
    expect(sim.confirmMobileNumber({ loginId, code: first }).error).toEqual({ code: 'portal_code_refused', params: { reason: 'replaced' } });
    const second = latestCode(sim);
    sim.advance(10 * MINUTE);
    const expired = sim.confirmMobileNumber({ loginId, code: second });
    expect(text(expired.error)).toBe('This Confirm Code has expired. Click VERIFY to receive a new one.');
    sim.verifyMobileNumber({ loginId, number: NUMBER });
    sim.advance(sim.scenario.timing.smsDelay);
    const third = latestCode(sim);
    expect(sim.confirmMobileNumber({ loginId, code: third }).portal!.verification!.confirmed).toBe(true);
    sim.finishMobileVerification({ loginId });
    // Single use: after it verified the number the code verifies nothing, and a finished verification cannot be finished again.
    expect(() => sim.confirmMobileNumber({ loginId, code: third })).toThrow(/VERIFY/);
    expect(() => sim.finishMobileVerification({ loginId })).toThrow(/Confirm Code/);
  });

  it('stops after too many wrong codes until VERIFY sends a new one', () => {
    const sim = demoSim();
    const { loginId } = portalLogin(sim, 'nodevice');
    sim.verifyMobileNumber({ loginId, number: NUMBER });
    sim.advance(sim.scenario.timing.smsDelay);
    const right = latestCode(sim);
    const bad = right === '000000' ? '111111' : '000000';
    for (let i = 0; i < 4; i++) sim.confirmMobileNumber({ loginId, code: bad });
    expect(sim.confirmMobileNumber({ loginId, code: bad }).error?.code).toBe('portal_code_stopped');
    // Even the right code is refused now.
    expect(sim.confirmMobileNumber({ loginId, code: right }).error?.code).toBe('portal_code_stopped');
  });

  it('does not enrol a user who has another active SLS device, and fixes an unverified number for SMS', () => {
    // The demo's phones keep their owners: only the numbers of these two users change.
    const unverified = { ibkeyios: '+12125550187', smsuser: NUMBER } as Record<string, string>;
    const sim = demoSim({
      users: demoScenario().users.map((u) => (unverified[u.username] ? { ...u, mobile: { number: unverified[u.username]!, verified: false } } : u)),
    });
    const ibkey = portalLogin(sim, 'ibkeyios');
    expect(ibkey.portal!.devices.map((d) => d.kind)).toEqual(['ibkey']);
    sim.verifyMobileNumber({ loginId: ibkey.loginId, number: NUMBER });
    sim.advance(sim.scenario.timing.smsDelay);
    sim.confirmMobileNumber({ loginId: ibkey.loginId, code: latestCode(sim) });
    const done = sim.finishMobileVerification({ loginId: ibkey.loginId });
    expect(done.portal!.smsEnrolmentAt).toBeNull();
    expect(text(done.notice)).toBe('Your mobile number ***-***-0142 is verified.');
    sim.advance(10 * MINUTE);
    expect(sim.getWorld({}).users.find((u) => u.username === 'ibkeyios')!.devices.map((d) => d.kind)).toEqual(['ibkey']);
    expect(sim.getJournal({}).entries.some((e) => e.type === 'portal.sms_enrolled')).toBe(false);

    // sms-not-verified: the platform's SMS login sends nothing until the number is verified.
    const stuck = sim.submitCredentials({ username: 'smsuser', password: DEMO_PASSWORD, mode: 'live' });
    sim.advance(10_000);
    expect(sim.getJournal({}).entries.filter((e) => e.type === 'sms.suppressed').at(-1)).toMatchObject({ reason: 'number_not_verified' });
    sim.cancelLogin({ loginId: stuck.loginId! });
  });
});

describe('a portal login whose only device is SMS to a number not verified yet (sms-not-verified)', () => {
  const unverifiedSim = () =>
    demoSim({ users: demoScenario().users.map((u) => (u.username === 'smsuser' ? { ...u, mobile: { number: NUMBER, verified: false } } : u)) });
  const journal = (sim: Simulation) => sim.getJournal({}).entries;
  /** The number was verified: the journal says so (the world view does not show numbers). */
  const verified = (sim: Simulation) => journal(sim).some((e) => e.type === 'portal.number_verified');

  it('sends a Confirm Code to the number on record; typed as the Security Code it logs in and verifies the number; SMS logins then work', () => {
    const sim = unverifiedSim();
    const view = sim.submitCredentials({ username: 'smsuser', password: DEMO_PASSWORD, mode: 'live', surface: 'portal' });
    expect(view.step).toBe('securityCode');
    expect(text(view.notice)).toMatch(/^Your mobile number \*\*\*-\*\*\*-0142 is not verified yet, so no security code can be sent to it: we sent an SMS with a Confirm Code instead\. Enter it as the Security Code: it logs you in to Client Portal and verifies your number/);
    sim.advance(sim.scenario.timing.smsDelay);
    const sms = sim.getPhone({ phoneId: 'sms-phone' }).messages.at(-1)!;
    expect(sms.text).toMatch(/Confirm Code is \d{6}/);
    const done = sim.submitCode({ loginId: view.loginId!, code: latestCode(sim) });
    expect(done).toMatchObject({ step: 'loggedIn', surface: 'portal' });
    expect(text(done.notice)).toBe('Your mobile number ***-***-0142 is verified.');
    expect(done.portal!.mobile).toEqual({ number: NUMBER, verified: true });
    expect(done.portal!.devices.map((d) => d.kind)).toEqual(['sms']);
    expect(journal(sim).filter((e) => e.type.startsWith('portal.')).map((e) => e.type)).toEqual(['portal.verification_started', 'portal.number_confirmed', 'portal.number_verified']);
    expect(journal(sim).some((e) => e.type === 'sms.suppressed')).toBe(false);

    // The platform's login now gets its security code by SMS.
    const tws = sim.submitCredentials({ username: 'smsuser', password: DEMO_PASSWORD, mode: 'live' });
    sim.advance(sim.scenario.timing.smsDelay);
    expect(sim.getPhone({ phoneId: 'sms-phone' }).messages.at(-1)!.text).toMatch(/security code/i);
    expect(sim.submitCode({ loginId: tws.loginId!, code: latestCode(sim) }).step).toBe('loggedIn');
  });

  it('holds the Confirm Code to the security code rules: one SMS per resend interval, a new code replaces the old, expiry, single use', () => {
    const sim = unverifiedSim();
    const { resendInterval, codeLifetime, smsDelay } = sim.scenario.timing;
    const view = sim.submitCredentials({ username: 'smsuser', password: DEMO_PASSWORD, mode: 'live', surface: 'portal' });
    const loginId = view.loginId!;
    sim.advance(smsDelay);
    const first = latestCode(sim);
    // A new SMS only after the resend interval.
    const early = sim.requestNewCode({ loginId, channel: 'sms' });
    expect(early.error?.code).toBe('resend_wait');
    expect(sim.getPhone({ phoneId: 'sms-phone' }).messages).toHaveLength(1);
    sim.advance(resendInterval);
    const again = sim.requestNewCode({ loginId, channel: 'sms' });
    expect(text(again.notice)).toMatch(/we sent an SMS with a Confirm Code instead/);
    sim.advance(smsDelay);
    const second = latestCode(sim);
    expect(second).not.toBe(first);
    // The replaced code no longer works, and the number stays unverified.
    const replaced = sim.submitCode({ loginId, code: first });
    expect(replaced.step).toBe('securityCode');
    expect(verified(sim)).toBe(false);
    // Expired after the code lifetime.
    sim.advance(codeLifetime);
    expect(sim.submitCode({ loginId, code: second }).step).toBe('securityCode');
    expect(verified(sim)).toBe(false);
    expect(journal(sim).filter((e) => e.type === 'code.rejected').map((e) => (e as { reason: string }).reason)).toEqual(['replaced', 'expired']);
  });

  it('counts wrong codes as any security code: the last allowed one ends the login, unverified', () => {
    const sim = unverifiedSim();
    const { maxWrongCodes, smsDelay } = sim.scenario.timing;
    const view = sim.submitCredentials({ username: 'smsuser', password: DEMO_PASSWORD, mode: 'live', surface: 'portal' });
    sim.advance(smsDelay);
    const code = latestCode(sim);
    let last: LoginView = view;
    for (let i = 0; i < maxWrongCodes; i++) last = sim.submitCode({ loginId: view.loginId!, code: code === '000000' ? '111111' : '000000' });
    expect(last.step).toBe('failed');
    expect(() => sim.submitCode({ loginId: view.loginId!, code })).toThrow();
    expect(verified(sim)).toBe(false);
  });

  it('is single use and bound to its login: the code logs in once, and never answers another login or the Settings verification', () => {
    const sim = unverifiedSim();
    const { smsDelay } = sim.scenario.timing;
    const a = sim.submitCredentials({ username: 'smsuser', password: DEMO_PASSWORD, mode: 'live', surface: 'portal' });
    sim.advance(smsDelay);
    const code = latestCode(sim);
    // Another portal login of the same user has its own box: this code is not its.
    const b = sim.submitCredentials({ username: 'smsuser', password: DEMO_PASSWORD, mode: 'live', surface: 'portal' });
    sim.advance(smsDelay);
    const codeB = latestCode(sim);
    if (codeB !== code) expect(sim.submitCode({ loginId: b.loginId!, code }).step).toBe('securityCode');
    expect(sim.submitCode({ loginId: a.loginId!, code }).step).toBe('loggedIn');
    expect(() => sim.submitCode({ loginId: a.loginId!, code })).toThrow();
  });

  it('the voice callback logs in but verifies nothing; the trading platform and users with other devices keep refusing the unverified number', () => {
    const sim = unverifiedSim();
    const view = sim.submitCredentials({ username: 'smsuser', password: DEMO_PASSWORD, mode: 'live', surface: 'portal' });
    sim.requestNewCode({ loginId: view.loginId!, channel: 'voice' });
    sim.advance(sim.scenario.timing.voiceDelay);
    const call = sim.getPhone({ phoneId: 'sms-phone' }).calls.find((c) => c.state === 'ringing')!;
    sim.answerCall({ phoneId: 'sms-phone', callId: call.id });
    const answered = sim.getPhone({ phoneId: 'sms-phone' }).calls.find((c) => c.id === call.id)!;
    const code = /security code is ((?:\d, ){5}\d)/.exec(answered.transcript!)![1]!.replace(/, /g, '');
    expect(sim.submitCode({ loginId: view.loginId!, code }).step).toBe('loggedIn');
    expect(verified(sim)).toBe(false);

    // multidevice: SMS is one of several devices; its SMS to an unverified number stays suppressed, in the portal too.
    const multi = demoSim({ users: demoScenario().users.map((u) => (u.username === 'multidevice' ? { ...u, mobile: { number: u.mobile!.number, verified: false } } : u)) });
    const m = multi.submitCredentials({ username: 'multidevice', password: DEMO_PASSWORD, mode: 'live', surface: 'portal' });
    multi.chooseDevice({ loginId: m.loginId!, deviceId: multi.getWorld({}).users.find((u) => u.username === 'multidevice')!.devices.find((d) => d.kind === 'sms')!.id });
    multi.advance(10_000);
    expect(multi.getJournal({}).entries.filter((e) => e.type === 'sms.suppressed').at(-1)).toMatchObject({ reason: 'number_not_verified' });
  });
});

describe('Seamless Authentication', () => {
  it('off: no push is sent, and the login asks for the challenge at once', () => {
    const sim = demoSim();
    const portal = portalLogin(sim, 'ibkeyios');
    const saved = sim.saveSeamless({ loginId: portal.loginId, enabled: false });
    expect(saved.portal!.seamless).toBe(false);
    expect(text(saved.notice)).toContain('Seamless Authentication is disabled');
    const pushesBefore = sim.getJournal({}).entries.filter((e) => e.type === 'push.sent').length;
    const tws = sim.submitCredentials({ username: 'ibkeyios', password: DEMO_PASSWORD, mode: 'live' });
    expect(tws.step).toBe('challenge');
    expect(tws.challenge).toMatch(/^\d{6}$/);
    expect(tws.notice?.code).toBe('seamless_off_challenge');
    sim.advance(MINUTE);
    const entries = sim.getJournal({}).entries;
    expect(entries.filter((e) => e.type === 'push.sent')).toHaveLength(pushesBefore);
    expect(entries.filter((e) => e.type === 'push.suppressed').at(-1)).toMatchObject({ loginId: tws.loginId, reason: 'seamless_disabled' });
    expect(sim.getPhone({ phoneId: 'ios-phone' }).notifications.some((n) => n.source.kind === 'push' && n.source.loginId === tws.loginId)).toBe(false);
    // Back on: the push again.
    sim.saveSeamless({ loginId: portal.loginId, enabled: true });
    expect(sim.submitCredentials({ username: 'ibkeyios', password: DEMO_PASSWORD, mode: 'live' }).step).toBe('push');
  });
});

describe('opting out of the Secure Login System', () => {
  it.each([
    ['hkuser', '+85251234567', 'hk-phone', 'HK', ['27 October 2017', 'Securities & Futures Commission of Hong Kong (SFC)', 'Hong Kong Monetary Authority (HKMA)', 'circular', 'article 1.1']],
    ['inuser', '+919812345678', 'in-phone', 'IN', ['25 March 2014', 'National Stock Exchange of India (NSEI)', 'circular', 'regulation 3b']],
  ] as const)('is refused for %s with the regulation cited in full', (username, number, phoneId, region, citation) => {
    const sim = demoSim();
    // The portal login itself requires the enrolment first, as the login window does.
    const first = sim.submitCredentials({ username, password: DEMO_PASSWORD, mode: 'live', surface: 'portal' });
    expect(first.step).toBe('enrolRequired');
    for (const words of citation) expect(text(first.enrolment!.regulation)).toContain(words);
    sim.enrolSms({ loginId: first.loginId!, number });
    sim.advance(sim.scenario.timing.smsDelay);
    sim.confirmSmsEnrolment({ loginId: first.loginId!, code: latestCode(sim, phoneId) });
    // The green check under "SMS Verified", then CONTINUE again: logged in to the portal.
    const loggedIn = sim.finishSmsEnrolment({ loginId: first.loginId! });
    expect(loggedIn.portal!.optOut).toMatchObject({ allowed: false, optedOut: false, regulation: { code: 'opt_out_refused', params: { region } } });
    const refused = sim.optOutOfSls({ loginId: first.loginId! });
    expect(refused.error).toEqual({ code: 'opt_out_refused', params: { region } });
    for (const words of citation) expect(text(refused.error)).toContain(words);
    expect(sim.getJournal({}).entries.at(-1)).toMatchObject({ type: 'portal.opt_out', outcome: 'refused', region });
    // Still asked for the second factor.
    expect(sim.submitCredentials({ username, password: DEMO_PASSWORD, mode: 'live' }).step).toBe('securityCode');
  });

  it('is allowed elsewhere: the next logins ask for no second factor', () => {
    const sim = demoSim();
    const portal = portalLogin(sim, 'smsuser');
    expect(portal.portal!.optOut).toEqual({ allowed: true, regulation: null, optedOut: false });
    const done = sim.optOutOfSls({ loginId: portal.loginId });
    expect(done.error).toBeNull();
    expect(done.portal!.optOut.optedOut).toBe(true);
    const next = sim.submitCredentials({ username: 'smsuser', password: DEMO_PASSWORD, mode: 'live' });
    expect(next).toMatchObject({ step: 'loggedIn', enrolment: null });
  });
});
