// The simulated server's security rules (README "Security rules"), each on the virtual clock.
import { describe, expect, it } from 'vitest';
import { LoginServer, MAX_OPEN_LOGINS } from '../../../main/sim/login.js';
import type { Simulation } from '../../../main/sim/simulation.js';
import { World } from '../../../main/sim/world.js';
import { DEMO_PASSWORD, MINUTE, demoScenario, demoSim, latestCode, startSmsLogin, text } from '../helpers.js';

const failures = (sim: Simulation, username: string) => sim.getWorld({}).users.find((u) => u.username === username)!.recentFailures;
const lockedUntil = (sim: Simulation, username: string) => sim.getWorld({}).users.find((u) => u.username === username)!.lockedUntil;
const journal = (sim: Simulation) => sim.getJournal({}).entries;
const wrongFor = (code: string) => (code === '000000' ? '111111' : '000000');
/** Locks an account the ordinary way: ten wrong passwords. */
const lockByPasswords = (sim: Simulation, username: string) => {
  for (let i = 0; i < 10; i++) sim.submitCredentials({ username, password: 'wrong', mode: 'live' });
  expect(lockedUntil(sim, username)).not.toBeNull();
};

describe('wrong second-factor answers cannot escape the count', () => {
  it('cancelling after one wrong code counts a failed login, as five wrong codes do', () => {
    const sim = demoSim();
    const loginId = startSmsLogin(sim);
    sim.submitCode({ loginId, code: wrongFor(latestCode(sim)) });
    sim.cancelLogin({ loginId });
    expect(failures(sim, 'smsuser')).toBe(1);
    expect(journal(sim).find((e) => e.type === 'login.failure_counted')).toMatchObject({ loginId, username: 'smsuser', recentFailures: 1 });
    // An attempt counts once, however many wrong answers it had.
    const second = startSmsLogin(sim);
    for (let i = 0; i < 4; i++) sim.submitCode({ loginId: second, code: wrongFor(latestCode(sim)) });
    sim.cancelLogin({ loginId: second });
    expect(failures(sim, 'smsuser')).toBe(2);
  });

  it('guessing four codes per attempt and cancelling locks the account at the tenth attempt', () => {
    const sim = demoSim();
    let guesses = 0;
    for (let attempt = 1; attempt <= 10; attempt++) {
      const loginId = startSmsLogin(sim);
      for (let i = 0; i < 4; i++) {
        guesses++;
        // The tenth attempt's first wrong code locks the account; its next answer fails the attempt.
        if (sim.submitCode({ loginId, code: wrongFor(latestCode(sim)) }).step === 'failed') break;
      }
      expect(failures(sim, 'smsuser') > 0 || lockedUntil(sim, 'smsuser') !== null).toBe(true);
      sim.cancelLogin({ loginId });
      sim.advance(MINUTE);
    }
    expect(guesses).toBe(9 * 4 + 2);
    expect(lockedUntil(sim, 'smsuser')).not.toBeNull();
    expect(sim.submitCredentials({ username: 'smsuser', password: DEMO_PASSWORD, mode: 'live' })).toMatchObject({ loginId: null, error: { code: 'invalid_credentials' } });
  });

  it('attempts left open in parallel count at their first wrong answer: ten lock the account, and none can finish', () => {
    const sim = demoSim();
    const open: { loginId: string; code: string }[] = [];
    for (let i = 0; i < 10; i++) {
      const loginId = startSmsLogin(sim);
      open.push({ loginId, code: latestCode(sim) });
    }
    for (const { loginId, code } of open) sim.submitCode({ loginId, code: wrongFor(code) });
    expect(lockedUntil(sim, 'smsuser')).not.toBeNull();
    // The right code of an attempt opened before the lock: the generic answer, nothing finishes.
    expect(sim.submitCode({ loginId: open[0]!.loginId, code: open[0]!.code })).toMatchObject({ step: 'failed', error: { code: 'login_failed' } });
    expect(journal(sim).filter((e) => e.type === 'login.succeeded')).toEqual([]);
  });

  it('a new login from the same phone abandons the unfinished one, whose wrong answer stays counted', () => {
    const sim = demoSim();
    const first = sim.submitCredentials({ username: 'ibkeyios', password: DEMO_PASSWORD, mode: 'live', phoneId: 'trade-ipad' }).loginId!;
    sim.requestChallenge({ loginId: first });
    sim.submitResponse({ loginId: first, response: '12345678' });
    const second = sim.submitCredentials({ username: 'ibkeyios', password: DEMO_PASSWORD, mode: 'live', phoneId: 'trade-ipad' }).loginId!;
    expect(journal(sim).find((e) => e.type === 'login.abandoned')).toMatchObject({ loginId: first, reason: 'new_login' });
    expect(() => sim.getLogin({ loginId: first })).toThrow(/No login/);
    expect(sim.getPhone({ phoneId: 'trade-ipad' }).app.login?.loginId).toBe(second);
    expect(failures(sim, 'ibkeyios')).toBe(1);
  });

  it('an attempt evicted by too many open logins stays counted, and its push is withdrawn', () => {
    // The login server on its own: the facade would redraw every window for each of the 2000 logins.
    const world = new World(demoScenario());
    const server = new LoginServer(world);
    const sms = server.submitCredentials('smsuser', DEMO_PASSWORD, 'live').loginId!;
    world.clock.advance(3_000);
    const code = world.phones.get('sms-phone')!.messages[0]!.text.match(/\d{6}/)![0];
    server.submitCode(sms, wrongFor(code));
    const push = server.submitCredentials('ibkeyios', DEMO_PASSWORD, 'live').loginId!;
    world.clock.advance(1_000);
    expect(world.phones.get('ios-phone')!.notifications).toHaveLength(1);
    for (let i = 0; i < MAX_OPEN_LOGINS; i++) server.submitCredentials('nodevice', DEMO_PASSWORD, 'live');
    const abandoned = world.journal.since(0).filter((e) => e.type === 'login.abandoned');
    expect(abandoned.map((e) => ('loginId' in e ? e.loginId : ''))).toEqual([sms, push]);
    expect(abandoned[0]).toMatchObject({ reason: 'evicted' });
    expect(world.directory.get('smsuser')!.lockout.recentFailures(world.clock.now())).toBe(1);
    expect(world.phones.get('ios-phone')!.notifications).toEqual([]);
    // The push timer went with it: nothing happens to the evicted login at 3:00.
    world.clock.advance(3 * MINUTE);
    expect(world.journal.since(0).filter((e) => e.type === 'push.expired')).toEqual([]);
  });

  it('an expired code is a wrong answer like any other', () => {
    const sim = demoSim();
    const loginId = startSmsLogin(sim);
    const code = latestCode(sim);
    sim.advance(10 * MINUTE);
    expect(sim.submitCode({ loginId, code })).toMatchObject({ step: 'securityCode', error: { code: 'login_failed' } });
    sim.cancelLogin({ loginId });
    expect(failures(sim, 'smsuser')).toBe(1);
  });

  it('a wrong answer followed by the right one is a complete login: the count is cleared', () => {
    const sim = demoSim();
    const loginId = startSmsLogin(sim);
    const code = latestCode(sim);
    sim.submitCode({ loginId, code: wrongFor(code) });
    expect(failures(sim, 'smsuser')).toBe(1);
    expect(sim.submitCode({ loginId, code }).step).toBe('loggedIn');
    expect(failures(sim, 'smsuser')).toBe(0);
  });
});

describe('a lock applies at once to logins in progress', () => {
  it('a code, right or wrong, for a login whose account locked meanwhile: "Login failed", identically', () => {
    const sim = demoSim();
    const right = startSmsLogin(sim);
    const rightCode = latestCode(sim);
    const wrong = startSmsLogin(sim);
    lockByPasswords(sim, 'smsuser');
    const a = sim.submitCode({ loginId: right, code: rightCode });
    const b = sim.submitCode({ loginId: wrong, code: wrongFor(latestCode(sim)) });
    expect(a).toMatchObject({ step: 'failed', error: { code: 'login_failed' }, notice: null });
    expect({ ...a, loginId: null }).toEqual({ ...b, loginId: null });
    expect(journal(sim).filter((e) => e.type === 'login.failed').map((e) => ('reason' in e ? e.reason : ''))).toEqual(['account_locked', 'account_locked']);
    expect(journal(sim).filter((e) => e.type === 'login.succeeded')).toEqual([]);
  });

  it('a push approved after the account locked is refused with "Login failed"', () => {
    const sim = demoSim();
    const loginId = sim.submitCredentials({ username: 'ibkeyios', password: DEMO_PASSWORD, mode: 'live' }).loginId!;
    sim.advance(1_000);
    lockByPasswords(sim, 'ibkeyios');
    expect(sim.approvePush({ phoneId: 'ios-phone', loginId, method: 'faceid' })).toEqual({ ok: false, response: null, message: { code: 'login_failed', params: {} } });
    expect(journal(sim).filter((e) => e.type === 'push.refused').at(-1)).toMatchObject({ reason: 'account_locked' });
    expect(sim.getLogin({ loginId })).toMatchObject({ step: 'failed', error: { code: 'login_failed' } });
  });

  it('a right response, a paper-warning acceptance and a new-code request finish nothing once locked', () => {
    const sim = demoSim();
    const ibkey = sim.submitCredentials({ username: 'ibkeyios', password: DEMO_PASSWORD, mode: 'live' }).loginId!;
    const { challenge } = sim.requestChallenge({ loginId: ibkey });
    const { response } = sim.generateResponse({ phoneId: 'ios-phone', challenge: challenge!, method: 'faceid' });
    const paper = sim.submitCredentials({ username: 'ibkeyios', password: DEMO_PASSWORD, mode: 'paper' }).loginId!;
    sim.requestChallenge({ loginId: paper });
    const paperChallenge = sim.getLogin({ loginId: paper }).challenge!;
    const paperResponse = sim.generateResponse({ phoneId: 'ios-phone', challenge: paperChallenge, method: 'faceid' }).response!;
    expect(sim.submitResponse({ loginId: paper, response: paperResponse }).step).toBe('paperWarning');
    const sms = startSmsLogin(sim);
    lockByPasswords(sim, 'ibkeyios');
    lockByPasswords(sim, 'smsuser');
    sim.advance(2 * MINUTE);
    expect(sim.submitResponse({ loginId: ibkey, response: response! })).toMatchObject({ step: 'failed', error: { code: 'login_failed' } });
    expect(sim.acceptPaperWarning({ loginId: paper })).toMatchObject({ step: 'failed', error: { code: 'login_failed' } });
    expect(sim.requestNewCode({ loginId: sms, channel: 'sms' })).toMatchObject({ step: 'failed', error: { code: 'login_failed' } });
    expect(sim.getPhone({ phoneId: 'sms-phone' }).messages).toHaveLength(1);
    expect(journal(sim).filter((e) => e.type === 'login.succeeded')).toEqual([]);
  });
});

describe('enrolment required by regulation follows the same rules', () => {
  const HK_NUMBER = '+85251234567';
  it('a wrong confirmation code counts the attempt as a failed login, and a lock fails the enrolment', () => {
    const sim = demoSim();
    const loginId = sim.submitCredentials({ username: 'hkuser', password: DEMO_PASSWORD, mode: 'live' }).loginId!;
    sim.enrolSms({ loginId, number: HK_NUMBER });
    sim.advance(3_000);
    const code = latestCode(sim, 'hk-phone');
    sim.confirmSmsEnrolment({ loginId, code: wrongFor(code) });
    expect(failures(sim, 'hkuser')).toBe(1);
    lockByPasswords(sim, 'hkuser');
    expect(sim.confirmSmsEnrolment({ loginId, code })).toMatchObject({ step: 'failed', error: { code: 'login_failed' } });
    expect(journal(sim).filter((e) => e.type === 'enrolment.completed')).toEqual([]);
  });

  it('a session already logged in (enrolment offered) is not failed by a lock', () => {
    const sim = demoSim();
    const loginId = sim.submitCredentials({ username: 'nodevice', password: DEMO_PASSWORD, mode: 'live' }).loginId!;
    lockByPasswords(sim, 'nodevice');
    expect(sim.getLogin({ loginId }).step).toBe('loggedIn');
    expect(sim.logOut({ loginId })).toMatchObject({ step: 'credentials' });
  });
});

describe('only a push that reached the phone can be approved', () => {
  const start = (sim: Simulation) => sim.submitCredentials({ username: 'ibkeyios', password: DEMO_PASSWORD, mode: 'live' }).loginId!;
  const refusal = (sim: Simulation) => journal(sim).filter((e) => e.type === 'push.refused').at(-1);

  it('not before it arrives', () => {
    const sim = demoSim();
    const loginId = start(sim);
    expect(sim.approvePush({ phoneId: 'ios-phone', loginId, method: 'faceid' })).toMatchObject({ ok: false });
    expect(refusal(sim)).toMatchObject({ reason: 'not_delivered' });
    sim.advance(1_000);
    expect(sim.approvePush({ phoneId: 'ios-phone', loginId, method: 'faceid' }).ok).toBe(true);
  });

  it('never when notifications are not allowed', () => {
    const sim = demoSim();
    sim.setPhoneState({ phoneId: 'ios-phone', patch: { appNotifications: false } });
    const loginId = start(sim);
    sim.advance(MINUTE);
    expect(sim.getPhone({ phoneId: 'ios-phone' }).app.pendingApprovals).toEqual([]);
    expect(sim.approvePush({ phoneId: 'ios-phone', loginId, method: 'faceid' }).ok).toBe(false);
    expect(refusal(sim)).toMatchObject({ reason: 'not_delivered' });
    expect(sim.getLogin({ loginId }).step).toBe('push');
  });

  it('never when Seamless Authentication is off: no push is sent, the login asks for the challenge at once', () => {
    const sim = demoSim();
    sim.setSeamless({ username: 'ibkeyios', enabled: false });
    const { loginId, step } = sim.submitCredentials({ username: 'ibkeyios', password: DEMO_PASSWORD, mode: 'live' });
    expect(step).toBe('challenge');
    sim.advance(MINUTE);
    expect(sim.getPhone({ phoneId: 'ios-phone' }).app.pendingApprovals).toEqual([]);
    expect(sim.approvePush({ phoneId: 'ios-phone', loginId: loginId!, method: 'faceid' }).ok).toBe(false);
    expect(refusal(sim)).toMatchObject({ reason: 'not_pending' });
    expect(sim.getLogin({ loginId: loginId! }).step).toBe('challenge');
  });

  it('a push held in airplane mode becomes approvable when it arrives', () => {
    const sim = demoSim();
    sim.setPhoneState({ phoneId: 'ios-phone', patch: { airplane: true } });
    const loginId = start(sim);
    sim.advance(30_000);
    expect(sim.approvePush({ phoneId: 'ios-phone', loginId, method: 'faceid' }).ok).toBe(false);
    expect(refusal(sim)).toMatchObject({ reason: 'not_delivered' });
    sim.setPhoneState({ phoneId: 'ios-phone', patch: { airplane: false } });
    expect(sim.getPhone({ phoneId: 'ios-phone' }).app.pendingApprovals).toMatchObject([{ loginId }]);
    expect(sim.approvePush({ phoneId: 'ios-phone', loginId, method: 'faceid' }).ok).toBe(true);
    expect(sim.getLogin({ loginId }).step).toBe('loggedIn');
  });

  it('a push silenced by Do Not Disturb is in the notification list, so it can be approved', () => {
    const sim = demoSim();
    sim.setPhoneState({ phoneId: 'ios-phone', patch: { doNotDisturb: true } });
    const loginId = start(sim);
    sim.advance(1_000);
    expect(sim.approvePush({ phoneId: 'ios-phone', loginId, method: 'faceid' }).ok).toBe(true);
  });
});

describe('the resend clock belongs to the login and the number', () => {
  it('choosing SMS again after changing device sends no new SMS within 2 minutes; the code already sent still works', () => {
    const sim = demoSim();
    const loginId = sim.submitCredentials({ username: 'multidevice', password: DEMO_PASSWORD, mode: 'live' }).loginId!;
    const first = sim.chooseDevice({ loginId, deviceId: 'sms' });
    sim.advance(3_000);
    const code = latestCode(sim, 'multi-phone');
    sim.changeDevice({ loginId });
    sim.advance(10_000);
    const again = sim.chooseDevice({ loginId, deviceId: 'sms' });
    sim.advance(3_000);
    expect(sim.getPhone({ phoneId: 'multi-phone' }).messages).toHaveLength(1);
    expect(again.resendAvailableAt).toBe(first.now + 2 * MINUTE);
    expect(text(again.notice)).toMatch(/A new code can be requested in 1:47/);
    expect(journal(sim).filter((e) => e.type === 'resend.refused').at(-1)).toMatchObject({ loginId, retryAfterMs: 107_000 });
    expect(text(sim.requestNewCode({ loginId, channel: 'sms' }).error)).toMatch(/A new code can be requested in/);
    expect(sim.submitCode({ loginId, code }).step).toBe('loggedIn');
  });

  it('after 2 minutes, choosing SMS again sends a new code that replaces the old one', () => {
    const sim = demoSim();
    const loginId = sim.submitCredentials({ username: 'multidevice', password: DEMO_PASSWORD, mode: 'live' }).loginId!;
    sim.chooseDevice({ loginId, deviceId: 'sms' });
    sim.advance(3_000);
    const old = latestCode(sim, 'multi-phone');
    sim.changeDevice({ loginId });
    sim.advance(2 * MINUTE - 3_000);
    sim.chooseDevice({ loginId, deviceId: 'sms' });
    sim.advance(3_000);
    expect(sim.getPhone({ phoneId: 'multi-phone' }).messages).toHaveLength(2);
    const fresh = latestCode(sim, 'multi-phone');
    expect(text(sim.submitCode({ loginId, code: old }).error)).toBe('Login failed');
    expect(sim.submitCode({ loginId, code: fresh }).step).toBe('loggedIn');
  });
});
