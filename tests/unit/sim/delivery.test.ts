// Each delivery rule of the troubleshooting articles, and the fix that makes the message arrive.
import { describe, expect, it } from 'vitest';
import type { PhoneStatePatch } from '../../../main/api/phone-state.js';
import type { Simulation } from '../../../main/sim/simulation.js';
import { DEMO_PASSWORD, MINUTE, demoScenario, demoSim, latestCode } from '../helpers.js';
import { KEEP, Phone } from '../../../main/sim/phone.js';

const journal = (sim: Simulation) => sim.getJournal({}).entries;
const last = (sim: Simulation, type: string) => journal(sim).filter((e) => e.type === type).at(-1);
const smsCount = (sim: Simulation) => sim.getPhone({ phoneId: 'sms-phone' }).messages.length;

function smsWith(patch: PhoneStatePatch) {
  const sim = demoSim();
  sim.setPhoneState({ phoneId: 'sms-phone', patch });
  const loginId = sim.submitCredentials({ username: 'smsuser', password: DEMO_PASSWORD, mode: 'live' }).loginId!;
  sim.advance(3_000);
  return { sim, loginId };
}

function pushWith(patch: PhoneStatePatch, username = 'ibkeyios', phoneId = 'ios-phone') {
  const sim = demoSim();
  sim.setPhoneState({ phoneId, patch });
  const loginId = sim.submitCredentials({ username, password: DEMO_PASSWORD, mode: 'live' }).loginId!;
  sim.advance(1_000);
  const pending = () => sim.getPhone({ phoneId }).app.pendingApprovals.length;
  return { sim, loginId, pending };
}

describe('SMS delivery rules', () => {
  it.each([
    [{ poweredOn: false }, 'phone_off', { poweredOn: true }],
    [{ airplane: true }, 'airplane_mode', { airplane: false }],
    [{ signal: 0 }, 'no_signal', { signal: 3 }],
  ] as const)('%o holds the SMS (%s) until fixed', (fault, reason, fix) => {
    const { sim } = smsWith(fault);
    expect(smsCount(sim)).toBe(0);
    expect(last(sim, 'sms.held')).toMatchObject({ reason });
    sim.setPhoneState({ phoneId: 'sms-phone', patch: fix });
    expect(smsCount(sim)).toBe(1);
  });

  it('a stuck phone gets its SMS once restarted', () => {
    const { sim } = smsWith({ smsStuck: true });
    expect(last(sim, 'sms.held')).toMatchObject({ reason: 'sms_stuck' });
    sim.advance(MINUTE);
    expect(smsCount(sim)).toBe(0);
    sim.restartPhone({ phoneId: 'sms-phone' });
    expect(smsCount(sim)).toBe(1);
  });

  it('the carrier blocking the sender loses the SMS; the voice callback still works', () => {
    const { sim, loginId } = smsWith({ carrierBlocking: true });
    expect(smsCount(sim)).toBe(0);
    expect(last(sim, 'sms.suppressed')).toMatchObject({ reason: 'carrier_blocked' });
    sim.advance(2 * MINUTE);
    sim.requestNewCode({ loginId, channel: 'voice' });
    sim.advance(30_000);
    expect(sim.getPhone({ phoneId: 'sms-phone' }).calls[0]?.state).toBe('ringing');
  });

  it('roaming outside coverage loses some messages, not all', () => {
    const sim = demoSim();
    sim.setPhoneState({ phoneId: 'sms-phone', patch: { roaming: true, outsideCoverage: true } });
    for (let i = 0; i < 20; i++) {
      sim.submitCredentials({ username: 'smsuser', password: DEMO_PASSWORD, mode: 'live' });
      sim.advance(3_000);
    }
    const lost = journal(sim).filter((e) => e.type === 'sms.suppressed' && e.reason === 'roaming_lost').length;
    expect(lost).toBeGreaterThan(2);
    expect(lost).toBeLessThan(18);
    expect(smsCount(sim)).toBe(20 - lost);
  });

  it('a carrier delay makes the SMS arrive minutes late', () => {
    const { sim } = smsWith({ smsDelayMs: 4 * MINUTE });
    expect(last(sim, 'sms.delayed')).toMatchObject({ byMs: 4 * MINUTE });
    sim.advance(4 * MINUTE - 1);
    expect(smsCount(sim)).toBe(0);
    sim.advance(1);
    expect(smsCount(sim)).toBe(1);
  });

  it('do-not-disturb silences the SMS banner but the message is there', () => {
    const { sim } = smsWith({ doNotDisturb: true });
    const phone = sim.getPhone({ phoneId: 'sms-phone' });
    expect(phone.messages).toHaveLength(1);
    expect(phone.notifications[0]!.silenced).toBe(true);
    expect(latestCode(sim)).toMatch(/^\d{6}$/);
  });
});

describe('push delivery rules', () => {
  it.each([
    [{ wifi: false, mobileData: false }, 'no_internet', { wifi: true }],
    [{ airplane: true }, 'airplane_mode', { airplane: false }],
    [{ poweredOn: false }, 'phone_off', { poweredOn: true }],
    [{ lowPower: true }, 'low_power_held', { lowPower: false }],
  ] as const)('%o holds the push (%s) until fixed', (fault, reason, fix) => {
    const { sim, pending } = pushWith(fault);
    expect(pending()).toBe(0);
    expect(last(sim, 'push.held')).toMatchObject({ reason });
    sim.setPhoneState({ phoneId: 'ios-phone', patch: fix });
    expect(pending()).toBe(1);
  });

  it.each([
    [{ poorConnection: true }, 'poor_connection'],
    [{ appNotifications: false }, 'notifications_disabled'],
    [{ jailbroken: true }, 'jailbroken'],
    [{ appOutOfSync: true }, 'out_of_sync'],
  ] as const)('%o loses the push (%s); challenge/response remains', (fault, reason) => {
    const { sim, loginId, pending } = pushWith(fault);
    expect(pending()).toBe(0);
    expect(last(sim, 'push.suppressed')).toMatchObject({ reason });
    expect(sim.requestChallenge({ loginId }).step).toBe('challenge');
  });

  it('do-not-disturb and focus modes silence the notification, which stays in the list', () => {
    for (const patch of [{ doNotDisturb: true }, { focus: 'Work' as const }]) {
      const { sim, pending } = pushWith(patch);
      const phone = sim.getPhone({ phoneId: 'ios-phone' });
      expect(phone.notifications[0]).toMatchObject({ silenced: true, title: 'Login request' });
      expect(pending()).toBe(1);
    }
    const allowed = pushWith({ focus: 'Work', focusAllowedIn: ['Work'] });
    expect(allowed.sim.getPhone({ phoneId: 'ios-phone' }).notifications[0]!.silenced).toBe(false);
  });

  it('Seamless Authentication off: no push is sent', () => {
    const sim = demoSim();
    sim.setSeamless({ username: 'ibkeyios', enabled: false });
    sim.submitCredentials({ username: 'ibkeyios', password: DEMO_PASSWORD, mode: 'live' });
    sim.advance(1_000);
    expect(last(sim, 'push.suppressed')).toMatchObject({ reason: 'seamless_disabled' });
    expect(journal(sim).some((e) => e.type === 'push.sent')).toBe(false);
  });

  it('Android in China without Google services gets no push', () => {
    const { sim } = pushWith({ googleServices: false }, 'ibkeyandroid', 'android-phone');
    expect(last(sim, 'push.suppressed')).toMatchObject({ reason: 'google_services_blocked' });
  });

  it('a rooted phone refuses IB Key challenge/response too', () => {
    const { sim, loginId } = pushWith({ jailbroken: true }, 'ibkeyandroid', 'android-phone');
    const { challenge } = sim.requestChallenge({ loginId });
    expect(sim.generateResponse({ phoneId: 'android-phone', challenge: challenge!, method: 'pin', pin: '1357' })).toMatchObject({ ok: false, response: null });
  });

  it('out of sync: one challenge/response login re-syncs, and pushes arrive again', () => {
    const { sim, loginId } = pushWith({ appOutOfSync: true });
    const { challenge } = sim.requestChallenge({ loginId });
    const { response } = sim.generateResponse({ phoneId: 'ios-phone', challenge: challenge!, method: 'faceid' });
    expect(sim.submitResponse({ loginId, response: response! }).step).toBe('loggedIn');
    expect(last(sim, 'app.resynced')).toMatchObject({ phoneId: 'ios-phone' });
    sim.submitCredentials({ username: 'ibkeyios', password: DEMO_PASSWORD, mode: 'live' });
    sim.advance(1_000);
    expect(sim.getPhone({ phoneId: 'ios-phone' }).app.pendingApprovals).toHaveLength(1);
  });

  it("clearing the Android app's data deactivates IB Key", () => {
    const sim = demoSim();
    sim.clearAppData({ phoneId: 'android-phone' });
    expect(sim.getPhone({ phoneId: 'android-phone' }).app.ibkeyUser).toBeNull();
    sim.submitCredentials({ username: 'ibkeyandroid', password: DEMO_PASSWORD, mode: 'live' });
    sim.advance(1_000);
    expect(last(sim, 'push.suppressed')).toMatchObject({ reason: 'ibkey_not_active' });
    expect(() => sim.clearAppData({ phoneId: 'ios-phone' })).toThrow(/Android/);
  });
});

describe('setPhoneState', () => {
  it('changes only the fields it names', () => {
    const sim = demoSim();
    sim.setPhoneState({ phoneId: 'sms-phone', patch: { doNotDisturb: true, battery: 15 } });
    const status = sim.setPhoneState({ phoneId: 'sms-phone', patch: { airplane: true } }).status;
    expect(status).toMatchObject({ doNotDisturb: true, battery: 15, airplane: true, wifi: true });
    expect(last(sim, 'phone.changed')).toMatchObject({ changes: { airplane: true } });
  });
});

describe('getReasons', () => {
  it('explains every reason in plain words with the article step that fixes it', () => {
    const reasons = demoSim().getReasons({});
    const carrier = reasons.find((r) => r.reason === 'carrier_blocked');
    expect(carrier).toMatchObject({ article: 'I am not receiving text messages (SMS) from IBKR on my mobile phone', step: '4. Check whether your phone carrier is blocking the SMS from IBKR' });
    for (const r of reasons) {
      expect(r.text, r.reason).toMatch(/\.$/);
      expect(r.fix.length, r.reason).toBeGreaterThan(10);
      expect(r.step.length, r.reason).toBeGreaterThan(3);
    }
    expect(new Set(reasons.map((r) => r.reason)).size).toBe(reasons.length);
  });
});

describe('a long run', () => {
  it('keeps the newest 100 messages and notifications on a phone, and every call in progress', () => {
    const spec = demoScenario().phones.find((p) => p.id === 'sms-phone')!;
    const phone = new Phone(spec, 'seed');
    for (let i = 0; i < 150; i++) phone.receiveSms('IBKR', `message ${i}`, i);
    expect(phone.messages).toHaveLength(KEEP);
    expect(phone.messages[0]!.text).toBe('message 50');
    expect(phone.messages.at(-1)!.text).toBe('message 149');
    expect(phone.notifications).toHaveLength(KEEP);
    for (let i = 0; i < 120; i++) phone.ring(`c${i}`, 'IBKR', { text: 'code', tag: 'en-US' }, i);
    // None has ended: none may be dropped.
    expect(phone.calls).toHaveLength(120);
  });
});
