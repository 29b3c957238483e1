// IB Key's activation in the app: migration (iOS, Android, through a physical device's challenge),
// first activation, reactivation after Clear data and after a reinstall, and the token's rules.
// The demo's ibkeyios and ibkeyandroid each have a new phone with no IB Key yet: new-iphone, new-android.
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, MINUTE, demoSim, text } from '../helpers.js';
import type { Simulation } from '../../../main/sim/simulation.js';
import { appPinProblems } from '../../../main/api/vocabulary.js';
import { activationTokenIn } from '../../../main/sim/world-text.js';


/** The Activation Token of the newest SMS on a phone, as its owner reads it. */
function tokenOn(sim: Simulation, phoneId: string): string {
  sim.advance(sim.scenario.timing.smsDelay);
  const last = sim.getPhone({ phoneId }).messages.at(-1);
  const token = last && activationTokenIn(last.text);
  if (!token) throw new Error(`no Activation Token on ${phoneId}: ${last?.text}`);
  return token;
}

function login(sim: Simulation, username: string): string {
  const view = sim.submitCredentials({ username, password: DEMO_PASSWORD, mode: 'live' });
  return view.loginId!;
}

function types(sim: Simulation): string[] {
  return sim.getJournal({}).entries.map((e) => e.type);
}

describe('the app PIN rules (migration article: alphanumeric, 4 to 6 characters, at least one number)', () => {
  it.each(['a1b2', '1234', 'abc12z'])('accepts %s', (pin) => {
    expect(appPinProblems(pin)).toEqual([]);
  });
  it.each([
    ['abc', ['too_short', 'no_number']],
    ['abcd', ['no_number']],
    ['1234567', ['too_long']],
    ['ab-12', ['not_alphanumeric']],
  ])('refuses %s, saying why', (pin, problems) => {
    expect(appPinProblems(pin)).toEqual(problems);
  });

  it('the server refuses the same PINs, and a Repeat PIN that differs', () => {
    const sim = demoSim();
    sim.startIbKeyActivation({ phoneId: 'new-android', username: 'ibkeyandroid', password: DEMO_PASSWORD, purpose: 'migrate' });
    const token = tokenOn(sim, 'android-phone');
    expect(sim.submitActivationToken({ phoneId: 'new-android', token }).activation).toMatchObject({ step: 'pin' });
    for (const pin of ['abc', 'abcd', '1234567', 'ab-12']) {
      const answer = sim.setActivationPin({ phoneId: 'new-android', pin, repeat: pin });
      expect(answer.activation).toMatchObject({ step: 'pin', error: { code: 'pin_rule' } });
    }
    expect(text(sim.setActivationPin({ phoneId: 'new-android', pin: 'ab-12', repeat: 'ab-12' }).activation!.error)).toMatch(/alphanumeric/);
    expect(sim.setActivationPin({ phoneId: 'new-android', pin: 'a1b2', repeat: 'a1b3' }).activation).toMatchObject({ step: 'pin', error: { code: 'pin_mismatch' } });
    expect(sim.setActivationPin({ phoneId: 'new-android', pin: 'a1b2', repeat: 'a1b2' }).activation).toMatchObject({ step: 'done', error: null });
  });
});

describe('Migrate IB Key', () => {
  it('iOS: the token by SMS to the number on record moves IB Key; the old phone can no longer approve or authenticate', () => {
    const sim = demoSim();
    // A login waiting on the old phone when IB Key moves.
    const waiting = login(sim, 'ibkeyios');
    sim.advance(1_000);
    const started = sim.startIbKeyActivation({ phoneId: 'new-iphone', username: 'ibkeyios', password: DEMO_PASSWORD, purpose: 'migrate' });
    expect(started.error).toBeNull();
    expect(started.activation).toMatchObject({ purpose: 'migrate', step: 'token', via: 'sms', number: '***-***-0187', fromModel: 'iPhone 15 Pro', asksOwner: false });
    expect(text(started.activation!.notice)).toContain('Activation Token');
    // The SMS goes to the original number (the old phone's here: the user holds both).
    const token = tokenOn(sim, 'ios-phone');
    const done = sim.submitActivationToken({ phoneId: 'new-iphone', token });
    expect(done.activation).toMatchObject({ step: 'done', error: null });
    expect(sim.getWorld({}).phones.find((p) => p.id === 'new-iphone')!.ibkeyUser).toBe('ibkeyios');
    expect(sim.getWorld({}).phones.find((p) => p.id === 'ios-phone')!.ibkeyUser).toBeNull();
    expect(sim.getPhone({ phoneId: 'ios-phone' }).app.migratedAway).toBe(true);
    expect(types(sim)).toEqual(expect.arrayContaining(['activation.started', 'activation.token_sent', 'activation.token_accepted', 'app.ibkey_removed', 'activation.completed']));

    // The old phone's approval of the waiting login, and its Authenticate, say IB Key moved.
    expect(sim.approvePush({ phoneId: 'ios-phone', loginId: waiting, method: 'faceid' })).toMatchObject({ ok: false, message: { code: 'ibkey_migrated' } });
    expect(sim.generateResponse({ phoneId: 'ios-phone', challenge: '123456', method: 'faceid' })).toMatchObject({ ok: false, message: { code: 'ibkey_migrated' } });

    // The next login's push goes to the new phone, which approves it.
    const next = login(sim, 'ibkeyios');
    sim.advance(1_000);
    expect(sim.getPhone({ phoneId: 'ios-phone' }).app.pendingApprovals.map((p) => p.loginId)).not.toContain(next);
    expect(sim.getPhone({ phoneId: 'new-iphone' }).app.pendingApprovals).toMatchObject([{ loginId: next }]);
    expect(sim.approvePush({ phoneId: 'new-iphone', loginId: next, method: 'faceid' })).toMatchObject({ ok: true });
    expect(sim.getLogin({ loginId: next }).step).toBe('loggedIn');
  });

  it('Android: SMS Code → Verify → PIN → Activate; the chosen PIN approves and goes into the responses', () => {
    const sim = demoSim();
    sim.startIbKeyActivation({ phoneId: 'new-android', username: 'ibkeyandroid', password: DEMO_PASSWORD, purpose: 'migrate' });
    const token = tokenOn(sim, 'android-phone');
    sim.submitActivationToken({ phoneId: 'new-android', token });
    expect(sim.setActivationPin({ phoneId: 'new-android', pin: 'abc12z', repeat: 'abc12z' }).activation!.step).toBe('done');
    // The old PIN on the old phone: IB Key is gone from it.
    expect(sim.generateResponse({ phoneId: 'android-phone', challenge: '123456', method: 'pin', pin: '1357' })).toMatchObject({ ok: false, message: { code: 'ibkey_migrated' } });
    const loginId = login(sim, 'ibkeyandroid');
    sim.advance(1_000);
    expect(sim.approvePush({ phoneId: 'new-android', loginId, method: 'pin', pin: '1357' })).toMatchObject({ ok: false, message: { code: 'wrong_pin' } });
    // Challenge/response with the new key and the new PIN.
    const challenge = sim.requestChallenge({ loginId }).challenge!;
    const answer = sim.generateResponse({ phoneId: 'new-android', challenge, method: 'pin', pin: 'abc12z' });
    expect(answer.ok).toBe(true);
    expect(sim.submitResponse({ loginId, response: answer.response! }).step).toBe('loggedIn');
  });

  it('through the physical device: the token is the Digital Security Card+ response to a challenge, and no SMS is sent', () => {
    const sim = demoSim();
    const before = sim.getPhone({ phoneId: 'multi-phone' }).messages.length;
    const started = sim.startIbKeyActivation({ phoneId: 'new-iphone', username: 'multidevice', password: DEMO_PASSWORD, purpose: 'migrate' });
    expect(started.activation).toMatchObject({ via: 'dscplus', serial: 'SNA-31478259', number: null });
    expect(text(started.activation!.notice)).toMatch(/physical security device/);
    const challenge = started.activation!.challenge!;
    expect(challenge).toMatch(/^\d{6}$/);
    // The person at the fob: button, PIN, challenge; the display shows the response.
    sim.fobPress({ serial: 'SNA-31478259' });
    sim.fobEnter({ serial: 'SNA-31478259', digits: '2468' });
    const response = sim.fobEnter({ serial: 'SNA-31478259', digits: challenge }).display;
    sim.advance(MINUTE);
    expect(sim.getPhone({ phoneId: 'multi-phone' }).messages.length).toBe(before);
    expect(sim.submitActivationToken({ phoneId: 'new-iphone', token: '00000000' }).activation).toMatchObject({ step: 'token', error: { code: 'activation_token_wrong' } });
    expect(sim.submitActivationToken({ phoneId: 'new-iphone', token: response }).activation).toMatchObject({ step: 'done' });
    expect(sim.getWorld({}).users.find((u) => u.username === 'multidevice')!.devices.find((d) => d.kind === 'ibkey')!.phoneId).toBe('new-iphone');
  });

  it('needs IB Key active on another phone, and the right password (counted toward the lockout)', () => {
    const sim = demoSim();
    expect(sim.startIbKeyActivation({ phoneId: 'new-iphone', username: 'smsuser', password: DEMO_PASSWORD, purpose: 'migrate' })).toMatchObject({ activation: null, error: { code: 'activation_nothing_to_migrate' } });
    expect(sim.startIbKeyActivation({ phoneId: 'new-iphone', username: 'ibkeyios', password: 'wrong', purpose: 'migrate' })).toMatchObject({ activation: null, error: { code: 'invalid_credentials' } });
    expect(sim.getWorld({}).users.find((u) => u.username === 'ibkeyios')!.recentFailures).toBe(1);
    // Activating where IB Key is active elsewhere says to migrate.
    expect(sim.startIbKeyActivation({ phoneId: 'new-iphone', username: 'ibkeyios', password: DEMO_PASSWORD, purpose: 'activate' })).toMatchObject({ error: { code: 'activation_other_phone', params: { model: 'iPhone 15 Pro' } } });
  });
});

describe('the Activation Token follows the security code rules', () => {
  it('expires, is replaced by a new one no sooner than the resend interval, and too many wrong ones stop the activation', () => {
    const sim = demoSim();
    sim.startIbKeyActivation({ phoneId: 'new-iphone', username: 'ibkeyios', password: DEMO_PASSWORD, purpose: 'migrate' });
    const first = tokenOn(sim, 'ios-phone');
    expect(sim.resendActivationToken({ phoneId: 'new-iphone' }).activation).toMatchObject({ error: { code: 'resend_wait' } });
    sim.advance(sim.scenario.timing.codeLifetime);
    expect(sim.submitActivationToken({ phoneId: 'new-iphone', token: first }).activation).toMatchObject({ step: 'token', error: { code: 'activation_token_expired' } });
    expect(sim.resendActivationToken({ phoneId: 'new-iphone' }).activation!.error).toBeNull();
    const second = tokenOn(sim, 'ios-phone');
    expect(second).not.toBe(first);
    // The replaced token no longer works; the maximum of wrong answers ends the activation.
    expect(sim.submitActivationToken({ phoneId: 'new-iphone', token: first }).activation!.error).toMatchObject({ code: 'activation_token_wrong' });
    // Two wrong so far (the expired one, the replaced one).
    for (let i = 3; i < sim.scenario.timing.maxWrongCodes; i++) sim.submitActivationToken({ phoneId: 'new-iphone', token: '000000' });
    expect(sim.submitActivationToken({ phoneId: 'new-iphone', token: '000000' }).activation).toMatchObject({ step: 'stopped', error: { code: 'activation_stopped' } });
    expect(() => sim.submitActivationToken({ phoneId: 'new-iphone', token: second })).toThrow(/stopped/);
  });

  it('is single use: a second activation needs a token of its own', () => {
    const sim = demoSim();
    sim.startIbKeyActivation({ phoneId: 'new-iphone', username: 'ibkeyios', password: DEMO_PASSWORD, purpose: 'migrate' });
    const token = tokenOn(sim, 'ios-phone');
    sim.submitActivationToken({ phoneId: 'new-iphone', token });
    // Back to the first phone: another migration, the old token refused.
    sim.startIbKeyActivation({ phoneId: 'ios-phone', username: 'ibkeyios', password: DEMO_PASSWORD, purpose: 'migrate' });
    expect(sim.submitActivationToken({ phoneId: 'ios-phone', token }).activation!.error).toMatchObject({ code: 'activation_token_wrong' });
  });
});

describe('first activation and reactivation', () => {
  it('activates IB Key for an SMS user with an SMS to the verified number; the next login is a push', () => {
    const sim = demoSim();
    const started = sim.startIbKeyActivation({ phoneId: 'sms-phone', username: 'smsuser', password: DEMO_PASSWORD, purpose: 'activate' });
    expect(started.activation).toMatchObject({ purpose: 'activate', number: '***-***-0142' });
    sim.submitActivationToken({ phoneId: 'sms-phone', token: tokenOn(sim, 'sms-phone') });
    const loginId = login(sim, 'smsuser');
    expect(sim.getLogin({ loginId }).step).toBe('push');
    sim.advance(1_000);
    expect(sim.approvePush({ phoneId: 'sms-phone', loginId, method: 'faceid' }).ok).toBe(true);
  });

  it('refuses without a verified number or a physical device', () => {
    const sim = demoSim();
    expect(sim.startIbKeyActivation({ phoneId: 'new-iphone', username: 'nodevice', password: DEMO_PASSWORD, purpose: 'activate' }).error).toMatchObject({ code: 'activation_no_number' });
  });

  it('after Clear data (Android): the app PIN set before and the SMS bring IB Key back, and the cleared app is out of its stuck states', () => {
    const sim = demoSim();
    sim.setPhoneState({ phoneId: 'android-phone', patch: { appOutOfSync: true } });
    sim.clearAppData({ phoneId: 'android-phone' });
    expect(sim.getPhone({ phoneId: 'android-phone' }).status.appOutOfSync).toBe(false);
    const started = sim.startIbKeyActivation({ phoneId: 'android-phone', username: 'ibkeyandroid', password: DEMO_PASSWORD, purpose: 'activate' });
    expect(started.activation).toMatchObject({ purpose: 'reactivate', asksCurrentPin: true, asksOwner: false });
    const token = tokenOn(sim, 'android-phone');
    expect(sim.submitActivationToken({ phoneId: 'android-phone', token, pin: '2468' }).activation!.error).toMatchObject({ code: 'wrong_pin' });
    expect(sim.submitActivationToken({ phoneId: 'android-phone', token, pin: '1357' }).activation!.step).toBe('done');
    const loginId = login(sim, 'ibkeyandroid');
    sim.advance(1_000);
    expect(sim.approvePush({ phoneId: 'android-phone', loginId, method: 'pin', pin: '1357' }).ok).toBe(true);
  });

  it("after a reinstall (iOS): the phone's biometric or passcode and the SMS bring IB Key back", () => {
    const sim = demoSim();
    sim.uninstallApp({ phoneId: 'ios-phone' });
    expect(sim.getPhone({ phoneId: 'ios-phone' }).app).toMatchObject({ installed: false, ibkeyUser: null });
    expect(sim.startIbKeyActivation({ phoneId: 'ios-phone', username: 'ibkeyios', password: DEMO_PASSWORD, purpose: 'activate' }).error).toMatchObject({ code: 'app_not_installed' });
    sim.installApp({ phoneId: 'ios-phone' });
    const started = sim.startIbKeyActivation({ phoneId: 'ios-phone', username: 'ibkeyios', password: DEMO_PASSWORD, purpose: 'activate' });
    expect(started.activation).toMatchObject({ purpose: 'reactivate', asksOwner: true });
    const token = tokenOn(sim, 'ios-phone');
    expect(sim.submitActivationToken({ phoneId: 'ios-phone', token }).activation!.error).toMatchObject({ code: 'authentication_not_completed' });
    expect(sim.submitActivationToken({ phoneId: 'ios-phone', token, method: 'touchid' }).activation!.error).toMatchObject({ code: 'authentication_not_completed' });
    expect(sim.submitActivationToken({ phoneId: 'ios-phone', token, method: 'faceid' }).activation!.step).toBe('done');
    const loginId = login(sim, 'ibkeyios');
    sim.advance(1_000);
    expect(sim.approvePush({ phoneId: 'ios-phone', loginId, method: 'faceid' }).ok).toBe(true);
  });
});
