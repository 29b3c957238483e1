// The journal in plain words: a sentence for every entry type, reasons, whom entries concern, and JSON Lines.
import { describe, expect, it } from 'vitest';
import type { JournalEntry, JournalEvent } from '../../../main/api/events.js';
import type { WorldView } from '../../../main/api/views.js';
import { toJsonLines } from '../../../main/api/vocabulary.js';
import { describeEntry, elapsedText, EntryOwners, familyOf, namesFrom, reasonOf } from '../../../renderer/lib/journal-format.js';

const phone = (id: string, name: string, number: string, platform: 'ios' | 'android' = 'ios') => ({ id, name, number, platform, model: name, ibkeyUser: null });
const world = {
  phones: [phone('sms-phone', 'iPhone', '+13125550142'), phone('android-phone', 'Pixel 8', '+4915155500923', 'android')],
  users: [
    { username: 'smsuser', region: 'US', devices: [{ id: 'sms', kind: 'sms', label: 'SMS', phoneId: 'sms-phone' }], lockedUntil: null, recentFailures: 0, seamless: true },
    { username: 'ibkeyandroid', region: 'EU', devices: [{ id: 'ibkey', kind: 'ibkey', label: 'IB Key', phoneId: 'android-phone' }], lockedUntil: null, recentFailures: 0, seamless: true },
  ],
  fobs: [{ serial: 'SNA-52903318', owner: 'dscuser' }],
  cards: [],
} as unknown as WorldView;
const names = namesFrom(world);

/** One sample of every entry type: the compiler checks that none is missing. */
const samples: { [T in JournalEvent['type']]: Extract<JournalEvent, { type: T }> } = {
  'scenario.loaded': { type: 'scenario.loaded', name: 'default', seed: 'demo-2026' },
  'login.started': { type: 'login.started', loginId: 'L1', username: 'smsuser', mode: 'live', surface: 'tws' },
  'login.rejected': { type: 'login.rejected', username: 'smsuser', reason: 'wrong_password' },
  'account.locked': { type: 'account.locked', username: 'smsuser', until: 0, failures: 10 },
  'account.unlocked': { type: 'account.unlocked', username: 'smsuser' },
  'password.accepted': { type: 'password.accepted', loginId: 'L1', username: 'smsuser' },
  'device.selected': { type: 'device.selected', loginId: 'L1', deviceId: 'sms', kind: 'sms' },
  'code.issued': { type: 'code.issued', loginId: 'L1', username: 'smsuser', channel: 'sms', expiresAt: 0 },
  'code.accepted': { type: 'code.accepted', loginId: 'L1', username: 'smsuser' },
  'code.rejected': { type: 'code.rejected', loginId: 'L1', username: 'smsuser', reason: 'expired', wrongAttempts: 1 },
  'resend.refused': { type: 'resend.refused', loginId: 'L1', retryAfterMs: 90_000 },
  'sms.sent': { type: 'sms.sent', messageId: 'sms-1', to: '+13125550142', loginId: 'L1' },
  'sms.delivered': { type: 'sms.delivered', messageId: 'sms-1', phoneId: 'sms-phone' },
  'sms.suppressed': { type: 'sms.suppressed', messageId: 'sms-1', to: '+13125550142', reason: 'carrier_blocked' },
  'sms.held': { type: 'sms.held', messageId: 'sms-1', phoneId: 'sms-phone', reason: 'phone_off' },
  'sms.delayed': { type: 'sms.delayed', messageId: 'sms-1', to: '+13125550142', reason: 'carrier_delay', byMs: 120_000 },
  'push.held': { type: 'push.held', loginId: 'L2', phoneId: 'android-phone', reason: 'low_power_held' },
  'push.silenced': { type: 'push.silenced', loginId: 'L2', phoneId: 'android-phone', reason: 'dnd_silenced' },
  'phone.changed': { type: 'phone.changed', phoneId: 'android-phone', changes: { jailbroken: true, signal: 0 } },
  'phone.restarted': { type: 'phone.restarted', phoneId: 'sms-phone' },
  'app.data_cleared': { type: 'app.data_cleared', phoneId: 'android-phone' },
  'phone.added': { type: 'phone.added', phoneId: 'ibkeyios-new-phone', platform: 'ios', model: 'iPhone 16', owner: 'ibkeyios', role: 'newPhone' },
  'phone.add_refused': { type: 'phone.add_refused', phoneId: 'ios-phone', owner: 'ibkeyios', reason: 'duplicate_id' },
  'app.installed': { type: 'app.installed', phoneId: 'android-phone' },
  'app.uninstalled': { type: 'app.uninstalled', phoneId: 'android-phone' },
  'app.ibkey_removed': { type: 'app.ibkey_removed', phoneId: 'ios-phone', username: 'ibkeyios', reason: 'migrated' },
  'activation.started': { type: 'activation.started', activationId: 'A1', phoneId: 'android-phone', username: 'ibkeyios', purpose: 'migrate', via: 'sms' },
  'activation.refused': { type: 'activation.refused', phoneId: 'android-phone', username: 'ibkeyios', reason: 'no_number' },
  'activation.token_sent': { type: 'activation.token_sent', activationId: 'A1', via: 'sms', to: '***-***-0142', expiresAt: 0 },
  'activation.resend_refused': { type: 'activation.resend_refused', activationId: 'A1', retryAfterMs: 60_000 },
  'activation.token_accepted': { type: 'activation.token_accepted', activationId: 'A1' },
  'activation.token_rejected': { type: 'activation.token_rejected', activationId: 'A1', reason: 'wrong', wrongAttempts: 1 },
  'activation.pin_refused': { type: 'activation.pin_refused', activationId: 'A1', reason: 'mismatch' },
  'activation.stopped': { type: 'activation.stopped', activationId: 'A1', reason: 'too_many_wrong_tokens' },
  'activation.completed': { type: 'activation.completed', activationId: 'A1', phoneId: 'android-phone', username: 'ibkeyios', purpose: 'migrate', fromPhone: 'ios-phone' },
  'app.resynced': { type: 'app.resynced', phoneId: 'android-phone', username: 'ibkeyandroid' },
  'user.seamless': { type: 'user.seamless', username: 'ibkeyandroid', enabled: false },
  'locale.changed': { type: 'locale.changed', locale: 'fr' },
  'timeline.fired': { type: 'timeline.fired', index: 0, description: 'airplane mode on' },
  'login.failed': { type: 'login.failed', loginId: 'L1', username: 'smsuser', reason: 'too_many_wrong_codes' },
  'login.failure_counted': { type: 'login.failure_counted', loginId: 'L1', username: 'smsuser', recentFailures: 1 },
  'login.abandoned': { type: 'login.abandoned', loginId: 'L1', username: 'smsuser', reason: 'new_login' },
  'app.pin_rejected': { type: 'app.pin_rejected', phoneId: 'android-phone', wrongPins: 2 },
  'app.ibkey_locked': { type: 'app.ibkey_locked', phoneId: 'android-phone', username: 'ibkeyandroid', wrongPins: 5 },
  'push.sent': { type: 'push.sent', loginId: 'L2', phoneId: 'android-phone', expiresAt: 0 },
  'push.delivered': { type: 'push.delivered', loginId: 'L2', phoneId: 'android-phone', silenced: true },
  'push.suppressed': { type: 'push.suppressed', loginId: 'L2', phoneId: 'android-phone', reason: 'jailbroken' },
  'push.approved': { type: 'push.approved', loginId: 'L2', phoneId: 'android-phone', method: 'pin' },
  'push.refused': { type: 'push.refused', loginId: 'L2', phoneId: 'android-phone', reason: 'wrong_pin' },
  'push.expired': { type: 'push.expired', loginId: 'L2' },
  'challenge.issued': { type: 'challenge.issued', loginId: 'L2', device: 'ibkey' },
  'response.accepted': { type: 'response.accepted', loginId: 'L2', username: 'ibkeyandroid' },
  'response.rejected': { type: 'response.rejected', loginId: 'L2', username: 'ibkeyandroid', reason: 'malformed', wrongAttempts: 1 },
  'passcode.asked': { type: 'passcode.asked', loginId: 'L3', username: 'lostphone', expiresAt: 1_772_640_000_000 },
  'passcode.accepted': { type: 'passcode.accepted', loginId: 'L3', username: 'lostphone' },
  'passcode.rejected': { type: 'passcode.rejected', loginId: 'L3', username: 'lostphone', reason: 'wrong', wrongAttempts: 1 },
  'app.response': { type: 'app.response', phoneId: 'android-phone', ok: false, reason: 'jailbroken' },
  'call.placed': { type: 'call.placed', callId: 'call-1', to: '+13125550142', loginId: 'L1' },
  'call.ringing': { type: 'call.ringing', callId: 'call-1', phoneId: 'sms-phone' },
  'call.suppressed': { type: 'call.suppressed', callId: 'call-1', to: '+13125550142', reason: 'airplane_mode' },
  'call.answered': { type: 'call.answered', callId: 'call-1', phoneId: 'sms-phone' },
  'call.missed': { type: 'call.missed', callId: 'call-1', phoneId: 'sms-phone' },
  'fob.pin_rejected': { type: 'fob.pin_rejected', serial: 'SNA-52903318', wrongPins: 2 },
  'fob.locked': { type: 'fob.locked', serial: 'SNA-52903318' },
  'fob.reset': { type: 'fob.reset', serial: 'SNA-52903318' },
  'login.cancelled': { type: 'login.cancelled', loginId: 'L1', username: 'smsuser' },
  'login.succeeded': { type: 'login.succeeded', loginId: 'L1', username: 'smsuser', mode: 'live', factor: 'sms', readOnly: false },
  'connection.failed': { type: 'connection.failed', loginId: 'L1', attempt: 1 },
  'connection.established': { type: 'connection.established', loginId: 'L1', attempts: 3 },
  'session.existing': { type: 'session.existing', loginId: 'L2', username: 'smsuser', other: 'L1' },
  'session.disconnected': { type: 'session.disconnected', loginId: 'L2', username: 'smsuser', ended: null },
  'session.expired': { type: 'session.expired', loginId: 'L1', username: 'smsuser' },
  logout: { type: 'logout', loginId: 'L1', username: 'smsuser' },
  'enrolment.required': { type: 'enrolment.required', loginId: 'L1', username: 'hkuser', region: 'HK' },
  'enrolment.started': { type: 'enrolment.started', loginId: 'L1', username: 'hkuser', number: '***-***-4567' },
  'enrolment.completed': { type: 'enrolment.completed', loginId: 'L1', username: 'hkuser', number: '***-***-4567' },
  'enrolment.stopped': { type: 'enrolment.stopped', loginId: 'L1', username: 'nodevice', reason: 'too_many_wrong_codes' },
  'portal.verification_started': { type: 'portal.verification_started', loginId: 'L3', username: 'smsuser', number: '+1-XXX-XXX-0142' },
  'portal.number_confirmed': { type: 'portal.number_confirmed', loginId: 'L3', username: 'smsuser', number: '+1-XXX-XXX-0142' },
  'portal.number_verified': { type: 'portal.number_verified', loginId: 'L3', username: 'nodevice', number: '+1-XXX-XXX-0142', autoEnrolAt: 60_000 },
  'portal.sms_enrolled': { type: 'portal.sms_enrolled', username: 'nodevice', number: '+1-XXX-XXX-0142' },
  'portal.opt_out': { type: 'portal.opt_out', loginId: 'L3', username: 'hkuser', region: 'HK', outcome: 'refused' },
  'clock.advanced': { type: 'clock.advanced', byMs: 120_000 },
};
const entries: JournalEntry[] = Object.values(samples).map((e, i) => ({ ...e, seq: i + 1, at: 1_000 * i }) as JournalEntry);
const entry = (type: JournalEvent['type']) => entries.find((e) => e.type === type)!;

describe('journal sentences', () => {
  it('describes every entry type in words, with names instead of ids', () => {
    for (const e of entries) {
      const text = describeEntry(e, names);
      expect(text, e.type).toMatch(/\w/);
      expect(text, e.type).not.toMatch(/undefined|null|\[object|sms-phone|android-phone/);
    }
  });

  it('says what happened to each message, naming the phone', () => {
    expect(describeEntry(entry('sms.suppressed'), names)).toBe('SMS to iPhone not delivered');
    expect(describeEntry(entry('sms.delayed'), names)).toBe('SMS to iPhone delayed by 2 min');
    expect(describeEntry(entry('push.silenced'), names)).toBe('Notification on Pixel 8: no banner, only in the notification list');
    expect(describeEntry(entry('call.suppressed'), names)).toBe('Voice call to iPhone did not get through');
    expect(describeEntry(entry('app.response'), names)).toBe('Pixel 8: the app refused to generate a response — the phone is jailbroken or rooted');
  });

  it('words refusals without codes', () => {
    expect(describeEntry(entry('login.rejected'), names)).toBe('smsuser: user name or password refused — wrong password');
    expect(describeEntry(entry('code.rejected'), names)).toBe('smsuser: security code refused — the code expired (1 wrong so far)');
    expect(describeEntry(entry('push.refused'), names)).toBe('Pixel 8: the app refused to approve — wrong PIN');
    expect(describeEntry(entry('resend.refused'), names)).toBe('L1: new code refused, the next is allowed in 1 min 30 s');
  });

  it('names phone changes by the labels of the director (Rooted on Android)', () => {
    expect(describeEntry(entry('phone.changed'), names)).toBe('Pixel 8: Rooted on, Signal: No signal');
    expect(describeEntry({ type: 'phone.changed', phoneId: 'sms-phone', changes: { poweredOn: false, smsDelayMs: 45_000, focus: 'Work' }, seq: 1, at: 0 }, names)).toBe(
      'iPhone: switched off, SMS delay: 45 s, Focus “Work” on',
    );
  });

  it('falls back to ids when the scenario does not know a phone', () => {
    expect(describeEntry({ type: 'sms.delivered', messageId: 'm', phoneId: 'gone', seq: 1, at: 0 }, namesFrom(null))).toBe('SMS delivered to gone');
  });
});

describe('reasons and families', () => {
  it('finds the reason code of any entry that has one', () => {
    expect(reasonOf(entry('sms.suppressed'))).toBe('carrier_blocked');
    expect(reasonOf(entry('app.response'))).toBe('jailbroken');
    expect(reasonOf(entry('login.rejected'))).toBe('wrong_password');
    expect(reasonOf(entry('sms.delivered'))).toBeNull();
  });

  it('sorts entries into families for colour', () => {
    expect(familyOf(entry('sms.held'))).toBe('sms');
    expect(familyOf(entry('app.response'))).toBe('push');
    expect(familyOf(entry('call.ringing'))).toBe('voice');
    expect(familyOf(entry('timeline.fired'))).toBe('phone');
    expect(familyOf(entry('code.issued'))).toBe('login');
    expect(familyOf(entry('clock.advanced'))).toBe('clock');
  });
});

describe('whom entries concern', () => {
  it('follows logins to their messages and calls, phones and fobs to their owners', () => {
    const owners = new EntryOwners(world);
    const users = new Map(entries.map((e) => [e.type, owners.users(e)]));
    expect(users.get('sms.suppressed')).toEqual(['smsuser']);
    expect(users.get('call.suppressed')).toEqual(['smsuser']);
    expect(users.get('push.sent')).toEqual(['ibkeyandroid']);
    expect(users.get('phone.changed')).toEqual(['ibkeyandroid']);
    expect(users.get('fob.locked')).toEqual(['dscuser']);
    expect(users.get('clock.advanced')).toEqual([]);
    expect(users.get('scenario.loaded')).toEqual([]);
  });
});

describe('formats', () => {
  it('shows virtual time since the start', () => {
    expect(elapsedText(0)).toBe('0:00');
    expect(elapsedText(61_999)).toBe('1:01');
    expect(elapsedText(3_723_000)).toBe('1:02:03');
    expect(elapsedText(-5)).toBe('0:00');
  });

  it('exports one JSON object per line', () => {
    const text = toJsonLines(entries.slice(0, 3));
    expect(text.split('\n')).toHaveLength(4);
    expect(text.endsWith('\n')).toBe(true);
    expect(text.trimEnd().split('\n').map((l) => JSON.parse(l))).toEqual(entries.slice(0, 3));
    expect(toJsonLines([])).toBe('');
  });
});
