// The shared vocabulary: the lists and limits both sides of the contract use at run time.
// Dependency-free (no zod, no node:, no DOM): the renderer may import it, the zod schemas and the
// JSON Schema derive from it, and nothing else keeps its own copy.

/** The screens of the login window, in the order a login walks through them. */
export const LOGIN_STEPS = [
  'credentials',
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
  'paperWarning',
  'loggedIn',
  'failed',
] as const;
export type LoginStep = (typeof LOGIN_STEPS)[number];

/** The kinds of second factor a user can hold (voice is SMS's other channel, not a device). */
export const DEVICE_KINDS = ['sms', 'voice', 'ibkey', 'dscplus', 'codecard'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

export const PLATFORMS = ['ios', 'android'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const TRADING_MODES = ['live', 'paper'] as const;
export type TradingMode = (typeof TRADING_MODES)[number];
