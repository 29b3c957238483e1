// How IB Key asks for the phone's owner: the names its buttons carry, per method.
import type { UnlockMethod } from '../../main/api/vocabulary';

/** The accessible names of the unlock prompts: biometric buttons are named for the method (tests find them by these names). */
export const unlockLabel: Record<UnlockMethod, string> = {
  faceid: 'Face ID',
  touchid: 'Touch ID',
  fingerprint: 'Fingerprint',
  passcode: 'Passcode',
  pin: 'PIN',
};

/** A biometric is one press; the PIN must be typed. */
export function isBiometric(method: UnlockMethod): method is 'faceid' | 'touchid' | 'fingerprint' {
  return method === 'faceid' || method === 'touchid' || method === 'fingerprint';
}
