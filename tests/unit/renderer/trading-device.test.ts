// The stage's trading device: a phone that neither holds IB Key nor receives a user's codes.
import { describe, expect, it } from 'vitest';
import { tradingPhoneId } from '../../../renderer/lib/trading-device.js';
import { isBiometric, unlockLabel } from '../../../renderer/lib/unlock.js';
import { demoSim } from '../helpers.js';

describe('tradingPhoneId', () => {
  it('picks the demo iPad, whatever phone the stage already shows', () => {
    const world = demoSim().getWorld();
    expect(tradingPhoneId(world, 'sms-phone')).toBe('trade-ipad');
    expect(tradingPhoneId(world, 'ios-phone')).toBe('trade-ipad');
  });

  it('falls back to another phone when every phone is in use, and to none without a world', () => {
    const world = demoSim().getWorld();
    // Only phones that hold IB Key or receive codes: the iPad, the enrolment phones of hkuser and inuser and the new phones of a migration left out.
    const busy = { ...world, phones: world.phones.filter((p) => !['trade-ipad', 'hk-phone', 'in-phone', 'new-iphone', 'new-android'].includes(p.id)) };
    expect(tradingPhoneId(busy, 'sms-phone')).toBe(busy.phones.find((p) => p.id !== 'sms-phone')!.id);
    expect(tradingPhoneId(null, null)).toBeNull();
  });
});

describe('unlock prompts', () => {
  it('name the biometric buttons for the method', () => {
    expect([unlockLabel('faceid'), unlockLabel('touchid'), unlockLabel('fingerprint')]).toEqual(['Face ID', 'Touch ID', 'Fingerprint']);
    expect(isBiometric('pin')).toBe(false);
    expect(isBiometric('passcode')).toBe(false);
    expect(isBiometric('fingerprint')).toBe(true);
  });
});
