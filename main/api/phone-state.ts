// What can be set on a phone: the settings its owner touches, and the faults the director switches.
import { z } from 'zod';
import { FOCUS_MODES } from './vocabulary.js';

/** The fields and their types, without defaults: a patch must not fill in what it does not name. */
const fields = {
  poweredOn: z.boolean().describe('The phone is switched on. Off: SMS and pushes wait in the network and arrive when it is switched on again; a voice call is lost (SMS article, step 2).'),
  signal: z.number().int().min(0).max(4).describe('Mobile signal in bars, 0 to 4; 0 is no service: SMS wait, calls are lost, pushes need Wi-Fi (notifications article, step 7).'),
  airplane: z.boolean().describe('Airplane mode: no cellular network and no Wi-Fi; SMS and pushes wait until it is turned off, calls are lost (notifications article, step 3).'),
  wifi: z.boolean().describe('Wi-Fi connected: one of the two ways a push reaches the app (mobile data is the other).'),
  mobileData: z.boolean().describe('Mobile data on: a push also arrives over the cellular network while the phone has signal.'),
  poorConnection: z.boolean().describe('Wi-Fi or data present but unstable: pushes are lost, SMS still arrive (notifications article, step 7).'),
  doNotDisturb: z.boolean().describe('Do Not Disturb: SMS and pushes still arrive, but silenced, in the list without a banner (notifications article, step 3).'),
  focus: z
    .enum(FOCUS_MODES)
    .nullable()
    .describe("An active Focus (iOS) or Focus mode (Android), or null for none: it silences the app's pushes unless focusAllowedIn names it (notifications article, step 4)."),
  focusAllowedIn: z
    .array(z.enum(FOCUS_MODES).describe('A Focus mode whose Allowed Apps list the app.'))
    .max(FOCUS_MODES.length)
    .refine((modes) => new Set(modes).size === modes.length, 'each Focus once')
    .describe(
      "The Focus modes whose Allowed Apps list the broker's app (iOS Settings → Focus → a mode → Apps; Android: the app not among Focus mode's distracting apps). Each Focus has its own list: allowed in one, the app is still silenced in another (notifications article, step 4: \"repeat this operation for the other focus patterns\"). iOS's Do Not Disturb is a Focus too.",
    )
    .meta({ examples: [['Do Not Disturb', 'Work']] }),
  appLockScreen: z
    .boolean()
    .describe("The broker's app may show its notifications on the lock screen (iOS: the Lock Screen alert; Android: Lock screen). Off: not on the locked screen, still in the list once unlocked."),
  appNotificationCenter: z
    .boolean()
    .describe("iOS: the app's notifications go to Notification Center (the list pulled down from the top left). Off: not in that list; the lock screen and the banner follow their own switches."),
  appBanners: z
    .boolean()
    .describe("The app's notifications raise a banner on arrival (iOS: Banners; Android: Pop on screen). Off: no banner, the notification is still in the list (notifications article, step 2)."),
  bannerStyle: z
    .enum(['temporary', 'persistent'])
    .describe('iOS Banner Style: a temporary banner goes up after a few seconds, a persistent one stays until it is touched (notifications article, step 2: notifications that hide quickly).'),
  appBadges: z.boolean().describe("The app's icon shows its waiting notifications (iOS: Badges, a count; Android: Notification dot)."),
  showPreviews: z
    .enum(['always', 'whenUnlocked', 'never'])
    .describe("iOS Show Previews for the app: its notifications' text always, only once the phone is unlocked, or never (the app's name and \"Notification\" only)."),
  overrideDnd: z
    .boolean()
    .describe("Android: the app's notifications override Do Not Disturb: they arrive with their banner and sound while Do Not Disturb is on."),
  lowPower: z.boolean().describe('Power saving (Low Power Mode): the app gets no background data, so pushes wait until it is turned off (notifications article, step 6).'),
  battery: z.number().int().min(1).max(100).describe('Battery level in percent, as the status bar shows it.'),
  appNotifications: z.boolean().describe("Notifications allowed for the broker's app in the phone's settings; off: its pushes are lost (notifications article, step 5)."),
  jailbroken: z.boolean().describe('A jailbroken (iOS) or rooted (Android) phone: IB Key refuses to work, pushes are lost and Authenticate is refused (notifications article, step 8).'),
  googleServices: z.boolean().describe('Android only: Google services reachable (not in mainland China); without them pushes are lost and only challenge/response works (notifications article, note A).'),
  roaming: z.boolean().describe('The phone is roaming on a foreign network.'),
  outsideCoverage: z.boolean().describe("Roaming outside the carrier's coverage: about one SMS in two is lost (SMS article, step 2)."),
  carrierBlocking: z.boolean().describe("The carrier's spam filter blocks the broker's SMS sender: every SMS is lost, the voice callback still works (SMS article, step 4)."),
  smsDelayMs: z
    .number()
    .int()
    .min(0)
    .max(24 * 3_600_000)
    .describe("Extra carrier delay on every SMS, in milliseconds, on top of the scenario's timing.smsDelay (at most 24 hours).")
    .meta({ examples: [45_000] }),
  smsStuck: z.boolean().describe('A transient glitch: SMS are held until the phone restarts (SMS article, step 2).'),
  appOutOfSync: z
    .boolean()
    .describe("The app's parameters out of line with the server: no pushes arrive until one login by challenge/response re-syncs it (notifications article, step 9)."),
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
  focusAllowedIn: [],
  appLockScreen: true,
  appNotificationCenter: true,
  appBanners: true,
  bannerStyle: 'temporary',
  appBadges: true,
  showPreviews: 'always',
  overrideDnd: false,
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
