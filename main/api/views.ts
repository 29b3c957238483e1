// What the operations answer: plain, serializable views of the simulated world.
import type { Message } from './messages.js';
import type { ActivationChannel, ActivationPurpose, DeviceKind, Locale, LoginStep, LoginSurface, Platform, Region, TradingMode, UnlockMethod } from './vocabulary.js';
export type { DeviceKind, LoginStep, LoginSurface, Platform, TradingMode };

export interface DeviceChoice {
  id: string;
  kind: DeviceKind;
  /** What the drop-down shows: kind and a recognisable detail (masked number, model, serial). */
  label: string;
  /** The simulated phone this device reaches (the SMS number's phone, the phone holding IB Key), if any. */
  phoneId: string | null;
  /** The physical device's serial number (DSC+ fob, Security Code Card), so a window can show that device. */
  serial: string | null;
}

/** Never carries a secret: codes and responses live only on the phone and in the server. */
export interface LoginView {
  loginId: string | null;
  step: LoginStep;
  mode: TradingMode;
  /** Where the login was typed: the trading platform's window (tws) or the Client Portal. */
  surface: LoginSurface;
  username: string;
  /** For the alert region, e.g. invalid_credentials ("Invalid user name password combination"). */
  error: Message | null;
  /** Informational line, e.g. where the code was sent. */
  notice: Message | null;
  devices: DeviceChoice[];
  device: DeviceChoice | null;
  /** Virtual time at which "Didn't receive a security code?" may send a new SMS again. */
  resendAvailableAt: number | null;
  /** Virtual time at which the voice callback may be asked for again (with the scenario's default, its own clock, not the SMS's). */
  voiceAvailableAt: number | null;
  /** Which channels "Didn't receive a security code?" offers, and whether each works yet. */
  resendChannels: { sms: boolean; voice: boolean };
  challenge: string | null;
  cardIndexes: [number, number] | null;
  /** Enrolling a mobile number for SMS: required (step enrolRequired) or offered on the logged-in screen. */
  enrolment: EnrolmentView | null;
  /** "Read-Only Login": no second factor was asked, and orders are disabled in the workspace. */
  readOnly: boolean;
  /** At step connecting: the connection attempt in progress ("Log in progress (attempt #N)"). */
  connectionAttempt: number | null;
  /** The Client Portal's settings, once a portal login is logged in (null otherwise). */
  portal: PortalView | null;
  /** Virtual time when this view was made. */
  now: number;
}

/** Client Portal → Settings → User Settings, as the logged-in portal shows them. Never carries a code. */
export interface PortalView {
  /** The mobile number on record, and whether it is verified. */
  mobile: { number: string | null; verified: boolean };
  /** The number being verified (after VERIFY), until CONTINUE finalises it. */
  verification: PortalVerificationView | null;
  /** When the automatic enrolment in SMS (a user with no active SLS device) happens, once the number is verified. */
  smsEnrolmentAt: number | null;
  /** Secure Login Settings' "Seamless Authentication" switch. */
  seamless: boolean;
  /** The user's active SLS devices. */
  devices: DeviceChoice[];
  /** Opting out of the Secure Login System: allowed by the broker for this account's region, or refused by a regulator. */
  optOut: { allowed: boolean; regulation: Message | null; optedOut: boolean };
}

export interface PortalVerificationView {
  number: string;
  /** A Confirm Code is out and can be typed in "Confirmation Number". */
  codeSent: boolean;
  /** The code was accepted: the green check in the column "SMS Verified"; CONTINUE finalises. */
  confirmed: boolean;
  /** When VERIFY may send a new SMS (a new one only every resend interval). */
  resendAvailableAt: number | null;
  /** The simulated phone answering that number, if any. */
  phoneId: string | null;
}

export interface EnrolmentView {
  /** True in Hong Kong and India: no opting out, the login waits. False: offered, and it can wait. */
  required: boolean;
  /** Why the user must enrol: the regulator's rule, in the help article's words (null when only offered). */
  regulation: Message | null;
  /** The user's region: the example number in "Mobile Number" is one of its own. */
  region: Region;
  /** The number the confirmation code was sent to, as typed. */
  number: string | null;
  /** A Confirm Code is out and can be typed in "Confirmation Number". */
  codeSent: boolean;
  /** The simulated phone answering that number, if any. */
  phoneId: string | null;
  /** The code was accepted: a green check in the column "SMS Verified", and CONTINUE again to finalise. */
  verified: boolean;
  /** The second CONTINUE finalised the procedure: SMS is now the user's second factor. */
  enrolled: boolean;
}

export type { PhoneStatus } from './phone-state.js';
import type { PhoneStatus } from './phone-state.js';

export interface SmsView {
  id: string;
  from: string;
  text: string;
  at: number;
  read: boolean;
}

export interface NotificationView {
  id: string;
  app: string;
  title: string;
  body: string;
  at: number;
  /** Silenced notifications stay in the list but raise no banner. */
  silenced: boolean;
  /** The banner it raised on arrival: none when silenced or the app's banners are off; a persistent one stays until touched. */
  banner: 'temporary' | 'persistent' | null;
  /** Shown on the lock screen now (the app's Lock Screen setting). */
  lockScreen: boolean;
  /** In the list once unlocked: iOS's Notification Center, Android's shade. */
  centre: boolean;
  /** Its text shows always, only unlocked, or never (the app's name and "Notification" only): iOS's Show Previews. */
  preview: 'always' | 'whenUnlocked' | 'never';
  source: { kind: 'sms'; messageId: string } | { kind: 'push'; loginId: string } | { kind: 'call'; callId: string };
}

export interface CallView {
  id: string;
  from: string;
  at: number;
  state: 'ringing' | 'answered' | 'ended' | 'missed';
  /** What the automated voice says once answered: the captions, and the text spoken aloud. */
  transcript: string | null;
  /** The BCP 47 tag of the language the voice speaks (the account holder's: `fr-FR`), for the speech synthesis voice. */
  language: string;
}

/** The IBKR Mobile app on a phone, as far as the phone's screens need to know. */
export interface MobileAppView {
  installed: boolean;
  /** The user whose IB Key this phone holds, if any. */
  ibkeyUser: string | null;
  /** Too many wrong app PINs locked IB Key on this phone: it must be activated again. */
  needsReactivation: boolean;
  /** How IB Key asks for the owner: the phone's biometric, or the app PIN (Android). */
  unlock: UnlockMethod;
  /** Android asks for the app PIN in Authenticate; iOS uses the biometric or passcode. */
  asksPin: boolean;
  /** Login requests waiting for approval on this phone. */
  pendingApprovals: { loginId: string; username: string; product: string; at: number; expiresAt: number }[];
  /** A login of the app itself on this phone (IB Key on another phone): its view. */
  login: LoginView | null;
  /** IB Key was migrated from this phone to another: what the app says instead of approving. */
  migratedAway: boolean;
  /** The app's IB Key activation in progress (first activation, reactivation, migration), if any. */
  activation: ActivationView | null;
}

/** The app's IB Key activation on one phone, after its own log in: the Activation Token, Android's PIN, done. */
export interface ActivationView {
  id: string;
  purpose: ActivationPurpose;
  username: string;
  /** token: the Activation Token is awaited (iOS "Activation Code", Android "SMS Code"); pin: Android's PIN and Repeat PIN; done; stopped: too many wrong answers. */
  step: 'token' | 'pin' | 'done' | 'stopped';
  /** sms: the token went by SMS to the number on record; dscplus: the token is the physical device's response to `challenge`. */
  via: ActivationChannel;
  /** The masked number the SMS went to. */
  number: string | null;
  challenge: string | null;
  serial: string | null;
  /** When a new token may be asked for (display only: the server decides). */
  resendAvailableAt: number | null;
  /** Reactivation on Android: the app PIN set before goes with the SMS Code. */
  asksCurrentPin: boolean;
  /** Reactivation on iOS: the phone's passcode or biometric confirms the owner with the Activation Code. */
  asksOwner: boolean;
  /** Migration: the model of the phone IB Key leaves. */
  fromModel: string | null;
  error: Message | null;
  notice: Message | null;
}

/** What the Director's "Add a phone" answers: the phone as the world lists it, or why none was added (error). */
export interface AddPhoneAnswer {
  phone: PhoneSummary | null;
  error: Message | null;
}

/** What the activation operations answer: the activation, or why none started (error). */
export interface ActivationAnswer {
  activation: ActivationView | null;
  error: Message | null;
}

export interface AppResponseView {
  ok: boolean;
  /** The 8-digit "Response String" of Authenticate. */
  response: string | null;
  message: Message;
}

export interface PhoneView {
  id: string;
  name: string;
  platform: Platform;
  model: string;
  number: string;
  carrier: string;
  region: string;
  status: PhoneStatus;
  messages: SmsView[];
  notifications: NotificationView[];
  calls: CallView[];
  app: MobileAppView;
  unread: number;
  /** The broker app's icon badge (its waiting notifications), 0 when Badges or the notification dot is off. */
  appBadge: number;
  now: number;
}

/** The DSC+ fob's display and state. */
export interface FobView {
  serial: string;
  owner: string;
  state: 'off' | 'pin' | 'challenge' | 'response' | 'locked';
  /** What the LCD shows: "PIN>", "CHALLNG>", the response, "LOCKED". */
  display: string;
  wrongPins: number;
  /** Virtual time at which the fob turns itself off. */
  offAt: number | null;
}

export interface CodeCardView {
  serial: string;
  owner: string;
  /** Index number → the 3-character value printed beside it. */
  entries: { index: number; value: string }[];
}

export interface ClockView {
  now: number;
  running: boolean;
  /** Virtual time elapsed since the scenario started. */
  elapsed: number;
}

export interface UserSummary {
  username: string;
  region: string;
  devices: DeviceChoice[];
  lockedUntil: number | null;
  recentFailures: number;
  /** Client Portal's Seamless Authentication switch. */
  seamless: boolean;
  /** The account holder's language: what the simulated world sends them (SMS, calls, notifications) is in it. */
  language: Locale;
}

export interface PhoneSummary {
  id: string;
  name: string;
  platform: Platform;
  model: string;
  number: string;
  /** Where the phone and its carrier are. */
  region: Region;
  /** The user whose IB Key this phone holds, if any. */
  ibkeyUser: string | null;
  /** The scenario's `owner` of the phone (a user who enrols its number), if it names one. */
  owner: string | null;
}

export interface Branding {
  company: string;
  product: string;
  mobileApp: string;
  smsSender: string;
}

export interface ScenarioView {
  name: string;
  title: string;
  description: string;
  seed: string;
  branding: Branding;
  article: { title: string; step: string } | null;
  /** The login window offers "Read-Only Login" (the scenario's readOnlyLogin). */
  readOnlyLogin: boolean;
}

/** The running world as a scenario file (README "Saved worlds"): YAML that loads back to the same world. */
export interface WorldExportView {
  /** `<scenario>-saved.yaml`, what a download or a save dialog offers. */
  fileName: string;
  text: string;
}

/** What the desktop app's save dialog did with the export: the file's name, or nothing when cancelled. */
export interface SavedWorldView {
  saved: boolean;
  fileName: string | null;
}

export interface WorldView {
  scenario: ScenarioView;
  /**
   * The windows' language, which every window follows (setLocale changes it and sends a `world`
   * event). What the simulated world sends a user follows that user's `language` instead.
   */
  locale: Locale;
  clock: ClockView;
  users: UserSummary[];
  phones: PhoneSummary[];
  fobs: { serial: string; owner: string }[];
  cards: { serial: string; owner: string }[];
}

/** A second factor waiting to be answered. Carries secrets: only for the director and the control API. */
export interface PendingView {
  username: string;
  loginId: string;
  step: LoginStep;
  kind: 'code' | 'challenge' | 'push' | 'card' | 'passcode';
  /** The live code (SMS or voice) or temporary passcode, the challenge, or the card indexes. */
  code: string | null;
  challenge: string | null;
  cardIndexes: [number, number] | null;
  /** The expected response (IB Key, DSC+, card values), so a tester can answer without the phone. */
  expectedResponse: string | null;
  expiresAt: number | null;
  /** A push entry's phone and its notification there (null while the network holds it or after it was lost). */
  push?: { phoneId: string; notificationId: string | null; delivered: boolean };
}

export interface ScenarioSummary {
  name: string;
  title: string;
  description: string;
  file: string;
  article: { title: string; step: string } | null;
}

export interface ScenarioProblemView {
  file: string;
  line: number;
  column: number;
  field: string;
  message: string;
}

export type LoadScenarioResult = { ok: true; world: WorldView } | { ok: false; problems: ScenarioProblemView[] };
