// The shared vocabulary: the lists and limits both sides of the contract use at run time.
// Dependency-free (no zod, no node:, no DOM): the renderer may import it, the zod schemas and the
// JSON Schema derive from it, and nothing else keeps its own copy.

/** The screens of the login window, in the order a login walks through them. */
export const LOGIN_STEPS = [
  'credentials',
  /** "Log in progress (attempt #N)": the login window retries its connection before the credentials reach the server. */
  'connecting',
  'selectDevice',
  'securityCode',
  'push',
  'challenge',
  'dscplus',
  'codecard',
  /** A user whose device was lost types the temporary passcode client services gave by phone. */
  'temporaryPasscode',
  /** Hong Kong and India: no second factor on record, and the regulator allows no opting out. */
  'enrolRequired',
  /** "Existing session detected": the user's other trading session is open (one trading session at a time). */
  'existingSession',
  'paperWarning',
  'loggedIn',
  /** "Re-login is required": the session ended (timed out, or disconnected by a login elsewhere). */
  'reloginRequired',
  'failed',
] as const;
export type LoginStep = (typeof LOGIN_STEPS)[number];

/** The kinds of second factor a user can hold (voice is SMS's other channel, not a device). */
export const DEVICE_KINDS = ['sms', 'voice', 'ibkey', 'dscplus', 'codecard'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

/** Where an account or a phone is: it decides the regulator's rules, the carriers' filters and a phone's time zone. */
export const REGIONS = ['US', 'CA', 'EU', 'UK', 'CH', 'HK', 'IN', 'CN', 'JP', 'SG', 'AU'] as const;
export type Region = (typeof REGIONS)[number];

export const PLATFORMS = ['ios', 'android'] as const;
export type Platform = (typeof PLATFORMS)[number];

/**
 * The phone models the Director's "Add a phone" offers, by platform: what the frames draw (Home
 * button, notch, Dynamic Island, punch-hole, tablet) and the stage names. A model of the other
 * platform, or one not listed, is refused (`add_phone_bad_model`).
 */
export const PHONE_MODELS = {
  ios: ['iPhone SE', 'iPhone 13', 'iPhone 14', 'iPhone 15', 'iPhone 15 Pro', 'iPhone 16', 'iPhone 16 Pro', 'iPhone 16e', 'iPad Air'],
  android: ['Google Pixel 8', 'Google Pixel 9', 'Google Pixel 9 Pro', 'Samsung Galaxy S23', 'Samsung Galaxy S24', 'Samsung Galaxy Tab S9'],
} as const satisfies Record<Platform, readonly string[]>;

/**
 * What a phone added by the Director is for: a new phone (IB Key migrates to it; it comes without
 * the broker's app, which the app store installs) or a trading device (the app installed, its own
 * login, IB Key staying on the other phone).
 */
export const PHONE_ROLES = ['newPhone', 'tradingDevice'] as const;
export type PhoneRole = (typeof PHONE_ROLES)[number];

/** Why "Add a phone" was refused. */
export const ADD_PHONE_REFUSALS = ['unknown_user', 'duplicate_id', 'bad_model', 'too_many_phones'] as const;
export type AddPhoneRefusal = (typeof ADD_PHONE_REFUSALS)[number];

export const TRADING_MODES = ['live', 'paper'] as const;
export type TradingMode = (typeof TRADING_MODES)[number];

/** Where a login is typed: the trading platform's login window, or the Client Portal (the same server, the same login machine). */
export const LOGIN_SURFACES = ['tws', 'portal'] as const;
export type LoginSurface = (typeof LOGIN_SURFACES)[number];

/** The channels a one-time security code travels by (SMS article; "Didn't receive a security code?"). */
export const CODE_CHANNELS = ['sms', 'voice'] as const;
export type CodeChannel = (typeof CODE_CHANNELS)[number];

/**
 * The Focus modes a phone can be in, in the order iOS Settings → Focus lists them (notifications
 * article, step 4: "Do Not Disturb, Personal, Sleep, Work"); Driving comes after them.
 */
export const FOCUS_MODES = ['Do Not Disturb', 'Personal', 'Sleep', 'Work', 'Driving'] as const;
export type FocusMode = (typeof FOCUS_MODES)[number];

/** How the owner proves it is them to IB Key: a biometric, the iOS passcode, or the app PIN. */
export const UNLOCK_METHODS = ['faceid', 'touchid', 'fingerprint', 'passcode', 'pin'] as const;
export type UnlockMethod = (typeof UNLOCK_METHODS)[number];

/**
 * What a scenario sets on a phone: the biometric it has, or `pin` alone. The passcode is not a
 * setting: it is what `pin` means on iOS, and the fallback iOS offers beside every biometric.
 */
export const PHONE_UNLOCKS = ['faceid', 'touchid', 'fingerprint', 'pin'] as const satisfies readonly UnlockMethod[];

/**
 * A mobile number as the system stores and enrols it: international (E.164), "+", a country code
 * that does not start with 0, and 7 to 15 digits in all. Scenario files, enrolment and the
 * enrolment screen all test this one pattern.
 */
export const MOBILE_NUMBER_PATTERN = /^\+[1-9]\d{6,14}$/;
export const MOBILE_NUMBER_RULE = 'must be an international number such as +13125550142';

/**
 * The example in the "Mobile Number" field of the enrolment screens (the login window's, the app's,
 * the Client Portal's), in the region's own international form; numbers from the ranges set aside
 * for fiction or documentation where the region has one (US/CA 555-01xx, UK 07700 900xxx, AU 0491 570xxx).
 */
export const EXAMPLE_MOBILE_NUMBERS = {
  US: '+1 312 555 0142',
  CA: '+1 416 555 0142',
  EU: '+49 151 5550 0923',
  UK: '+44 7700 900123',
  CH: '+41 79 123 45 67',
  HK: '+852 5123 4567',
  IN: '+91 98123 45678',
  CN: '+86 138 0013 8000',
  JP: '+81 90 1234 5678',
  SG: '+65 8123 4567',
  AU: '+61 491 570 156',
} as const satisfies Record<Region, string>;

/** The Android app PIN: 4–6 letters or digits with at least one digit (migration article). */
export const APP_PIN_PATTERN = /^(?=.*\d)[A-Za-z0-9]{4,6}$/;
export const APP_PIN_MIN = 4;
export const APP_PIN_MAX = 6;

/**
 * Each rule of the app PIN a chosen PIN breaks, in the migration article's terms ("alphanumeric,
 * between 4 and 6 characters, with at least one number"): the app explains every one, the server
 * refuses the same PINs. Empty when the PIN is acceptable.
 */
export type AppPinProblem = 'too_short' | 'too_long' | 'not_alphanumeric' | 'no_number';
export function appPinProblems(pin: string): AppPinProblem[] {
  const problems: AppPinProblem[] = [];
  if (pin.length < APP_PIN_MIN) problems.push('too_short');
  if (pin.length > APP_PIN_MAX) problems.push('too_long');
  if (/[^A-Za-z0-9]/.test(pin)) problems.push('not_alphanumeric');
  if (!/\d/.test(pin)) problems.push('no_number');
  return problems;
}

/** Why IB Key is being activated on a phone: the first time, again on the same phone (reinstall, Clear data), or moved from another phone. */
export const ACTIVATION_PURPOSES = ['activate', 'reactivate', 'migrate'] as const;
export type ActivationPurpose = (typeof ACTIVATION_PURPOSES)[number];
/** How an Activation Token reaches the user: an SMS to the number on record, or the physical device's response to a challenge. */
export const ACTIVATION_CHANNELS = ['sms', 'dscplus'] as const;
export type ActivationChannel = (typeof ACTIVATION_CHANNELS)[number];

/** The digits of a DSC+ fob's PIN, and of every challenge (IB Key, DSC+): what the keypads and fields take. */
export const FOB_PIN_DIGITS = 4;
export const CHALLENGE_DIGITS = 6;
export const FOB_PIN_PATTERN = new RegExp(`^\\d{${FOB_PIN_DIGITS}}$`);
export const CHALLENGE_PATTERN = new RegExp(`^\\d{${CHALLENGE_DIGITS}}$`);

/** The longest user name and password the login takes (the fields stop there too). */
export const MAX_USERNAME_CHARS = 64;
export const MAX_PASSWORD_CHARS = 128;

/** The names a scenario shows when it names none: the company, its desktop platform, its app, its SMS sender. */
export const DEFAULT_BRANDING = { company: 'IBKR', product: 'Trader Workstation', mobileApp: 'IBKR Mobile', smsSender: 'IBKR' } as const;

/** The longest scenario text (in characters) the loader and the API accept: files are small, this stops a huge one early. */
export const MAX_SCENARIO_CHARS = 1_000_000;
/** A file of MAX_SCENARIO_CHARS characters takes at most 4 bytes for each in UTF-8: larger files are refused unread. */
export const MAX_SCENARIO_BYTES = 4 * MAX_SCENARIO_CHARS;

/** The browser host's routes: POST JSON to the operation's path; events arrive as Server-Sent Events. */
export const HTTP_OP_PREFIX = '/api/op/';
export const HTTP_EVENTS_PATH = '/api/events';
/**
 * The browser host's "New session" (not an operation: Electron's windows have no session). POST {}
 * with the current session; answers `{ ok: true, value: NewSessionView }` and the new cookie.
 */
export const HTTP_NEW_SESSION_PATH = '/api/session';

/**
 * Presenter mode, for screencasts and live demos: the windows show nothing but the product (no
 * Director or Trading device buttons, no "Simulated" labels, a plain title). `?present` in a
 * window's address opens it so (`/?present`, `index.html?present#login`).
 */
export const PRESENTER_PARAM = 'present';

/**
 * The frames a take is recorded at (the size presets of the stage and of Electron's View menu):
 * the stage lays out for each of them and every size between.
 */
export const FRAME_SIZES = [
  { label: '720p', width: 1280, height: 720 },
  { label: '1080p', width: 1920, height: 1080 },
  { label: '1440p', width: 2560, height: 1440 },
] as const;

/** The journal's export format, of the director and the control API alike: one JSON object per line. */
export function toJsonLines(entries: readonly unknown[]): string {
  return entries.map((e) => JSON.stringify(e)).join('\n') + (entries.length ? '\n' : '');
}

/**
 * The languages of the windows and of what the simulated world sends (SMS, calls, notifications),
 * and the BCP 47 tag each one's dates, numbers and speech synthesis voice follow.
 */
export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];
export const LOCALE_TAGS = { en: 'en-US', fr: 'fr-FR' } as const satisfies Record<Locale, string>;
/** Each language named in itself, as every language switch lists them (the menu, the Director, the stage). */
export const LOCALE_NAMES = { en: 'English', fr: 'Français' } as const satisfies Record<Locale, string>;

/**
 * The newest security code a phone shows its owner: the six digits of the last SMS, or those a later
 * voice call spoke ("1, 2, 3, 4, 5, 6"). The runner's script and the windows' autopilot both read it
 * so, as a person looking at the phone would.
 */
export function codeOnPhone(phone: {
  readonly messages: readonly { readonly text: string; readonly at: number }[];
  readonly calls: readonly { readonly transcript: string | null; readonly at: number }[];
}): string | undefined {
  const call = phone.calls.filter((c) => c.transcript).at(-1);
  const sms = phone.messages.at(-1);
  const fromCall = call && (!sms || call.at >= sms.at) ? /\b((?:\d, ){5}\d)\b/.exec(call.transcript!)?.[1]?.replace(/, /g, '') : undefined;
  return fromCall ?? (sms ? /\b(\d{6})\b/.exec(sms.text)?.[1] : undefined);
}
