// How IB Key asks for the phone's owner: the names its buttons carry, per method.
import type { UnlockMethod } from '../../main/api/vocabulary';
import type { MessageId } from '../i18n/keys';
import { t } from './i18n.svelte';

const unlockLabels: Record<UnlockMethod, MessageId> = {
  faceid: 'ibkr.unlock.faceid',
  touchid: 'ibkr.unlock.touchid',
  fingerprint: 'ibkr.unlock.fingerprint',
  passcode: 'ibkr.unlock.passcode',
  pin: 'ibkr.unlock.pin',
};

/** The catalogue message naming an unlock prompt (the autopilot finds its buttons by it). */
export function unlockLabelId(method: UnlockMethod): MessageId {
  return unlockLabels[method];
}

/** The accessible name of an unlock prompt, in the windows' language: biometric buttons are named for the method (tests find them by these names). */
export function unlockLabel(method: UnlockMethod): string {
  return t(unlockLabels[method]);
}

/** A biometric is one press; the PIN must be typed. */
export function isBiometric(method: UnlockMethod): method is 'faceid' | 'touchid' | 'fingerprint' {
  return method === 'faceid' || method === 'touchid' || method === 'fingerprint';
}
