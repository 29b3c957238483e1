// Which devices the stage puts on the desk: the user logging in brings their phones, fob or card; none for a user without any.
import { describe, expect, it } from 'vitest';
import { blankLoginView } from '../../../main/api/blank-login-view.js';
import type { LoginView } from '../../../main/api/views.js';
import { deskDevices } from '../../../renderer/lib/desk-devices.js';
import { demoSim, DEMO_PASSWORD } from '../helpers.js';

const sim = demoSim();
const world = sim.getWorld();
const blank = blankLoginView('live');
const start = (username: string): LoginView => sim.submitCredentials({ username, password: DEMO_PASSWORD, mode: 'live' });
/** Typed in the Username field, nothing sent yet. */
const typed = (username: string) => deskDevices(blank, username, world);
/** The attempt in progress (the field may say anything by then). */
const loggingIn = (username: string) => deskDevices(start(username), '', world);

describe('deskDevices', () => {
  it.each([
    ['smsuser', ['sms-phone'], null, null],
    ['ibkeyios', ['ios-phone', 'new-iphone'], null, null],
    ['ibkeyandroid', ['android-phone', 'new-android'], null, null],
    ['multidevice', ['multi-phone'], 'SNA-31478259', null],
    ['dscuser', [], 'SNA-52903318', null],
    ['carduser', [], null, 'SCC-7702-4419'],
    ['nodevice', [], null, null],
    ['hkuser', ['hk-phone'], null, null],
    ['inuser', ['in-phone'], null, null],
  ])('%s brings %j, fob %s, card %s, typed or logging in', (user, phones, fob, card) => {
    expect(typed(user)).toEqual({ user, phones, fob, card });
    expect(loggingIn(user)).toEqual({ user, phones, fob, card });
  });

  it('shows the scenario\'s first user\'s devices before anyone is named, or after a name no user has', () => {
    const first = { user: 'smsuser', phones: ['sms-phone'], fob: null, card: null };
    expect(typed('')).toEqual(first);
    expect(typed('dscuse')).toEqual(first);
    // A refused login names nobody: the name typed decides.
    const refused = sim.submitCredentials({ username: 'dscuser', password: 'wrong', mode: 'live' });
    expect(deskDevices(refused, 'dscuser', world)).toMatchObject({ user: 'dscuser', phones: [], fob: 'SNA-52903318' });
  });

  it('puts the phone the login concerns first, and the device chosen before the others', () => {
    const choosing = start('multidevice');
    expect(choosing.step).toBe('selectDevice');
    const dsc = sim.chooseDevice({ loginId: choosing.loginId!, deviceId: 'dsc' });
    expect(deskDevices(dsc, '', world)).toEqual({ user: 'multidevice', phones: ['multi-phone'], fob: 'SNA-31478259', card: null });
    // The attempt in progress wins over what the field says.
    expect(deskDevices(dsc, 'carduser', world).user).toBe('multidevice');
  });

  it('puts the phone being enrolled first, owned or not', () => {
    const view = start('hkuser');
    expect(view.step).toBe('enrolRequired');
    const enrolling = sim.enrolSms({ loginId: view.loginId!, number: '+13125550142' });
    expect(deskDevices(enrolling, '', world).phones).toEqual(['sms-phone', 'hk-phone']);
  });

  it('falls back to the first phone when no user has a device, and to nothing before the world is read', () => {
    const bare = { ...world, users: world.users.map((u) => ({ ...u, devices: [] })), phones: world.phones.map((p) => ({ ...p, owner: null, ibkeyUser: null })), fobs: [], cards: [] };
    expect(deskDevices(blank, '', bare)).toEqual({ user: null, phones: ['sms-phone'], fob: null, card: null });
    expect(deskDevices(blank, 'smsuser', bare)).toEqual({ user: 'smsuser', phones: [], fob: null, card: null });
    expect(deskDevices(blank, 'smsuser', null)).toEqual({ user: null, phones: [], fob: null, card: null });
  });
});
