import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, MINUTE, demoSim, text } from '../helpers.js';
import type { Simulation } from '../../../main/sim/simulation.js';
import { ibKeyDeviceKey } from '../../../main/sim/mobile-app.js';
import { ibKeyResponse } from '../../../main/sim/otp/index.js';

function startIbKey(sim: Simulation, username = 'ibkeyios') {
  const view = sim.submitCredentials({ username, password: DEMO_PASSWORD, mode: 'live' });
  expect(view.step).toBe('push');
  return view.loginId!;
}

describe('IB Key push approval', () => {
  it('sends a notification to the phone holding IB Key, approved with Face ID', () => {
    const sim = demoSim();
    const loginId = startIbKey(sim);
    expect(text(sim.getLogin({ loginId }).notice)).toContain('iPhone 15 Pro');
    sim.advance(1_000);
    const phone = sim.getPhone({ phoneId: 'ios-phone' });
    expect(phone.notifications).toMatchObject([{ app: 'IBKR Mobile', title: 'Login request', source: { kind: 'push', loginId } }]);
    expect(phone.app.pendingApprovals).toMatchObject([{ loginId, username: 'ibkeyios' }]);
    expect(sim.approvePush({ phoneId: 'ios-phone', loginId, method: 'faceid' })).toMatchObject({ ok: true });
    expect(sim.getLogin({ loginId }).step).toBe('loggedIn');
    expect(sim.getPhone({ phoneId: 'ios-phone' }).notifications).toEqual([]);
  });

  it('on Android asks the PIN, and refuses a wrong one', () => {
    const sim = demoSim();
    const loginId = startIbKey(sim, 'ibkeyandroid');
    sim.advance(1_000);
    expect(sim.approvePush({ phoneId: 'android-phone', loginId, method: 'pin', pin: '9999' })).toMatchObject({ ok: false, message: { code: 'wrong_pin' } });
    expect(sim.getLogin({ loginId }).step).toBe('push');
    expect(sim.approvePush({ phoneId: 'android-phone', loginId, method: 'faceid' })).toMatchObject({ ok: false });
    expect(sim.approvePush({ phoneId: 'android-phone', loginId, method: 'pin', pin: '1357' })).toMatchObject({ ok: true });
    expect(sim.getLogin({ loginId }).step).toBe('loggedIn');
  });

  it('refuses an approval after 3:00 and offers the challenge/response path', () => {
    const sim = demoSim();
    const loginId = startIbKey(sim);
    sim.advance(3 * MINUTE - 1);
    expect(sim.getLogin({ loginId }).step).toBe('push');
    sim.advance(1);
    const view = sim.getLogin({ loginId });
    expect(view.step).toBe('challenge');
    expect(view.challenge).toMatch(/^\d{6}$/);
    expect(text(view.notice)).toMatch(/not approved in time/);
    expect(sim.approvePush({ phoneId: 'ios-phone', loginId, method: 'faceid' })).toMatchObject({ ok: false, message: { code: 'approval_expired_use_challenge' } });
    expect(sim.getLogin({ loginId }).step).toBe('challenge');
    expect(sim.getJournal({}).entries.map((e) => e.type)).toEqual(expect.arrayContaining(['push.expired', 'push.refused']));
  });

  it('binds an approval to the login session that asked for it', () => {
    const sim = demoSim();
    const first = startIbKey(sim);
    const second = startIbKey(sim);
    sim.advance(1_000);
    // Approving the second request leaves the first waiting; the approval cannot be moved.
    expect(sim.approvePush({ phoneId: 'ios-phone', loginId: second, method: 'faceid' }).ok).toBe(true);
    expect(sim.getLogin({ loginId: first }).step).toBe('push');
    expect(sim.approvePush({ phoneId: 'ios-phone', loginId: second, method: 'faceid' }).ok).toBe(false);
    // Another phone cannot approve it, even one with the app.
    expect(sim.approvePush({ phoneId: 'trade-ipad', loginId: first, method: 'faceid' }).ok).toBe(false);
    expect(sim.getLogin({ loginId: first }).step).toBe('push');
  });
});

describe('IB Key challenge/response', () => {
  it('logs in with the response the phone generates for the challenge', () => {
    const sim = demoSim();
    const loginId = startIbKey(sim);
    const view = sim.requestChallenge({ loginId });
    expect(view.step).toBe('challenge');
    const app = sim.generateResponse({ phoneId: 'ios-phone', challenge: view.challenge!, method: 'faceid' });
    expect(app.response).toMatch(/^\d{8}$/);
    expect(sim.submitResponse({ loginId, response: app.response! }).step).toBe('loggedIn');
  });

  it('on Android the PIN is bound into the response: a wrong PIN gives a refused response', () => {
    const sim = demoSim();
    const loginId = startIbKey(sim, 'ibkeyandroid');
    const { challenge } = sim.requestChallenge({ loginId });
    // The app checks the PIN first (and counts wrong ones): no response for a wrong PIN.
    expect(sim.generateResponse({ phoneId: 'android-phone', challenge: challenge!, method: 'pin', pin: '2468' })).toMatchObject({ ok: false, response: null, message: { code: 'wrong_pin' } });
    // What OCRA gives for the wrong PIN (as a tampered app would send) is refused by the server.
    const key = ibKeyDeviceKey(sim.scenario.seed, 'ibkeyandroid', 'ibkey');
    const wrongPin = ibKeyResponse({ key, pin: '2468', challenge: challenge! });
    expect(sim.submitResponse({ loginId, response: wrongPin })).toMatchObject({ step: 'challenge', error: { code: 'login_failed' } });
    const right = sim.generateResponse({ phoneId: 'android-phone', challenge: challenge!, method: 'pin', pin: '1357' });
    expect(right.response).toBe(ibKeyResponse({ key, pin: '1357', challenge: challenge! }));
    expect(right.response).not.toBe(wrongPin);
    expect(sim.submitResponse({ loginId, response: right.response! }).step).toBe('loggedIn');
  });

  it('a challenge is single use: its response does not log in another session', () => {
    const sim = demoSim();
    const first = startIbKey(sim);
    const { challenge } = sim.requestChallenge({ loginId: first });
    const { response } = sim.generateResponse({ phoneId: 'ios-phone', challenge: challenge!, method: 'faceid' });
    expect(sim.submitResponse({ loginId: first, response: response! }).step).toBe('loggedIn');
    const second = startIbKey(sim);
    const next = sim.requestChallenge({ loginId: second });
    expect(next.challenge).not.toBe(challenge);
    expect(text(sim.submitResponse({ loginId: second, response: response! }).error)).toBe('Login failed');
  });

  it('5 wrong responses end the attempt and count as a failed login', () => {
    const sim = demoSim();
    const loginId = startIbKey(sim);
    sim.requestChallenge({ loginId });
    for (let i = 0; i < 4; i++) expect(sim.submitResponse({ loginId, response: '12345678' }).step).toBe('challenge');
    const last = sim.submitResponse({ loginId, response: 'abc' });
    expect(last).toMatchObject({ step: 'failed', error: { code: 'login_failed' } });
    expect(sim.getWorld({}).users.find((u) => u.username === 'ibkeyios')!.recentFailures).toBe(1);
  });

  it('the phone refuses a malformed challenge, and a phone without IB Key refuses to compute', () => {
    const sim = demoSim();
    expect(sim.generateResponse({ phoneId: 'ios-phone', challenge: '12345', method: 'faceid' })).toMatchObject({ ok: false, response: null });
    expect(sim.generateResponse({ phoneId: 'trade-ipad', challenge: '123456', method: 'faceid' })).toMatchObject({
      ok: false,
      message: { code: 'ibkey_not_active' },
    });
  });

  it('IB Key on another phone: the trading device logs in, the authentication device answers', () => {
    const sim = demoSim();
    const view = sim.submitCredentials({ username: 'ibkeyios', password: DEMO_PASSWORD, mode: 'live', phoneId: 'trade-ipad' });
    expect(sim.getPhone({ phoneId: 'trade-ipad' }).app.login?.loginId).toBe(view.loginId);
    const { challenge } = sim.requestChallenge({ loginId: view.loginId! });
    const { response } = sim.generateResponse({ phoneId: 'ios-phone', challenge: challenge!, method: 'faceid' });
    expect(sim.submitResponse({ loginId: view.loginId!, response: response! }).step).toBe('loggedIn');
    expect(sim.getPhone({ phoneId: 'trade-ipad' }).app.login?.step).toBe('loggedIn');
  });
});

describe('Select Second Factor Device', () => {
  it('each of multidevice\'s devices leads to its own screen', () => {
    const sim = demoSim();
    const loginId = sim.submitCredentials({ username: 'multidevice', password: DEMO_PASSWORD, mode: 'live' }).loginId!;
    expect(sim.chooseDevice({ loginId, deviceId: 'ibkey' }).step).toBe('push');
    sim.advance(1_000);
    expect(sim.getPhone({ phoneId: 'multi-phone' }).notifications).toHaveLength(1);
    // Going back withdraws the pending notification.
    expect(sim.changeDevice({ loginId }).step).toBe('selectDevice');
    expect(sim.getPhone({ phoneId: 'multi-phone' }).notifications).toHaveLength(0);
    expect(sim.chooseDevice({ loginId, deviceId: 'dsc' })).toMatchObject({ step: 'dscplus', challenge: expect.stringMatching(/^\d{6}$/) });
    sim.changeDevice({ loginId });
    expect(sim.chooseDevice({ loginId, deviceId: 'sms' }).step).toBe('securityCode');
  });
});
