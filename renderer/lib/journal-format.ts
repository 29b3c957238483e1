// The event journal in plain words: one sentence per entry, whom it concerns, and its reason code.
import type { JournalEntry } from '../../main/api/events';
import type { DeviceKind, WorldView } from '../../main/api/views';
import { LOCALE_NAMES, type ActivationPurpose, type UnlockMethod } from '../../main/api/vocabulary';
import { describeChange, durationText } from './phone-fields';

/** What the sentences need from the scenario: names instead of ids and numbers. */
export interface JournalNames {
  phone(id: string): string;
  /** The phone answering a number, or the number itself. */
  number(number: string): string;
  platform(id: string): 'ios' | 'android';
}

export function namesFrom(world: WorldView | null): JournalNames {
  const phones = world?.phones ?? [];
  return {
    phone: (id) => phones.find((p) => p.id === id)?.name ?? id,
    number: (number) => phones.find((p) => p.number === number)?.name ?? number,
    platform: (id) => phones.find((p) => p.id === id)?.platform ?? 'ios',
  };
}

const activationWords: Record<ActivationPurpose, string> = { activate: 'activation', reactivate: 'reactivation', migrate: 'migration' };

const kindNames: Record<DeviceKind | 'temporaryPasscode' | 'none', string> = {
  sms: 'SMS',
  voice: 'voice callback',
  ibkey: 'IB Key',
  dscplus: 'Digital Security Card+',
  codecard: 'Security Code Card',
  temporaryPasscode: 'temporary passcode',
  none: 'no second factor',
};

const credentialWords = { unknown_user: 'no such user', wrong_password: 'wrong password', locked: 'the account is locked' } as const;
const factorWords = {
  wrong: 'wrong code',
  expired: 'the code expired',
  replaced: 'a newer code replaced it',
  used: 'the code was already used',
  none_issued: 'no code was sent',
} as const;
const refusalWords: Record<string, string> = {
  expired: 'the request expired',
  not_pending: 'no login is waiting',
  not_delivered: 'the request never reached this phone',
  account_locked: 'the account locked meanwhile',
  ibkey_locked: 'IB Key is locked after too many wrong PINs and must be activated again',
  wrong_pin: 'wrong PIN',
  ibkey_not_active: 'IB Key is not active on this phone',
  bad_challenge: 'the challenge is not 6 digits',
  wrong_method: 'this unlock method is not set up',
  jailbroken: 'the phone is jailbroken or rooted',
};
const failureWords = {
  too_many_wrong_codes: 'too many wrong codes',
  too_many_wrong_responses: 'too many wrong responses',
  account_locked: 'the account locked while it was in progress',
} as const;
const methodWords: Record<UnlockMethod, string> = { faceid: 'Face ID', touchid: 'Touch ID', fingerprint: 'fingerprint', passcode: 'passcode', pin: 'PIN' };

/** One journal entry as a sentence. */
export function describeEntry(e: JournalEntry, names: JournalNames): string {
  switch (e.type) {
    case 'scenario.loaded':
      return `Scenario “${e.name}” started (seed ${e.seed})`;
    case 'login.started':
      return e.surface === 'portal' ? `${e.username} started a Client Portal login (${e.loginId})` : `${e.username} started a ${e.mode === 'paper' ? 'paper' : 'live'} login (${e.loginId})`;
    case 'login.rejected':
      return `${e.username}: user name or password refused — ${credentialWords[e.reason]}`;
    case 'account.locked':
      return `${e.username}: account locked after ${e.failures} failed attempts`;
    case 'account.unlocked':
      return `${e.username}: account unlocked`;
    case 'password.accepted':
      return `${e.username}: password accepted`;
    case 'device.selected':
      return `${e.loginId}: second factor ${kindNames[e.kind]}`;
    case 'code.issued':
      return `${e.username}: ${e.channel === 'sms' ? 'SMS' : 'voice'} security code issued`;
    case 'code.accepted':
      return `${e.username}: security code accepted`;
    case 'code.rejected':
      return `${e.username}: security code refused — ${factorWords[e.reason]} (${e.wrongAttempts} wrong so far)`;
    case 'resend.refused':
      return `${e.loginId}: new code refused, the next is allowed in ${durationText(e.retryAfterMs)}`;
    case 'sms.sent':
      return `SMS sent to ${names.number(e.to)}`;
    case 'sms.delivered':
      return `SMS delivered to ${names.phone(e.phoneId)}`;
    case 'sms.suppressed':
      return `SMS to ${names.number(e.to)} not delivered`;
    case 'sms.held':
      return `SMS for ${names.phone(e.phoneId)} waits in the network`;
    case 'sms.delayed':
      return `SMS to ${names.number(e.to)} delayed by ${durationText(e.byMs)}`;
    case 'push.sent':
      return `Notification sent to ${names.phone(e.phoneId)} (${e.loginId})`;
    case 'push.delivered':
      return e.silenced ? `Notification reached ${names.phone(e.phoneId)}, silenced` : `Notification shown on ${names.phone(e.phoneId)}`;
    case 'push.silenced':
      return `Notification on ${names.phone(e.phoneId)}: no banner, only in the notification list`;
    case 'push.held':
      return `Notification for ${names.phone(e.phoneId)} waits`;
    case 'push.suppressed':
      return `Notification to ${names.phone(e.phoneId)} not delivered`;
    case 'push.approved':
      return `Login ${e.loginId} approved on ${names.phone(e.phoneId)} with ${methodWords[e.method as UnlockMethod] ?? e.method}`;
    case 'push.refused':
      return `${names.phone(e.phoneId)}: the app refused to approve — ${refusalWords[e.reason]}`;
    case 'push.expired':
      return `${e.loginId}: the notification expired unanswered`;
    case 'phone.changed': {
      const changes = Object.entries(e.changes).map(([k, v]) => describeChange(k, v, names.platform(e.phoneId)));
      return `${names.phone(e.phoneId)}: ${changes.length ? changes.join(', ') : 'no change'}`;
    }
    case 'phone.restarted':
      return `${names.phone(e.phoneId)} restarted`;
    case 'app.data_cleared':
      return `${names.phone(e.phoneId)}: app data cleared, IB Key must be activated again`;
    case 'phone.added':
      return `${e.owner}'s ${e.role === 'newPhone' ? 'new phone' : 'trading device'} added: ${e.model} (${e.platform === 'ios' ? 'iOS' : 'Android'}), id ${e.phoneId}`;
    case 'phone.add_refused':
      return `Adding phone ${e.phoneId} for ${e.owner} refused: ${e.reason.replace(/_/g, ' ')}`;
    case 'app.installed':
      return `${names.phone(e.phoneId)}: the app installed from the app store`;
    case 'app.uninstalled':
      return `${names.phone(e.phoneId)}: the app removed, and IB Key with it`;
    case 'app.ibkey_removed':
      return `${names.phone(e.phoneId)}: IB Key of ${e.username} migrated away, this phone no longer authenticates`;
    case 'activation.started':
      return `${e.activationId}: ${e.username} starts IB Key ${activationWords[e.purpose]} on ${names.phone(e.phoneId)} (token by ${e.via === 'sms' ? 'SMS' : 'the Digital Security Card+'})`;
    case 'activation.refused':
      return `${e.username}: IB Key activation on ${names.phone(e.phoneId)} refused — ${e.reason.replaceAll('_', ' ')}`;
    case 'activation.token_sent':
      return `${e.activationId}: Activation Token ${e.via === 'sms' ? `sent by SMS to ${e.to}` : 'is the Digital Security Card+ response to a challenge'}`;
    case 'activation.resend_refused':
      return `${e.activationId}: new Activation Token refused, ${Math.ceil(e.retryAfterMs / 1000)} s to wait`;
    case 'activation.token_accepted':
      return `${e.activationId}: Activation Token accepted`;
    case 'activation.token_rejected':
      return `${e.activationId}: Activation Token refused (${e.reason}), ${e.wrongAttempts} wrong`;
    case 'activation.pin_refused':
      return `${e.activationId}: PIN refused (${e.reason.replaceAll('_', ' ')})`;
    case 'activation.stopped':
      return `${e.activationId}: activation stopped, ${e.reason.replaceAll('_', ' ')}`;
    case 'activation.completed':
      return `${e.activationId}: IB Key of ${e.username} active on ${names.phone(e.phoneId)}${e.fromPhone ? `, moved from ${names.phone(e.fromPhone)}` : ''}`;
    case 'app.resynced':
      return `${names.phone(e.phoneId)}: app back in sync for ${e.username}, notifications resume`;
    case 'portal.verification_started':
      return `${e.username}: Client Portal, mobile number ${e.number}: VERIFY, a Confirm Code sent (${e.loginId})`;
    case 'portal.number_confirmed':
      return `${e.username}: Client Portal, Confirm Code accepted for ${e.number} (SMS Verified)`;
    case 'portal.number_verified':
      return `${e.username}: mobile number ${e.number} verified in Client Portal${e.autoEnrolAt === null ? '' : ', SMS enrolment follows'}`;
    case 'portal.sms_enrolled':
      return `${e.username}: enrolled in SMS authentication (${e.number}), no other active SLS device`;
    case 'portal.opt_out':
      return e.outcome === 'refused' ? `${e.username}: opting out of the Secure Login System refused (${e.region} regulation)` : `${e.username}: opted out of the Secure Login System`;
    case 'user.seamless':
      return `${e.username}: Seamless Authentication ${e.enabled ? 'enabled' : 'disabled'}`;
    case 'locale.changed':
      return `The windows are now in ${LOCALE_NAMES[e.locale]}`;
    case 'timeline.fired':
      return `Timeline: ${e.description}`;
    case 'login.failed':
      return `${e.username}: login failed — ${failureWords[e.reason]}`;
    case 'login.failure_counted':
      return `${e.username}: wrong answer in ${e.loginId} counted as a failed login (${e.recentFailures} within the lockout window)`;
    case 'login.abandoned':
      return `${e.username}: login ${e.loginId} abandoned — ${e.reason === 'new_login' ? 'a new login from the same phone' : 'too many open logins'}`;
    case 'app.pin_rejected':
      return `${names.phone(e.phoneId)}: wrong app PIN (${e.wrongPins} in a row)`;
    case 'app.ibkey_locked':
      return `${names.phone(e.phoneId)}: IB Key for ${e.username} locked after ${e.wrongPins} wrong PINs, it must be activated again`;
    case 'challenge.issued':
      return `${e.loginId}: challenge shown for ${kindNames[e.device]}`;
    case 'response.accepted':
      return `${e.username}: response accepted`;
    case 'response.rejected':
      return `${e.username}: response refused — ${e.reason === 'malformed' ? 'not a valid response' : 'wrong response'} (${e.wrongAttempts} wrong so far)`;
    case 'passcode.asked':
      return `${e.username}: temporary passcode asked for (works for the trading platform until ${new Date(e.expiresAt).toISOString().slice(0, 16).replace('T', ' ')} UTC)`;
    case 'passcode.accepted':
      return `${e.username}: temporary passcode accepted`;
    case 'passcode.rejected':
      return `${e.username}: temporary passcode refused — ${e.reason === 'expired' ? 'past its 2 days for the trading platform' : 'not as issued (letters in upper case)'} (${e.wrongAttempts} wrong so far)`;
    case 'app.response':
      return e.ok
        ? `${names.phone(e.phoneId)}: the app generated a Response String`
        : `${names.phone(e.phoneId)}: the app refused to generate a response — ${refusalWords[e.reason ?? ''] ?? 'refused'}`;
    case 'call.placed':
      return `Voice call to ${names.number(e.to)}`;
    case 'call.ringing':
      return `${names.phone(e.phoneId)} is ringing`;
    case 'call.suppressed':
      return `Voice call to ${names.number(e.to)} did not get through`;
    case 'call.answered':
      return `Call answered on ${names.phone(e.phoneId)}`;
    case 'call.missed':
      return `Call missed on ${names.phone(e.phoneId)}`;
    case 'fob.pin_rejected':
      return `DSC+ ${e.serial}: wrong PIN (${e.wrongPins} so far)`;
    case 'fob.locked':
      return `DSC+ ${e.serial} locked after wrong PINs`;
    case 'fob.reset':
      return `DSC+ ${e.serial} reset`;
    case 'login.cancelled':
      return `${e.username}: login cancelled`;
    case 'login.succeeded':
      return `${e.username} logged in (${e.mode}, ${e.readOnly ? 'read-only, no second factor' : kindNames[e.factor]})`;
    case 'connection.failed':
      return `Log in progress (${e.loginId}): connection attempt #${e.attempt} failed`;
    case 'connection.established':
      return `Connected (${e.loginId}) at attempt #${e.attempts}`;
    case 'session.existing':
      return `${e.username}: existing session detected (${e.other ?? 'logged in elsewhere'})`;
    case 'session.disconnected':
      return `${e.username}: Continue Login in ${e.loginId} disconnected ${e.ended ? `session ${e.ended}` : 'the session elsewhere'}`;
    case 'session.expired':
      return `${e.username}: session ${e.loginId} timed out — re-login is required`;
    case 'logout':
      return `${e.username} logged out`;
    case 'enrolment.required':
      return `${e.username}: two-factor enrolment required (${e.region} regulation)`;
    case 'enrolment.started':
      return `${e.username}: VERIFY — Confirm Code sent to ${e.number}`;
    case 'enrolment.completed':
      return `${e.username}: CONTINUE — ${e.number} enrolled for SMS (SMS Verified)`;
    case 'enrolment.stopped':
      return `${e.username}: SMS enrolment stopped — too many invalid codes`;
    case 'clock.advanced':
      return `Clock moved forward ${durationText(e.byMs)}`;
  }
}

/** The reason code an entry carries, if any (credential, code, delivery or app refusal). */
export function reasonOf(e: JournalEntry): string | null {
  return 'reason' in e && typeof e.reason === 'string' ? e.reason : null;
}

/** A rough family for colouring the journal. */
export function familyOf(e: JournalEntry): 'login' | 'sms' | 'push' | 'voice' | 'phone' | 'fob' | 'clock' {
  const head = e.type.split('.')[0]!;
  if (head === 'sms') return 'sms';
  if (head === 'push' || head === 'app' || head === 'challenge' || head === 'response') return 'push';
  if (head === 'call') return 'voice';
  if (head === 'phone' || head === 'timeline') return 'phone';
  if (head === 'fob') return 'fob';
  if (head === 'clock' || head === 'scenario') return 'clock';
  return 'login';
}

/**
 * Whom entries concern, for the journal's filter. Entries name a user directly, or a login, a message
 * or a call started for one, or a phone or fob a user holds; this remembers the links as entries pass.
 */
export class EntryOwners {
  #links = new Map<string, string>();
  #phones = new Map<string, string[]>();
  #fobs = new Map<string, string>();

  constructor(world: WorldView | null) {
    for (const user of world?.users ?? [])
      for (const device of user.devices) {
        if (device.phoneId) this.#phones.set(device.phoneId, [...(this.#phones.get(device.phoneId) ?? []), user.username]);
      }
    for (const fob of world?.fobs ?? []) this.#fobs.set(fob.serial, fob.owner);
  }

  /** The users an entry concerns (none for clock and scenario entries). Call in journal order. */
  users(e: JournalEntry): string[] {
    if ('username' in e) {
      if ('loginId' in e) this.#links.set(e.loginId, e.username);
      return [e.username];
    }
    if (e.type === 'sms.sent' && e.loginId) this.#link(e.messageId, e.loginId);
    if (e.type === 'call.placed') this.#link(e.callId, e.loginId);
    for (const key of ['loginId', 'messageId', 'callId'] as const) {
      const id = (e as Record<string, unknown>)[key];
      if (typeof id === 'string' && this.#links.has(id)) return [this.#links.get(id)!];
    }
    if ('phoneId' in e) return this.#phones.get(e.phoneId) ?? [];
    if ('serial' in e) {
      const owner = this.#fobs.get(e.serial);
      return owner ? [owner] : [];
    }
    return [];
  }

  #link(id: string, loginId: string): void {
    const user = this.#links.get(loginId);
    if (user) this.#links.set(id, user);
  }
}

/** Virtual time since the scenario started: "0:42", "12:05", "1:02:03". */
export function elapsedText(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
