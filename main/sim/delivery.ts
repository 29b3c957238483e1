// Decides whether a message reaches a phone, and if not, why.
import type { SuppressReason } from '../api/events.js';
import type { Phone } from './phone.js';

export type Decision = { deliver: true } | { deliver: false; reason: SuppressReason };

/** SMS needs the phone on and attached to a cellular network. */
export function smsDecision(phone: Phone | undefined): Decision {
  if (!phone) return { deliver: false, reason: 'no_phone_for_number' };
  const s = phone.status;
  if (!s.poweredOn) return { deliver: false, reason: 'phone_off' };
  if (s.airplane) return { deliver: false, reason: 'airplane_mode' };
  if (s.signal === 0) return { deliver: false, reason: 'no_signal' };
  return { deliver: true };
}
