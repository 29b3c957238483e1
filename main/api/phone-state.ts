// What can be set on a phone: the settings its owner touches, and the faults the director switches.
import { z } from 'zod';
import { FOCUS_MODES } from './vocabulary.js';

/** The fields and their types, without defaults: a patch must not fill in what it does not name. */
const fields = {
  poweredOn: z.boolean(),
  /** Bars, 0 = no service. */
  signal: z.number().int().min(0).max(4),
  airplane: z.boolean(),
  wifi: z.boolean(),
  mobileData: z.boolean(),
  /** Wi-Fi / data present but unstable: pushes get lost (notifications article, step 7). */
  poorConnection: z.boolean(),
  doNotDisturb: z.boolean(),
  /** An active Focus (iOS) / Focus mode (Android), and whether the broker's app is allowed through it. */
  focus: z.enum(FOCUS_MODES).nullable(),
  focusAllowsApp: z.boolean(),
  lowPower: z.boolean(),
  battery: z.number().int().min(1).max(100),
  /** Notifications allowed for the broker's app in the phone's settings. */
  appNotifications: z.boolean(),
  jailbroken: z.boolean(),
  /** Android only: Google services reachable (not in mainland China). */
  googleServices: z.boolean(),
  roaming: z.boolean(),
  /** Roaming outside the carrier's coverage: some messages are lost (SMS article, step 2). */
  outsideCoverage: z.boolean(),
  /** The carrier's spam filter blocks the broker's SMS sender (SMS article, step 4). */
  carrierBlocking: z.boolean(),
  /** Extra carrier delay on every SMS, in milliseconds. */
  smsDelayMs: z.number().int().min(0).max(24 * 3_600_000),
  /** A transient glitch that holds SMS until the phone restarts (SMS article, step 2). */
  smsStuck: z.boolean(),
  /** The app's parameters out of line with the server: no pushes until one challenge/response login (step 9). */
  appOutOfSync: z.boolean(),
};

const defaults = {
  poweredOn: true,
  signal: 4,
  airplane: false,
  wifi: true,
  mobileData: true,
  poorConnection: false,
  doNotDisturb: false,
  focus: null,
  focusAllowsApp: false,
  lowPower: false,
  battery: 82,
  appNotifications: true,
  jailbroken: false,
  googleServices: true,
  roaming: false,
  outsideCoverage: false,
  carrierBlocking: false,
  smsDelayMs: 0,
  smsStuck: false,
  appOutOfSync: false,
} as const;

export const phoneStateSchema = z.strictObject(
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, (v as z.ZodType).default(defaults[k as keyof typeof defaults] as never)])) as {
    [K in keyof typeof fields]: z.ZodDefault<(typeof fields)[K]>;
  },
);

export type PhoneStatus = z.output<typeof phoneStateSchema>;

/** A partial update, as the director and the control API send it. */
export const phoneStatePatchSchema = z.strictObject(fields).partial();
export type PhoneStatePatch = z.output<typeof phoneStatePatchSchema>;
