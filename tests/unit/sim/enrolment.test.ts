// Regulations (Hong Kong, India): no opting out of two-factor, so a user without a device enrols a mobile number first.
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/api/dispatch.js';
import type { Simulation } from '../../../main/sim/simulation.js';
import { DEMO_PASSWORD, MINUTE, demoSim, latestCode, text } from '../helpers.js';

const HK_NUMBER = '+85251234567';

function start(sim: Simulation, username = 'hkuser') {
  return sim.submitCredentials({ username, password: DEMO_PASSWORD, mode: 'live' });
}

/** CONTINUE with the Confirm Code in "Confirmation Number", then, the green check in "SMS Verified", CONTINUE again. */
function confirmAndFinish(sim: Simulation, loginId: string, code: string) {
  expect(sim.confirmSmsEnrolment({ loginId, code }).enrolment).toMatchObject({ verified: true, enrolled: false });
  return sim.finishSmsEnrolment({ loginId });
}

/** hkuser up to the confirmation code, read off the Galaxy. */
function codeSent(sim: Simulation): { loginId: string; code: string } {
  const loginId = start(sim).loginId!;
  sim.enrolSms({ loginId, number: HK_NUMBER });
  sim.advance(sim.scenario.timing.smsDelay);
  return { loginId, code: latestCode(sim, 'hk-phone') };
}

describe('enrolment required by regulation', () => {
  it.each([
    ['hkuser', 'HK', /Securities & Futures Commission of Hong Kong/],
    ['inuser', 'IN', /National Stock Exchange of India/],
  ])('%s cannot log in without enrolling (%s)', (username, region, regulator) => {
    const sim = demoSim();
    const view = start(sim, username);
    expect(view.step).toBe('enrolRequired');
    expect(text(view.notice)).toMatch(regulator);
    expect(text(view.notice)).toMatch(/cannot opt out of the Secure Login System/);
    expect(view.enrolment).toEqual({ required: true, region, number: null, codeSent: false, phoneId: null, regulation: view.notice, verified: false, enrolled: false });
    expect(sim.getJournal({}).entries.at(-1)).toMatchObject({ type: 'enrolment.required', username, region });
    // Nothing else moves the login on.
    expect(() => sim.confirmSmsEnrolment({ loginId: view.loginId!, code: '123456' })).toThrow(/VERIFY first/);
    expect(() => sim.submitCode({ loginId: view.loginId!, code: '123456' })).toThrow(/enrolRequired/);
    expect(() => sim.finishSmsEnrolment({ loginId: view.loginId! })).toThrow(/no verified number waits for CONTINUE/);
  });

  it('verifies the number with a code by SMS, enrols SMS as the second factor, and logs in', () => {
    const sim = demoSim();
    const { loginId, code } = codeSent(sim);
    expect(sim.getLogin({ loginId }).enrolment).toMatchObject({ number: HK_NUMBER, codeSent: true, phoneId: 'hk-phone', regulation: { code: 'enrolment_required', params: { region: 'HK' } } });
    expect(text(sim.getLogin({ loginId }).enrolment?.regulation)).toMatch(/SFC/);
    expect(sim.getPhone({ phoneId: 'hk-phone' }).messages.at(-1)!.text).toMatch(/Your Confirm Code is \d{6}\. Enter it in the Confirmation Number field/);
    // The first CONTINUE: the green check in "SMS Verified"; the login waits for the second.
    const checked = sim.confirmSmsEnrolment({ loginId, code });
    expect(checked).toMatchObject({ step: 'enrolRequired', error: null, enrolment: { verified: true, enrolled: false, codeSent: false, number: HK_NUMBER } });
    expect(text(checked.notice)).toBe('The code has been accepted: ***-***-4567 is verified. Click CONTINUE to finalize the procedure.');
    expect(sim.getJournal({}).entries.at(-1)).toMatchObject({ type: 'code.accepted', username: 'hkuser' });
    expect(sim.getWorld().users.find((u) => u.username === 'hkuser')!.devices).toEqual([]);
    // The number is verified, and the code has done its work.
    expect(() => sim.confirmSmsEnrolment({ loginId, code })).toThrow(/no SMS enrolment is open/);
    // The second CONTINUE finalises: SMS is the second factor, and the login goes on.
    const done = sim.finishSmsEnrolment({ loginId });
    expect(done.step).toBe('loggedIn');
    expect(text(done.notice)).toBe('Text messages to ***-***-4567 are now your second factor.');
    expect(done.enrolment).toMatchObject({ verified: true, enrolled: true, codeSent: false });
    expect(() => sim.finishSmsEnrolment({ loginId })).toThrow(/no verified number waits for CONTINUE/);
    const types = sim.getJournal({}).entries.map((e) => e.type);
    expect(types.indexOf('enrolment.started')).toBeGreaterThan(types.indexOf('enrolment.required'));
    expect(types.slice(-3)).toEqual(['code.accepted', 'enrolment.completed', 'login.succeeded']);
    expect(sim.getJournal({}).entries.at(-1)).toMatchObject({ username: 'hkuser', factor: 'sms' });
    // Single use: nothing is open to take the code again.
    expect(() => sim.confirmSmsEnrolment({ loginId, code })).toThrow(/no SMS enrolment is open/);
    expect(sim.getWorld().users.find((u) => u.username === 'hkuser')!.devices).toEqual([
      { id: 'sms', kind: 'sms', label: 'SMS (***-***-4567)', phoneId: 'hk-phone', serial: null },
    ]);
    // From now on a login asks for an SMS code, like smsuser's.
    sim.logOut({ loginId });
    const next = start(sim);
    expect(next.step).toBe('securityCode');
    sim.advance(sim.scenario.timing.smsDelay);
    expect(sim.submitCode({ loginId: next.loginId!, code: latestCode(sim, 'hk-phone') }).step).toBe('loggedIn');
  });

  it('a reset starts from the file again: the enrolment belonged to that run', () => {
    const sim = demoSim();
    const { loginId, code } = codeSent(sim);
    confirmAndFinish(sim, loginId, code);
    sim.resetWorld({});
    expect(start(sim).step).toBe('enrolRequired');
  });

  it('the confirmation code lives 10 minutes, works once and only for its login', () => {
    const sim = demoSim();
    const { loginId, code } = codeSent(sim);
    const other = start(sim).loginId!;
    sim.enrolSms({ loginId: other, number: HK_NUMBER });
    expect(text(sim.confirmSmsEnrolment({ loginId: other, code }).error)).toBe('Login failed');
    sim.advance(10 * MINUTE - sim.scenario.timing.smsDelay);
    expect(sim.confirmSmsEnrolment({ loginId, code })).toMatchObject({ step: 'enrolRequired', error: { code: 'login_failed' } });
    expect(sim.getJournal({}).entries.filter((e) => e.type === 'code.rejected').at(-1)).toMatchObject({ reason: 'expired' });
  });

  it('works up to the last millisecond before 10:00', () => {
    const sim = demoSim();
    const { loginId, code } = codeSent(sim);
    sim.advance(10 * MINUTE - sim.scenario.timing.smsDelay - 1);
    expect(confirmAndFinish(sim, loginId, code).step).toBe('loggedIn');
  });

  it('India: the NSE rule, the number typed on the iPhone 13, then SMS codes at every login', () => {
    const sim = demoSim();
    const loginId = start(sim, 'inuser').loginId!;
    const india = sim.enrolSms({ loginId, number: '+919812345678' }).enrolment;
    expect(india).toMatchObject({ phoneId: 'in-phone', regulation: { code: 'enrolment_required', params: { region: 'IN' } } });
    expect(text(india?.regulation)).toMatch(/regulation 3b/);
    sim.advance(sim.scenario.timing.smsDelay);
    expect(confirmAndFinish(sim, loginId, latestCode(sim, 'in-phone'))).toMatchObject({ step: 'loggedIn', username: 'inuser' });
    sim.logOut({ loginId });
    expect(start(sim, 'inuser').step).toBe('securityCode');
  });

  it("the phone's faults apply: in airplane mode the code does not arrive, and the journal says why", () => {
    const sim = demoSim();
    sim.setPhoneState({ phoneId: 'hk-phone', patch: { airplane: true } });
    const loginId = start(sim).loginId!;
    sim.enrolSms({ loginId, number: HK_NUMBER });
    sim.advance(sim.scenario.timing.smsDelay);
    expect(sim.getPhone({ phoneId: 'hk-phone' }).messages).toHaveLength(0);
    expect(sim.getJournal({}).entries.filter((e) => e.type.startsWith('sms.')).at(-1)).toMatchObject({ reason: 'airplane_mode' });
  });

  it('one new code every 2 minutes, the new one replacing the old', () => {
    const sim = demoSim();
    const { loginId, code } = codeSent(sim);
    const again = sim.enrolSms({ loginId, number: HK_NUMBER });
    expect(text(again.error)).toBe('A new code can be requested in 1:57');
    expect(again.resendAvailableAt).toBe(sim.getClock({}).now + 117_000);
    sim.advance(2 * MINUTE);
    sim.enrolSms({ loginId, number: HK_NUMBER });
    sim.advance(sim.scenario.timing.smsDelay);
    const fresh = latestCode(sim, 'hk-phone');
    if (fresh !== code) expect(text(sim.confirmSmsEnrolment({ loginId, code }).error)).toBe('Login failed');
    expect(confirmAndFinish(sim, loginId, fresh).step).toBe('loggedIn');
  });

  it('5 wrong codes end the attempt and count as a failed login', () => {
    const sim = demoSim();
    const { loginId, code } = codeSent(sim);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 4; i++) expect(sim.confirmSmsEnrolment({ loginId, code: wrong }).step).toBe('enrolRequired');
    expect(sim.confirmSmsEnrolment({ loginId, code: wrong }).step).toBe('failed');
    expect(sim.getWorld().users.find((u) => u.username === 'hkuser')!.recentFailures).toBe(1);
  });

  it('a number no phone answers: nothing arrives, the journal says why; a malformed number is refused by the schema', () => {
    const sim = demoSim();
    const loginId = start(sim).loginId!;
    sim.enrolSms({ loginId, number: '+85290000000' });
    sim.advance(sim.scenario.timing.smsDelay);
    expect(sim.getJournal({}).entries.filter((e) => e.type === 'sms.suppressed').at(-1)).toMatchObject({ reason: 'no_phone_for_number' });
    expect(sim.getLogin({ loginId }).enrolment).toMatchObject({ codeSent: true, phoneId: null });
    for (const number of ['5123 4567', '+0085251234567', '+85251234567890123']) {
      const refused = dispatch(sim, 'enrolSms', { loginId, number });
      expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_request', issues: [{ path: 'number', message: expect.stringMatching(/must be an international number/) }] } });
    }
  });

  it('cancelled between the two CONTINUEs: the number stays verified, but no second factor was enrolled', () => {
    const sim = demoSim();
    const { loginId, code } = codeSent(sim);
    sim.confirmSmsEnrolment({ loginId, code });
    sim.cancelLogin({ loginId });
    expect(sim.getWorld().users.find((u) => u.username === 'hkuser')).toMatchObject({ devices: [] });
    expect(sim.getJournal({}).entries.some((e) => e.type === 'enrolment.completed')).toBe(false);
    expect(start(sim).step).toBe('enrolRequired');
  });

  it('a lock that comes between the two CONTINUEs ends the login at the second', () => {
    const sim = demoSim();
    const { loginId, code } = codeSent(sim);
    sim.confirmSmsEnrolment({ loginId, code });
    for (let i = 0; i < sim.scenario.timing.lockout.failures; i++) sim.submitCredentials({ username: 'hkuser', password: 'wrong', mode: 'live' });
    expect(sim.finishSmsEnrolment({ loginId })).toMatchObject({ step: 'failed', error: { code: 'login_failed' } });
    expect(sim.getJournal({}).entries.filter((e) => e.type === 'login.failed').at(-1)).toMatchObject({ reason: 'account_locked' });
  });

  it('is only for users with no device, at enrolment', () => {
    const sim = demoSim();
    const loginId = sim.submitCredentials({ username: 'smsuser', password: DEMO_PASSWORD, mode: 'live' }).loginId!;
    expect(() => sim.enrolSms({ loginId, number: HK_NUMBER })).toThrow(/no SMS enrolment is open/);
  });
});

describe('enrolment offered', () => {
  // nodevice has no phone of its own in the demo: it enrols the number of the "iPhone".
  const NUMBER = '+13125550142';

  it('nodevice logs in without a second factor and is told how to enrol', () => {
    const view = start(demoSim(), 'nodevice');
    expect(view.step).toBe('loggedIn');
    expect(text(view.notice)).toMatch(/not protected by the Secure Login System/);
    expect(view.enrolment).toEqual({ required: false, region: 'EU', regulation: null, number: null, codeSent: false, phoneId: null, verified: false, enrolled: false });
  });

  it('enrolling from the logged-in screen: same code, SMS Verified, and the next login asks for an SMS code', () => {
    const sim = demoSim();
    const loginId = start(sim, 'nodevice').loginId!;
    expect(sim.enrolSms({ loginId, number: NUMBER }).enrolment).toMatchObject({ codeSent: true, phoneId: 'sms-phone' });
    expect(text(sim.enrolSms({ loginId, number: NUMBER }).error)).toMatch(/A new code can be requested in 2:00/);
    sim.advance(sim.scenario.timing.smsDelay);
    const checked = sim.confirmSmsEnrolment({ loginId, code: latestCode(sim, 'sms-phone') });
    expect(checked).toMatchObject({ step: 'loggedIn', error: null, enrolment: { verified: true, enrolled: false } });
    expect(text(checked.notice)).toMatch(/Click CONTINUE to finalize the procedure/);
    const done = sim.finishSmsEnrolment({ loginId });
    expect(done).toMatchObject({ step: 'loggedIn', error: null, enrolment: { verified: true, enrolled: true } });
    expect(text(done.notice)).toMatch(/now your second factor/);
    // Still the one login: no second "logged in".
    expect(sim.getJournal({}).entries.filter((e) => e.type === 'login.succeeded')).toHaveLength(1);
    sim.logOut({ loginId });
    expect(start(sim, 'nodevice')).toMatchObject({ step: 'securityCode', enrolment: null });
  });

  it('five wrong codes stop the enrolment, not the session, and count no failed login', () => {
    const sim = demoSim();
    const loginId = start(sim, 'nodevice').loginId!;
    sim.enrolSms({ loginId, number: NUMBER });
    sim.advance(sim.scenario.timing.smsDelay);
    const wrong = latestCode(sim, 'sms-phone') === '000000' ? '111111' : '000000';
    for (let i = 0; i < 4; i++) expect(text(sim.confirmSmsEnrolment({ loginId, code: wrong }).error)).toMatch(/Confirm Code is not valid/);
    const stopped = sim.confirmSmsEnrolment({ loginId, code: wrong });
    expect(stopped).toMatchObject({ step: 'loggedIn', enrolment: null });
    expect(text(stopped.error)).toMatch(/enrolment stopped/);
    expect(sim.getJournal({}).entries.at(-1)).toMatchObject({ type: 'enrolment.stopped', username: 'nodevice', reason: 'too_many_wrong_codes' });
    expect(sim.getWorld().users.find((u) => u.username === 'nodevice')).toMatchObject({ recentFailures: 0, devices: [] });
    sim.advance(2 * MINUTE);
    expect(() => sim.enrolSms({ loginId, number: NUMBER })).toThrow(/no SMS enrolment is open/);
  });
});
