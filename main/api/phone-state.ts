// What can be set on a phone: the settings its owner touches, and the faults the director switches.
import { z } from 'zod';

export const focusModes = ['Do Not Disturb', 'Work', 'Personal', 'Sleep', 'Driving'] as const;

export const phoneStateSchema = z.strictObject({
  poweredOn: z.boolean().default(true),
  /** Bars, 0 = no service. */
  signal: z.number().int().min(0).max(4).default(4),
  airplane: z.boolean().default(false),
  wifi: z.boolean().default(true),
  mobileData: z.boolean().default(true),
  /** Wi-Fi / data present but unstable: pushes get lost (notifications article, step 7). */
  poorConnection: z.boolean().default(false),
  doNotDisturb: z.boolean().default(false),
  /** An active Focus (iOS) / Focus mode (Android), and whether the broker's app is allowed through it. */
  focus: z.enum(focusModes).nullable().default(null),
  focusAllowsApp: z.boolean().default(false),
  lowPower: z.boolean().default(false),
  battery: z.number().int().min(1).max(100).default(82),
  /** Notifications allowed for the broker's app in the phone's settings. */
  appNotifications: z.boolean().default(true),
  jailbroken: z.boolean().default(false),
  /** Android only: Google services reachable (not in mainland China). */
  googleServices: z.boolean().default(true),
  roaming: z.boolean().default(false),
  /** Roaming outside the carrier's coverage: some messages are lost (SMS article, step 2). */
  outsideCoverage: z.boolean().default(false),
  /** The carrier's spam filter blocks the broker's SMS sender (SMS article, step 4). */
  carrierBlocking: z.boolean().default(false),
  /** Extra carrier delay on every SMS, in milliseconds. */
  smsDelayMs: z.number().int().min(0).max(24 * 3_600_000).default(0),
  /** A transient glitch that holds SMS until the phone restarts (SMS article, step 2). */
  smsStuck: z.boolean().default(false),
  /** The app's parameters out of line with the server: no pushes until one challenge/response login (step 9). */
  appOutOfSync: z.boolean().default(false),
});

export type PhoneStatus = z.output<typeof phoneStateSchema>;

/** A partial update, as the director and the control API send it. */
export const phoneStatePatchSchema = phoneStateSchema.partial();
export type PhoneStatePatch = z.output<typeof phoneStatePatchSchema>;
