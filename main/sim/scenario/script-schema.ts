// The parts of a scenario file that act over time: the timeline, the runner's script, expectations.
//
// Each item is named by its one key (`login:`, `approvePush:`, `loggedIn:`) and becomes a tagged
// kind (`{ kind: 'login', user, ... }`) at load, which the runner's table of handlers is typed by.
import { z } from 'zod';
import { mobileNumber } from '../../api/operations.js';
import { CODE_CHANNELS, LOCALES, TRADING_MODES, UNLOCK_METHODS } from '../../api/vocabulary.js';
import { phoneStatePatchSchema } from '../../api/phone-state.js';
import { reasonCatalog } from '../../api/reasons.js';
import { duration } from './durations.js';
import { keyed, strict } from './keyed.js';
import { assertNever } from '../../api/exhaustive.js';
import type { ScriptStepView } from '../../api/script-view.js';

// Every field and form is described once here: the published JSON Schema gives editors these words.
const id = z.string().min(1).max(64);
const phone = id.describe("A phone's id, as in phones[].id.").meta({ examples: ['sms-phone'] });
const user = id.describe("A user's username, as in users[].username.").meta({ examples: ['smsuser'] });
const reason = z
  .enum(Object.keys(reasonCatalog) as [keyof typeof reasonCatalog, ...(keyof typeof reasonCatalog)[]])
  .describe('Why it did not arrive, as the journal records it (GET /control/reasons lists each with the help-article step that fixes it).');
const method = z
  .enum(UNLOCK_METHODS)
  .describe("How the owner confirms on the phone: the phone's biometric (faceid, touchid, fingerprint), the iOS passcode, or the Android app pin; another is refused.");
const appPin = z.string().max(16).optional().describe("The app PIN to type (Android); left out: the phone's pin from the scenario.");
const note = z.string().max(200).optional().describe('A line for the journal instead of the generated description of the action.');
const patch = strict(phoneStatePatchSchema.shape).describe('The phone-state fields to change; the others stay as they are.').meta({ examples: [{ airplane: true }, { doNotDisturb: true }] });
const empty = strict({}).default({}).describe('No fields: write {} or nothing after the key.');
/**
 * What the autopilot's caption strip says while it plays the step (`caption: "The code arrives by SMS"`);
 * without one it says the step kind's default words, in the UI's language.
 */
const caption = z
  .string()
  .min(1)
  .max(200)
  .optional()
  .describe("What the autopilot's caption strip says while it plays this step; left out: the step kind's default words, in the windows' language.")
  .meta({ examples: ['The security code arrives by SMS'] });

/**
 * What a person, the trainer or the timeline does to the world outside the login window: the phone's
 * settings and faults, and the Client Portal switch. Each form's shape and the kind it becomes.
 */
const worldForms = {
  set: {
    shape: { phone: phone.describe('The phone whose state changes.'), set: patch },
    description: "Changes a phone's settings or faults, as its owner or the Director would: `phone: sms-phone, set: { airplane: true }`.",
    kind: (v: { phone: string; set: z.output<typeof patch> }) => ({ kind: 'setPhone' as const, phone: v.phone, patch: v.set }),
  },
  restart: {
    shape: { restart: phone.describe('The phone to power off and on.') },
    description: 'Powers the phone off and on: clears transient faults such as a stuck SMS, and held messages arrive (SMS article, step 2).',
    kind: (v: { restart: string }) => ({ kind: 'restart' as const, phone: v.restart }),
  },
  clearAppData: {
    shape: { clearAppData: phone.describe("The Android phone whose app data is cleared.") },
    description: "Android's Settings → Apps → the app → Storage → Clear data: IB Key on that phone must be activated again.",
    kind: (v: { clearAppData: string }) => ({ kind: 'clearAppData' as const, phone: v.clearAppData }),
  },
  seamless: {
    shape: {
      seamless: strict({ user, enabled: z.boolean().describe('true: the switch on; false: off, so no IB Key push is sent to this user.') }).describe("Client Portal's Seamless Authentication switch for a user."),
    },
    description: "Turns a user's Seamless Authentication on or off in Client Portal (off: no IB Key push is sent; notifications article, step 1).",
    kind: (v: { seamless: { user: string; enabled: boolean } }) => ({ kind: 'seamless' as const, user: v.seamless.user, enabled: v.seamless.enabled }),
  },
  setLocale: {
    shape: { setLocale: z.enum(LOCALES).describe('The language the windows switch to: en or fr.') },
    description: "The trainer switches the windows' language (`setLocale: fr`); what users are sent keeps their own language.",
    kind: (v: { setLocale: (typeof LOCALES)[number] }) => ({ kind: 'setLocale' as const, locale: v.setLocale }),
  },
};

/** One form: the fields it is written with, what it does, and the action it becomes. */
interface WorldForm<S extends z.core.$ZodLooseShape, A> {
  shape: S;
  description: string;
  kind: (v: never) => A;
}
// Both take the form itself rather than its key: a key known only as a type parameter makes
// TypeScript spell out every form's shape at once, which grows past its limit as forms are added.
/** As a script step: `restart: iphone`, with an optional caption. */
const worldAction = <S extends z.core.$ZodLooseShape, A>(form: WorldForm<S, A>) =>
  strict({ ...form.shape, caption })
    .describe(form.description)
    .transform((v) => ({ ...form.kind(v as never), caption: (v as { caption?: string }).caption }));
const at = duration
  .describe('When it happens, as virtual time since the scenario started: a number of seconds, or e.g. 90s, 1m30s, 2h15m, 1:30.')
  .meta({ examples: ['1m30s', '10s', '1:30'] });
/** As a timeline entry: the same with `at` and an optional `note` for the journal. */
const timed = <S extends z.core.$ZodLooseShape, A>(form: WorldForm<S, A>) =>
  strict({ at, ...form.shape, note })
    .describe(`At a moment: ${form.description}`)
    .transform((v) => {
      const { at: when, note: written } = v as { at: number; note?: string };
      return { at: when, note: written, action: form.kind(v as never) };
    });

/** Something that happens by itself at a moment of the scenario (the trainer's "at 1:30, airplane mode on"). */
export const timelineEntrySchema = keyed(
  {
    set: timed(worldForms.set),
    restart: timed(worldForms.restart),
    clearAppData: timed(worldForms.clearAppData),
    seamless: timed(worldForms.seamless),
    setLocale: timed(worldForms.setLocale),
  },
  { noun: 'timeline entry', plural: 'timeline entries', shared: ['at', 'note'], aliases: { phone: 'set' } },
).describe('One thing that happens by itself at a moment (`at`), named by its key: set (with phone), restart, clearAppData, seamless or setLocale.');

/**
 * A form whose one key holds its fields: `login: { user: smsuser }` → `{ kind: 'login', user: 'smsuser', ... }`.
 * `description` says what the step does; the form and its key both carry it, for the editor's hover on either.
 */
const step = <K extends string, S extends z.ZodType<object>>(key: K, fields: S, description: string) =>
  strict({ [key]: fields.describe(description), caption } as { [P in K]: S } & { caption: typeof caption })
    .describe(description)
    .transform((v) => ({ kind: key, ...(v as unknown as Record<K, z.output<S>>)[key], caption: (v as { caption?: string }).caption }));
/** A form whose one key holds a single value: `wait: 30s`, `chooseDevice: fob`. */
const single = <S extends z.ZodType>(value: S, description: string) => ({ value: value.describe(description), description });

/** What the headless runner does, in order, as a person at the login window and the phone would. */
const wait = single(duration.meta({ examples: ['30s', '2m', '1m30s'] }), 'Lets virtual time pass (codes arrive, pushes expire): a number of seconds, or e.g. 30s, 2m, 1m30s, 1:30.');
const chooseDevice = single(id.meta({ examples: ['fob'] }), 'Picks a device in "Select Second Factor Device" by its id in the user\'s devices.');
const requestCode = single(z.enum(CODE_CHANNELS), '"Didn\'t receive a security code?" → SMS or Voice: asks for a new code by that channel (refused within timing.resendInterval).');
const typedCode = z.string().max(16).optional();

export const scriptStepSchema = keyed(
  {
    login: step(
      'login',
      strict({
        user,
        password: z.string().max(128).optional().describe("The password to type; left out: the user's own from the scenario (give a wrong one to test refusals)."),
        mode: z.enum(TRADING_MODES).default('live').describe('Live or paper trading, as the login window\'s switch.'),
        readOnly: z
          .boolean()
          .default(false)
          .describe('Ticks "Read-Only Login" first (the scenario must offer it: readOnlyLogin): no second factor, orders disabled.'),
        elsewhere: z
          .boolean()
          .default(false)
          .describe(
            'Logs in from another login window (another computer), leaving the session the previous login step opened: the user\'s second trading session ("Existing session detected"). Left out: the same window, logged out first if it is logged in.',
          ),
        phone: phone
          .optional()
          .describe("Log in in the mobile app on this phone instead (the trading device of \"IB Key on another phone\"): the steps after it answer the app's login."),
        portal: z
          .boolean()
          .default(false)
          .describe(
            'Log in to the Client Portal instead (its own login, on the stage\'s "Client Portal" tab): the steps after it answer the portal\'s login (its second factor), and the portal steps (verifyNumber, confirmNumber, saveSeamless, optOut) act in it. The login window keeps its own session.',
          ),
      }),
      'Types the user name and password in the login window (or in the app on `phone`) and presses "Log In" (pressing "Log Out" first if the window is logged in).',
    ),
    wait: strict({ wait: wait.value, caption }).describe(wait.description).transform((v) => ({ kind: 'wait' as const, ms: v.wait, caption: v.caption })),
    chooseDevice: strict({ chooseDevice: chooseDevice.value, caption })
      .describe(chooseDevice.description)
      .transform((v) => ({ kind: 'chooseDevice' as const, device: v.chooseDevice, caption: v.caption })),
    enterCode: step(
      'enterCode',
      strict({ code: typedCode.describe('The code to type instead (e.g. a wrong one).') }).default({}),
      "Types the newest code the user's phone received (the SMS, or the voice call's words) in \"Security Code\", or the code given.",
    ),
    requestCode: strict({ requestCode: requestCode.value, caption })
      .describe(requestCode.description)
      .transform((v) => ({ kind: 'requestCode' as const, channel: v.requestCode, caption: v.caption })),
    answerCall: step('answerCall', empty, "Answers the voice callback ringing on the user's phone; the voice then reads the code out."),
    approvePush: step(
      'approvePush',
      strict({ method, pin: appPin }),
      "Approves the IB Key push on the phone holding the user's IB Key, with the method (and on Android the PIN); fails if no push has arrived.",
    ),
    challengeResponse: step(
      'challengeResponse',
      strict({ method, pin: appPin }),
      '"Click here if you do not receive the notification", Authenticate in the app with the challenge, then types the response.',
    ),
    dscplus: step(
      'dscplus',
      strict({ pin: z.string().max(8).describe("The PIN to type on the fob's keypad (a wrong one is refused by the fob).").meta({ examples: ['1234'] }) }),
      'Presses the DSC+ fob\'s button, types the PIN and the challenge on it, and types its response in the login window.',
    ),
    codeCard: step('codeCard', empty, 'Reads the values beside the two index numbers off the Security Code Card and types them.'),
    temporaryPasscode: step(
      'temporaryPasscode',
      strict({ code: typedCode.describe('The passcode to type instead, as typed (e.g. in lower case, which is wrong).') }).default({}),
      'Types the temporary passcode client services gave the user by phone, or the code given.',
    ),
    acceptPaperWarning: step('acceptPaperWarning', empty, '"I understand and accept" on the paper-trading warning.'),
    continueLogin: step('continueLogin', empty, '"Continue Login" on "Existing session detected": the user\'s other trading session is disconnected and this login goes on.'),
    cancel: step(
      'cancel',
      empty,
      'Cancel on the login window\'s current screen ("Existing session detected", "Log in progress", a second factor), or "Re-login" on "Re-login is required": back to the first screen.',
    ),
    enrolSms: step(
      'enrolSms',
      strict({ number: mobileNumber.describe('The mobile number to type, international (E.164).').meta({ examples: ['+85251234567'] }) }),
      'Enrolment (required in Hong Kong and India, offered after a login with no device): types the mobile number and presses VERIFY.',
    ),
    confirmEnrolment: step('confirmEnrolment', empty, 'Reads the Confirm Code off the phone with the enrolled number, types it in "Confirmation Number" and presses CONTINUE, then, once "SMS Verified" is checked, CONTINUE again to finalise.'),
    verifyNumber: step(
      'verifyNumber',
      strict({ number: mobileNumber.describe('The mobile number to type in "Mobile Number", international (E.164).').meta({ examples: ['+13125550142'] }) }),
      'Client Portal (logged in, after a `login` with `portal: true`): Settings → User Settings → the gear beside "Mobile Number", types the number and presses VERIFY (a new SMS only every 2 minutes).',
    ),
    confirmNumber: step(
      'confirmNumber',
      strict({ code: typedCode.describe('The code to type instead (e.g. a wrong one): then no second CONTINUE.') }).default({}),
      'Client Portal: reads the Confirm Code off the phone with the number being verified, types it in "Confirmation Number" and presses CONTINUE, then, once "SMS Verified" shows its check, CONTINUE again to finalise.',
    ),
    saveSeamless: step(
      'saveSeamless',
      strict({ enabled: z.boolean().describe('true: the switch on; false: off (no IB Key push; logins go to challenge/response).') }),
      'Client Portal: Secure Login System → Secure Login Settings → the wheel (Configure) → the "Seamless Authentication" switch → Save (notifications article, step 1).',
    ),
    optOut: step('optOut', empty, 'Client Portal: Secure Login System → "Opt out": allowed where the broker allows it, refused for Hong Kong and India accounts with the regulation cited (the step succeeds either way; `optOut` expectations check the outcome).'),
    installApp: strict({ installApp: phone.describe("The phone whose app store installs the broker's app."), caption })
      .describe("Installs the broker's app from the phone's app store (App Store, Google Play); IB Key must then be activated in it.")
      .transform((v) => ({ kind: 'installApp' as const, phone: v.installApp, caption: v.caption })),
    uninstallApp: strict({ uninstallApp: phone.describe("The phone the broker's app is removed from."), caption })
      .describe("Removes the broker's app from the phone, and IB Key with it (a reinstall must reactivate it).")
      .transform((v) => ({ kind: 'uninstallApp' as const, phone: v.uninstallApp, caption: v.caption })),
    activateIbKey: step(
      'activateIbKey',
      strict({
        phone: phone.describe('The phone whose app activates IB Key (Services → Activate IB Key).'),
        user,
        pin: appPin.describe('Android: the PIN to choose (first activation) or the app PIN set before (reactivation); left out: the phone\'s pin.'),
        method: method.optional().describe("iOS reactivation: how the owner confirms (the phone's biometric or passcode); left out: the phone's own."),
      }),
      "Activates IB Key in the app (first activation, or reactivation after a reinstall or Clear data): logs in, reads the Activation Token off the phone with the user's number, types it, and on Android chooses the PIN.",
    ),
    migrateIbKey: step(
      'migrateIbKey',
      strict({
        phone: phone.describe('The new phone, whose app takes IB Key.'),
        user,
        pin: appPin.describe("Android: the PIN to choose (PIN and Repeat PIN); left out: the phone's pin."),
      }),
      "Migrate IB Key (migration article): logs in in the new phone's app, Migrate IB Key, Continue, logs in again, reads the Activation Token (the SMS, or the physical device's response to the challenge), types it, and on Android chooses the PIN.",
    ),
    set: worldAction(worldForms.set),
    restart: worldAction(worldForms.restart),
    clearAppData: worldAction(worldForms.clearAppData),
    seamless: worldAction(worldForms.seamless),
    setLocale: worldAction(worldForms.setLocale),
  },
  { noun: 'step', plural: 'steps', shared: ['caption'], aliases: { phone: 'set' } },
).describe('One thing the runner does, named by its key: login, wait, chooseDevice, enterCode, approvePush, continueLogin, cancel…, the Client Portal\'s verifyNumber, confirmNumber, saveSeamless and optOut, or a change to a phone (set, restart, clearAppData) or the Seamless switch.');

const channel = z.enum(['sms', 'push', 'call']).describe('What kind of message: an SMS, an IB Key push, or a voice call.');

/** What must be true once the script has run. */
export const expectationSchema = keyed(
  {
    delivered: strict({
      delivered: channel,
      to: phone.optional().describe('Only deliveries to this phone count.'),
      silenced: z.boolean().optional().describe('Pushes only: true, it arrived silenced (do not disturb, a Focus) without a banner; false, with a banner.'),
      containing: z
        .string()
        .min(1)
        .max(200)
        .optional()
        .describe('Words a delivered SMS, or an answered call, said (sms and call only).')
        .meta({ examples: ['Code de sécurité'] }),
    })
      .describe('At least one message of this kind reached a phone.')
      .superRefine((v, ctx) => {
        // A push notification leaves the phone once answered, so after the run there is nothing to read.
        if (v.delivered === 'push' && v.containing !== undefined)
          ctx.addIssue({ code: 'custom', path: ['containing'], message: 'containing reads an SMS or an answered call; a notification is gone once answered' });
      })
      .transform((v) => ({
        kind: 'delivered' as const,
        channel: v.delivered,
        to: v.to,
        silenced: v.silenced,
        containing: v.containing,
      })),
    notDelivered: strict({
      notDelivered: channel,
      reason,
      held: z.boolean().optional().describe('true: the network held it for later (the phone off, in airplane mode…); false: it was lost. Left out: either. Never for a call.'),
    })
      .describe('A message of this kind did not arrive, for this reason.')
      .superRefine((v, ctx) => {
        // Calls are never held: one the network cannot put through is lost at once.
        if (v.notDelivered === 'call' && v.held !== undefined) ctx.addIssue({ code: 'custom', path: [], message: 'a call is never held (one the network cannot put through is lost at once): leave out held' });
      })
      .transform((v) => ({
      kind: 'notDelivered' as const,
      channel: v.notDelivered,
      reason: v.reason,
      held: v.held,
    })),
    loggedIn: strict({
      loggedIn: user.describe('The user who must have logged in.'),
      factor: z
        .enum(['sms', 'voice', 'ibkey', 'dscplus', 'codecard', 'temporaryPasscode', 'none'])
        .optional()
        .describe('The second factor the login went through (none: no second factor was asked, as for paper trading or a user with no device).'),
      by: z.enum(['push', 'challenge', 'code', 'none']).optional().describe('How it was answered: an approved push, a challenge response, a typed code, or nothing.'),
      within: duration.optional().describe('At most this long from "Log In" to logged in, in virtual time.').meta({ examples: ['1m', '30s'] }),
      readOnly: z.boolean().optional().describe('true: a "Read-Only Login" (no second factor, orders disabled); false: a trading session.'),
    })
      .describe('The user logged in (at least once), optionally by this factor, this way and this fast.')
      .transform((v) => ({ kind: 'loggedIn' as const, user: v.loggedIn, factor: v.factor, by: v.by, within: v.within, readOnly: v.readOnly })),
    notLoggedIn: strict({ notLoggedIn: user.describe('The user who must not have logged in.') }).describe('The user never logged in.').transform((v) => ({ kind: 'notLoggedIn' as const, user: v.notLoggedIn })),
    enrolled: strict({ enrolled: user.describe('The user who must have enrolled.') }).describe('The user verified a mobile number and was enrolled in SMS authentication (at a login\'s enrolment, or by the Client Portal shortly after verifying a number).').transform((v) => ({ kind: 'enrolled' as const, user: v.enrolled })),
    locked: strict({ locked: user.describe('The user whose account must be locked.') }).describe('The account is locked at the end of the run (timing.lockout).').transform((v) => ({ kind: 'locked' as const, user: v.locked })),
    dialog: strict({
      dialog: z
        .enum(['connecting', 'existingSession', 'paperWarning', 'reloginRequired'])
        .describe('The dialog: connecting ("Log in progress (attempt #N)"), existingSession ("Existing session detected"), paperWarning, reloginRequired ("Re-login is required").'),
      user: user.optional().describe('Only this user\'s logins count (connecting counts every login).'),
      attempts: z.number().int().min(1).max(21).optional().describe('connecting only: the connection was made at this attempt (the scenario\'s failedAttempts + 1).'),
    })
      .describe('The login window showed this dialog at least once (read from the journal).')
      .transform((v) => ({ kind: 'dialog' as const, dialog: v.dialog, user: v.user, attempts: v.attempts })),
    disconnected: strict({ disconnected: user.describe('The user whose other trading session must have been disconnected.') })
      .describe('"Continue Login" disconnected another trading session of the user (one trading session at a time).')
      .transform((v) => ({ kind: 'disconnected' as const, user: v.disconnected })),
    numberVerified: strict({ numberVerified: user.describe('The user whose mobile number must have been verified in the Client Portal.') })
      .describe('The user verified a mobile number in the Client Portal (Settings → Mobile Number, or a portal login\'s Confirm Code to the number on record).')
      .transform((v) => ({ kind: 'numberVerified' as const, user: v.numberVerified })),
    optOut: strict({
      optOut: user.describe('The user who tried opting out of the Secure Login System in the Client Portal.'),
      outcome: z.enum(['refused', 'opted_out']).describe('refused: the regulation forbids it (Hong Kong, India), cited in full; opted_out: allowed, no second factor from then on.'),
    })
      .describe('The user tried opting out of the Secure Login System in the Client Portal, with this outcome.')
      .transform((v) => ({ kind: 'optOut' as const, user: v.optOut, outcome: v.outcome })),
    loginFailed: strict({ loginFailed: user.describe('The user whose login must have failed.') })
      .describe('A login of the user got past the password and then failed (too many wrong codes or responses, or the account locked meanwhile).')
      .transform((v) => ({ kind: 'loginFailed' as const, user: v.loginFailed })),
  },
  { noun: 'expectation', plural: 'expectations' },
).describe('One thing that must be true after the run, named by its key: delivered, notDelivered, loggedIn, notLoggedIn, enrolled, numberVerified, optOut, locked, dialog, disconnected or loginFailed.');

export type TimelineEntry = z.output<typeof timelineEntrySchema>;

/**
 * A world action back in the form a file writes it (`{ restart: iphone }`), the inverse of worldForms'
 * kinds: a saved world (world-export.ts) writes its timeline still to come with it.
 */
export function worldActionInput(action: WorldAction): Record<string, unknown> {
  switch (action.kind) {
    case 'setPhone':
      return { phone: action.phone, set: { ...action.patch } };
    case 'restart':
      return { restart: action.phone };
    case 'clearAppData':
      return { clearAppData: action.phone };
    case 'seamless':
      return { seamless: { user: action.user, enabled: action.enabled } };
    case 'setLocale':
      return { setLocale: action.locale };
    default:
      return assertNever(action, 'world action');
  }
}
export type ScriptStep = z.output<typeof scriptStepSchema>;
// The contract's copy of the step shapes (what getScript answers) must fit every step this file parses.
const stepsFitTheContract: ScriptStep extends ScriptStepView ? true : never = true;
void stepsFitTheContract;
/** What the timeline and the script can both do: the phone's settings and faults, Seamless Authentication, the windows' language. */
export type WorldAction = TimelineEntry['action'];
export type Expectation = z.output<typeof expectationSchema>;
