// Typed events: the journal of every decision, and what hosts push to their windows.
import type { ClockView, DeviceKind, FobView, LoginView, PhoneView, TradingMode, WorldView } from './views.js';
import type { ActivationChannel, ActivationPurpose, AddPhoneRefusal, AppPinProblem, Locale, LoginSurface, Platform, PhoneRole } from './vocabulary.js';
/** Why the app's IB Key activation did not start (after a right password). */
export type ActivationRefusal = 'other_phone' | 'nothing_to_migrate' | 'already_active' | 'no_number' | 'app_not_installed';

/** Why a login was refused at the credentials step; the user only ever sees one generic message. */
export type CredentialFailure = 'unknown_user' | 'wrong_password' | 'locked';
/** Why a second-factor answer was refused; the user sees "Login failed". */
export type FactorFailure = 'wrong' | 'expired' | 'replaced' | 'used' | 'none_issued';
/** Why a message did not reach a phone, each mapped to the help-article step that fixes it. */
export type { DeliveryReason } from './reasons.js';
import type { DeliveryReason } from './reasons.js';
/** Kept for readability where only the suppression case is meant. */
export type SuppressReason = DeliveryReason;

/**
 * Why the phone's app refused to approve or compute a response. not_delivered: the request never
 * reached this phone; account_locked: the account locked while the login was waiting; ibkey_locked:
 * too many wrong app PINs, IB Key on the phone must be activated again.
 */
export type AppRefusal =
  | 'expired'
  | 'not_pending'
  | 'not_delivered'
  | 'account_locked'
  | 'wrong_pin'
  | 'ibkey_not_active'
  | 'ibkey_locked'
  | 'bad_challenge'
  | 'wrong_method'
  | 'jailbroken'
  | 'ibkey_migrated';
/** Why a login that got past the password failed: too many wrong answers, or its account locked meanwhile. */
export type LoginFailure = 'too_many_wrong_codes' | 'too_many_wrong_responses' | 'account_locked';

export type JournalEvent =
  | { type: 'scenario.loaded'; name: string; seed: string }
  | { type: 'login.started'; loginId: string; username: string; mode: TradingMode; surface: LoginSurface }
  | { type: 'login.rejected'; username: string; reason: CredentialFailure }
  | { type: 'account.locked'; username: string; until: number; failures: number }
  | { type: 'account.unlocked'; username: string }
  | { type: 'password.accepted'; loginId: string; username: string }
  | { type: 'device.selected'; loginId: string; deviceId: string; kind: DeviceKind }
  | { type: 'code.issued'; loginId: string; username: string; channel: 'sms' | 'voice'; expiresAt: number }
  | { type: 'code.accepted'; loginId: string; username: string }
  | { type: 'code.rejected'; loginId: string; username: string; reason: FactorFailure; wrongAttempts: number }
  | { type: 'resend.refused'; loginId: string; retryAfterMs: number }
  | { type: 'sms.sent'; messageId: string; to: string; loginId: string | null }
  | { type: 'sms.delivered'; messageId: string; phoneId: string }
  | { type: 'sms.suppressed'; messageId: string; to: string; reason: SuppressReason }
  | { type: 'sms.held'; messageId: string; phoneId: string; reason: SuppressReason }
  | { type: 'sms.delayed'; messageId: string; to: string; reason: 'carrier_delay'; byMs: number }
  | { type: 'push.held'; loginId: string; phoneId: string; reason: SuppressReason }
  | { type: 'push.silenced'; loginId: string; phoneId: string; reason: 'dnd_silenced' | 'focus_silenced' }
  | { type: 'phone.changed'; phoneId: string; changes: Record<string, unknown> }
  | { type: 'phone.restarted'; phoneId: string }
  | { type: 'app.data_cleared'; phoneId: string }
  /** The Director added a phone to the running scenario, or refused to (an unknown owner, an id taken, a bad model, too many phones). */
  | { type: 'phone.added'; phoneId: string; platform: Platform; model: string; owner: string; role: PhoneRole }
  | { type: 'phone.add_refused'; phoneId: string; owner: string; reason: AddPhoneRefusal }
  /** The app store installed or removed the broker's app; removing it forgets IB Key (a reinstall must reactivate it). */
  | { type: 'app.installed'; phoneId: string }
  | { type: 'app.uninstalled'; phoneId: string }
  /** IB Key left this phone's app: migrated to another phone. */
  | { type: 'app.ibkey_removed'; phoneId: string; username: string; reason: 'migrated' }
  /** The app's IB Key activation (first activation, reactivation, migration) after its own log in; the token by SMS or the physical device's challenge. */
  | { type: 'activation.started'; activationId: string; phoneId: string; username: string; purpose: ActivationPurpose; via: ActivationChannel }
  | { type: 'activation.refused'; phoneId: string; username: string; reason: ActivationRefusal }
  | { type: 'activation.token_sent'; activationId: string; via: ActivationChannel; to: string | null; expiresAt: number }
  | { type: 'activation.resend_refused'; activationId: string; retryAfterMs: number }
  | { type: 'activation.token_accepted'; activationId: string }
  | { type: 'activation.token_rejected'; activationId: string; reason: FactorFailure; wrongAttempts: number }
  | { type: 'activation.pin_refused'; activationId: string; reason: AppPinProblem | 'mismatch' | 'wrong_pin' | 'owner_not_confirmed' }
  | { type: 'activation.stopped'; activationId: string; reason: 'too_many_wrong_tokens' | 'too_many_wrong_pins' }
  | { type: 'activation.completed'; activationId: string; phoneId: string; username: string; purpose: ActivationPurpose; fromPhone: string | null }
  | { type: 'app.resynced'; phoneId: string; username: string }
  | { type: 'app.pin_rejected'; phoneId: string; wrongPins: number }
  /** Too many wrong app PINs: IB Key on the phone is inactive until activated again. */
  | { type: 'app.ibkey_locked'; phoneId: string; username: string; wrongPins: number }
  | { type: 'user.seamless'; username: string; enabled: boolean }
  /** The windows' language changed (what users are sent keeps each user's own language). */
  | { type: 'locale.changed'; locale: Locale }
  | { type: 'timeline.fired'; index: number; description: string }
  | { type: 'login.failed'; loginId: string; username: string; reason: LoginFailure }
  /** The attempt's first wrong second-factor answer: it counts as one failed login now, however the attempt ends. */
  | { type: 'login.failure_counted'; loginId: string; username: string; recentFailures: number }
  /** An unfinished attempt ended without a cancel: a newer login from the same phone's app, or evicted (too many open). */
  | { type: 'login.abandoned'; loginId: string; username: string; reason: 'new_login' | 'evicted' }
  | { type: 'push.sent'; loginId: string; phoneId: string; expiresAt: number }
  | { type: 'push.delivered'; loginId: string; phoneId: string; silenced: boolean }
  | { type: 'push.suppressed'; loginId: string; phoneId: string; reason: SuppressReason }
  | { type: 'push.approved'; loginId: string; phoneId: string; method: string }
  | { type: 'push.refused'; loginId: string; phoneId: string; reason: AppRefusal }
  | { type: 'push.expired'; loginId: string }
  | { type: 'challenge.issued'; loginId: string; device: 'ibkey' | 'dscplus' | 'codecard' }
  | { type: 'response.accepted'; loginId: string; username: string }
  /** The login asks for the temporary passcode client services issued (validFor: the trading platform's window from its issue). */
  | { type: 'passcode.asked'; loginId: string; username: string; expiresAt: number }
  | { type: 'passcode.accepted'; loginId: string; username: string }
  /** wrong: not the passcode as issued (lower case included); expired: past its 2 days for the trading platform. */
  | { type: 'passcode.rejected'; loginId: string; username: string; reason: 'wrong' | 'expired'; wrongAttempts: number }
  | { type: 'response.rejected'; loginId: string; username: string; reason: 'wrong' | 'malformed'; wrongAttempts: number }
  | { type: 'app.response'; phoneId: string; ok: boolean; reason: AppRefusal | null }
  | { type: 'call.placed'; callId: string; to: string; loginId: string }
  | { type: 'call.ringing'; callId: string; phoneId: string }
  | { type: 'call.suppressed'; callId: string; to: string; reason: SuppressReason }
  | { type: 'call.answered'; callId: string; phoneId: string }
  | { type: 'call.missed'; callId: string; phoneId: string }
  | { type: 'fob.pin_rejected'; serial: string; wrongPins: number }
  | { type: 'fob.locked'; serial: string }
  | { type: 'fob.reset'; serial: string }
  | { type: 'login.cancelled'; loginId: string; username: string }
  | { type: 'login.succeeded'; loginId: string; username: string; mode: TradingMode; factor: DeviceKind | 'temporaryPasscode' | 'none'; readOnly: boolean }
  /** The login window's connection attempt failed ("Log in progress (attempt #N)"); the next starts after connection.retryInterval. */
  | { type: 'connection.failed'; loginId: string; attempt: number }
  | { type: 'connection.established'; loginId: string; attempts: number }
  /** "Existing session detected": the user's other trading session (an attempt's id, or null: the scenario's session elsewhere). */
  | { type: 'session.existing'; loginId: string; username: string; other: string | null }
  /** "Continue Login" in login `loginId` ended the user's other session `ended` (null: the scenario's session elsewhere). */
  | { type: 'session.disconnected'; loginId: string; username: string; ended: string | null }
  /** The session lasted timing.sessionTimeout: "Re-login is required". */
  | { type: 'session.expired'; loginId: string; username: string }
  | { type: 'logout'; loginId: string; username: string }
  | { type: 'enrolment.required'; loginId: string; username: string; region: string }
  | { type: 'enrolment.started'; loginId: string; username: string; number: string }
  | { type: 'enrolment.completed'; loginId: string; username: string; number: string }
  /** Client Portal → Mobile Number → VERIFY: a Confirm Code by SMS to the number (masked). */
  | { type: 'portal.verification_started'; loginId: string; username: string; number: string }
  /** The Confirmation Number accepted: the green check under "SMS Verified". */
  | { type: 'portal.number_confirmed'; loginId: string; username: string; number: string }
  /** CONTINUE again: the number is on record, verified; `autoEnrolAt` when SMS enrolment follows (no active SLS device). */
  | { type: 'portal.number_verified'; loginId: string; username: string; number: string; autoEnrolAt: number | null }
  /** "Shortly afterwards": the user with no active SLS device is enrolled in SMS. */
  | { type: 'portal.sms_enrolled'; username: string; number: string }
  /** Opting out of the Secure Login System: refused (a regulator forbids it) or done. */
  | { type: 'portal.opt_out'; loginId: string; username: string; region: string; outcome: 'refused' | 'opted_out' }
  | { type: 'enrolment.stopped'; loginId: string; username: string; reason: 'too_many_wrong_codes' }
  | { type: 'clock.advanced'; byMs: number };

export type JournalEntry = JournalEvent & { seq: number; at: number };

/** What getJournal answers: the entries after a sequence number, and the newest number. */
export interface JournalPage {
  entries: JournalEntry[];
  lastSeq: number;
}

/** What a host pushes to its windows (IPC events in Electron, Server-Sent Events in a browser). */
export type HostEvent =
  | { type: 'journal'; entry: JournalEntry }
  | { type: 'login'; login: LoginView }
  | { type: 'phone'; phone: PhoneView }
  | { type: 'clock'; clock: ClockView }
  | { type: 'fob'; fob: FobView }
  /**
   * Another world (a scenario loaded, a reset: windows start over), or with `change: 'locale'` the same
   * world in another language (setLocale: windows keep what they show, logins and phones included), or
   * with `change: 'phones'` the same world with a phone added (addPhone: windows keep what they show).
   */
  | { type: 'world'; world: WorldView; change?: 'locale' | 'phones' };

export type HostEventType = HostEvent['type'];
export const hostEventTypes: readonly HostEventType[] = ['journal', 'login', 'phone', 'clock', 'fob', 'world'];
