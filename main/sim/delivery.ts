// Decides whether a message reaches a phone, and if not, why.
import type { SuppressReason } from '../api/events.js';
import type { Phone } from './phone.js';

export type Decision = { deliver: true } | { deliver: false; reason: SuppressReason };

const cellular = (phone: Phone): Decision => {
  const s = phone.status;
  if (!s.poweredOn) return { deliver: false, reason: 'phone_off' };
  if (s.airplane) return { deliver: false, reason: 'airplane_mode' };
  if (s.signal === 0) return { deliver: false, reason: 'no_signal' };
  return { deliver: true };
};

/** SMS needs the phone on and attached to a cellular network. */
export function smsDecision(phone: Phone | undefined): Decision {
  if (!phone) return { deliver: false, reason: 'no_phone_for_number' };
  return cellular(phone);
}

/** A voice callback needs the same as an SMS: power and a cellular network. */
export const callDecision = smsDecision;

/** A push needs the app with IB Key for this user, the Seamless switch on, and the internet. */
export function pushDecision(phone: Phone, username: string, seamless: boolean): Decision {
  const s = phone.status;
  if (!phone.app.installed) return { deliver: false, reason: 'app_not_installed' };
  if (phone.app.ibkey?.username !== username) return { deliver: false, reason: 'ibkey_not_active' };
  if (!seamless) return { deliver: false, reason: 'seamless_disabled' };
  if (!s.poweredOn) return { deliver: false, reason: 'phone_off' };
  const wifi = s.wifi && !s.airplane;
  const data = s.mobileData && !s.airplane && s.signal > 0;
  if (!wifi && !data) return { deliver: false, reason: s.airplane ? 'airplane_mode' : 'no_internet' };
  return { deliver: true };
}
