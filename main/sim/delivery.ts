// Decides whether a message reaches a phone now, waits for the phone, or is lost — and why.
import type { DeliveryReason } from '../api/reasons.js';
import type { Phone } from './phone.js';
import type { Random } from './random.js';

/**
 * deliver: it arrives (maybe silenced: in the list, no banner). hold: the network keeps it and
 * tries again when the phone changes (switched on, airplane off…). lose: it never arrives.
 */
export type Decision =
  | { outcome: 'deliver'; silenced: 'dnd_silenced' | 'focus_silenced' | null }
  | { outcome: 'hold'; reason: DeliveryReason }
  | { outcome: 'lose'; reason: DeliveryReason };

const deliver = (phone: Phone): Decision => ({ outcome: 'deliver', silenced: silencedBy(phone) });
const hold = (reason: DeliveryReason): Decision => ({ outcome: 'hold', reason });
const lose = (reason: DeliveryReason): Decision => ({ outcome: 'lose', reason });

/**
 * Do-not-disturb and focus modes silence the app's push; they do not stop delivery (notifications article,
 * step 2). Each Focus lets the app through by its own Allowed Apps (step 4, "repeat this operation for the
 * other focus patterns"); on iOS Do Not Disturb is such a Focus, on Android the app's "Override Do Not
 * Disturb" lets it through Do Not Disturb.
 */
export function silencedBy(phone: Phone): 'dnd_silenced' | 'focus_silenced' | null {
  const s = phone.status;
  const passesDnd = phone.spec.platform === 'android' ? s.overrideDnd : s.focusAllowedIn.includes('Do Not Disturb');
  if (s.doNotDisturb && !passesDnd) return 'dnd_silenced';
  if (s.focus !== null && !s.focusAllowedIn.includes(s.focus)) return 'focus_silenced';
  return null;
}

/** A phone reachable on the cellular network, or why not (these wait in the network). */
function cellular(phone: Phone): DeliveryReason | null {
  const s = phone.status;
  if (!s.poweredOn) return 'phone_off';
  if (s.airplane) return 'airplane_mode';
  if (s.signal === 0) return 'no_signal';
  return null;
}

/** An SMS reaching the phone. The random source decides which roaming messages are lost. */
export function smsDecision(phone: Phone | undefined, random: Random): Decision {
  if (!phone) return lose('no_phone_for_number');
  const s = phone.status;
  if (s.carrierBlocking) return lose('carrier_blocked');
  if (s.roaming && s.outsideCoverage && random.int(2) === 0) return lose('roaming_lost');
  const offline = cellular(phone);
  if (offline) return hold(offline);
  if (s.smsStuck) return hold('sms_stuck');
  // SMS banners are silenced by do-not-disturb alike; the Messages app always has the text.
  return { outcome: 'deliver', silenced: s.doNotDisturb ? 'dnd_silenced' : null };
}

/** A voice call needs the phone on and in coverage, now: a call is not held for later. */
export function callDecision(phone: Phone | undefined): Decision {
  if (!phone) return lose('no_phone_for_number');
  const offline = cellular(phone);
  return offline ? lose(offline) : deliver(phone);
}

/** A push for `username` reaching the broker's app on the phone. */
export function pushDecision(phone: Phone, username: string, seamless: boolean): Decision {
  const s = phone.status;
  if (!phone.app.installed) return lose('app_not_installed');
  if (phone.app.ibkey?.username !== username) return lose(phone.app.lockedFor === username ? 'ibkey_locked' : 'ibkey_not_active');
  if (!seamless) return lose('seamless_disabled');
  if (s.jailbroken) return lose('jailbroken');
  if (phone.spec.platform === 'android' && !s.googleServices) return lose('google_services_blocked');
  if (s.appOutOfSync) return lose('out_of_sync');
  if (!s.poweredOn) return hold('phone_off');
  const wifi = s.wifi && !s.airplane;
  const data = s.mobileData && !s.airplane && s.signal > 0;
  if (!wifi && !data) return hold(s.airplane ? 'airplane_mode' : 'no_internet');
  if (s.poorConnection) return lose('poor_connection');
  if (!s.appNotifications) return lose('notifications_disabled');
  if (s.lowPower) return hold('low_power_held');
  return deliver(phone);
}
