// Which phone the stage shows for a login: the SMS number's phone, or the phone holding the IB Key.
import { describe, expect, it } from 'vitest';
import type { LoginView, PhoneSummary } from '../../../main/api/views.js';
import { phoneForLogin } from '../../../renderer/lib/phone-match.js';
import { demoSim, DEMO_PASSWORD } from '../helpers.js';

const sim = demoSim();
const phones: PhoneSummary[] = sim.getWorld().phones;
const start = (username: string): LoginView => sim.submitCredentials({ username, password: DEMO_PASSWORD, mode: 'live' });

describe('phoneForLogin', () => {
  it('finds the phone an SMS code goes to', () => {
    expect(phoneForLogin(start('smsuser'), phones)).toBe('sms-phone');
  });

  it('finds the phone holding the user\'s IB Key', () => {
    expect(phoneForLogin(start('ibkeyios'), phones)).toBe('ios-phone');
    expect(phoneForLogin(start('ibkeyandroid'), phones)).toBe('android-phone');
  });

  it('uses the devices offered while the user still chooses', () => {
    const view = start('multidevice');
    expect(view.step).toBe('selectDevice');
    expect(phoneForLogin(view, phones)).toBe('multi-phone');
  });

  it('has none for physical devices or a refused login', () => {
    expect(phoneForLogin(start('dscuser'), phones)).toBeNull();
    expect(phoneForLogin(sim.submitCredentials({ username: 'smsuser', password: 'wrong', mode: 'live' }), phones)).toBeNull();
  });
});
