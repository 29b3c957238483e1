// The scenario file format: users, devices, phones, timing rules, seed and branding.
// What a schema cannot check (ids unique, references to phones, users and devices) is references.ts.
import { z } from 'zod';
import { phoneStateSchema } from '../../api/phone-state.js';
import { mobileNumber } from '../../api/operations.js';
import { APP_PIN_PATTERN, DEFAULT_BRANDING, FOB_PIN_DIGITS, FOB_PIN_PATTERN, LOCALES, PHONE_UNLOCKS, PLATFORMS, REGIONS } from '../../api/vocabulary.js';
import { duration } from './durations.js';
import { FOB_MAX_WRONG_PINS } from '../fob.js';
import { timelineEntrySchema, scriptStepSchema, expectationSchema } from './script-schema.js';
import { strict } from './keyed.js';
import { MAX_DEVICES_PER_USER, MAX_EXPECTATIONS, MAX_PHONES, MAX_SCRIPT_STEPS, MAX_TIMELINE_ENTRIES, MAX_USERS } from './limits.js';

/** A small map of names to counts (a saved world's counters), its keys checked like the names they are. */
function counts(key: RegExp, what: string) {
  return z
    .record(z.string().regex(key, `must be ${what}`), z.number().int().min(0).max(1_000_000_000))
    .refine((map) => Object.keys(map).length <= 200, 'at most 200 entries')
    .default({});
}

const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be lower-case letters, digits and dashes');
const region = z.enum(REGIONS);
const locale = z.enum(LOCALES);

/** Unknown fields of a phone's state named with a guess, like every other map of the file. */
const phoneState = strict(phoneStateSchema.shape);

// Every field says, once, what it does in the simulation: the published JSON Schema carries these
// descriptions to editors (hover help), and a unit test fails on a field without one.
export const phoneSchema = strict({
  id: id.describe('How the rest of the file and the control API name this phone (an ibkey device\'s phone, a timeline entry, /control/phones/<id>).').meta({ examples: ['sms-phone', 'ios-phone'] }),
  name: z.string().min(1).max(40).describe("The owner's name for the phone, as the phone's window and the Director's faults panel name it.").meta({ examples: ["Sam's iPhone"] }),
  platform: z.enum(PLATFORMS).describe('iOS or Android: the screens, the unlock methods, and whether Google services matter for pushes.'),
  model: z.string().min(1).max(60).describe('The model, as the push says where it was sent ("Notification sent to iPhone 15") and the device drop-down shows it.').meta({ examples: ['iPhone 15', 'Pixel 8'] }),
  number: mobileNumber.describe("The phone's mobile number: SMS and voice calls to a user's mobile number reach the phone with this number.").meta({ examples: ['+13125550142'] }),
  carrier: z.string().min(1).max(40).default('Carrier').describe('The mobile carrier shown in the status bar.').meta({ examples: ['Verizon'] }),
  region: region.default('US').describe("Where the phone is: its clock shows that region's local time."),
  owner: z
    .string()
    .max(32)
    .optional()
    .describe(
      "The user whose phone this is, for a user no device of theirs names it by yet (one who enrols the number): the stage shows it while they log in. The users whose mobile number or IB Key it holds need no owner to see it.",
    )
    .meta({ examples: ['hkuser'] }),
  unlock: z
    .enum(PHONE_UNLOCKS)
    .default('pin')
    .describe('How the owner confirms an IB Key request: the biometric the phone has (faceid, touchid, fingerprint), or pin alone (the passcode on iOS, the app PIN on Android).'),
  pin: z
    .string()
    .regex(APP_PIN_PATTERN, 'must be 4–6 letters or digits with at least one digit')
    .optional()
    .describe('The IB Key app PIN (Android asks for it in Authenticate and to approve): 4–6 letters or digits with at least one digit. An Android phone holding IB Key needs one.')
    .meta({ examples: ['1234'] }),
  state: phoneState
    .default(phoneState.parse({}))
    .describe('The phone at the start: settings its owner touches (airplane mode, do not disturb…) and faults (carrier filter, a stuck SMS…). Fields left out take their defaults.')
    .meta({ examples: [{ doNotDisturb: true }, { carrierBlocking: true, signal: 1 }] }),
  appInstalled: z.boolean().default(true).describe("Whether the broker's mobile app is installed; without it pushes are lost. IB Key is activated on it by a user's ibkey device."),
  app: strict({
    ibkey: z
      .enum(['active', 'cleared', 'locked'])
      .default('active')
      .describe("IB Key on this phone: active (as the users' ibkey devices make it), cleared (Android's Clear data: activate it again) or locked (too many wrong app PINs)."),
    wrongPins: z.number().int().min(0).max(100).default(0).describe('Wrong app PINs typed in a row since the last right one.'),
  })
    .optional()
    .describe("The broker's app as a saved world left it (world-export.ts writes it; a scenario may set it too); leave out for a freshly activated app."),
}).describe('A simulated phone: SMS and calls to its number, and the broker\'s app with IB Key when a user\'s ibkey device names it.');

const deviceId = id.describe('How the script (chooseDevice) and the journal name this device; unique within its user.').meta({ examples: ['sms', 'fob'] });
const serial = (what: string) => z.string().min(4).max(32).describe(`The serial number printed on the ${what}, which the control API names it by.`);
const smsDevice = strict({ id: deviceId, kind: z.literal('sms').describe("Security codes by SMS (or a voice call) to the user's mobile number.") }).describe(
  "SMS: a 6-digit security code sent to the user's verified mobile number; the voice callback reads it out instead.",
);
const ibkeyDevice = strict({
  id: deviceId,
  kind: z.literal('ibkey').describe('IB Key in the mobile app: a push to approve, or a challenge to answer with the app.'),
  phone: id.describe("The phone whose mobile app holds this user's IB Key (a phone's id)."),
}).describe('IB Key (IBKR Mobile Authentication): a push to approve on the phone, or challenge/response when it does not arrive.');
const dscDevice = strict({
  id: deviceId,
  kind: z.literal('dscplus').describe('The Digital Security Card+ fob.'),
  serial: serial('back of the fob').meta({ examples: ['SNA-52903318'] }),
  pin: z.string().regex(FOB_PIN_PATTERN, `must be ${FOB_PIN_DIGITS} digits`).describe(`The fob's ${FOB_PIN_DIGITS}-digit PIN, typed on its keypad before the challenge; wrong PINs lock the fob.`).meta({ examples: ['1234'] }),
  wrongPins: z
    .number()
    .int()
    .min(0)
    .max(FOB_MAX_WRONG_PINS)
    .default(0)
    .describe(`Wrong PINs typed since the last right one (a saved world's); ${FOB_MAX_WRONG_PINS} means the fob is locked until the Director resets it.`),
}).describe('Digital Security Card+ (DSC+): a fob that turns the login window\'s challenge and the PIN into an 8-digit response.');
const cardDevice = strict({
  id: deviceId,
  kind: z.literal('codecard').describe('The printed Security Code Card.'),
  serial: serial('card').meta({ examples: ['CC-1042'] }),
}).describe('Security Code Card: a printed grid; the login asks for the values beside two index numbers (generated per user from the seed).');
export const deviceSchema = z
  .discriminatedUnion('kind', [smsDevice, ibkeyDevice, dscDevice, cardDevice])
  .describe('A second-factor device the user holds, chosen by kind; several give the login window\'s "Select Second Factor Device" drop-down.');

export const userSchema = strict({
  username: z
    .string()
    .regex(/^[a-z][a-z0-9._-]{2,31}$/, 'must be 3–32 lower-case characters (user names are case-sensitive)')
    .describe('What the user types in the login window\'s "Username" field (case-sensitive), and how the script and expectations name them.')
    .meta({ examples: ['smsuser'] }),
  password: z.string().min(1).max(128).describe('The password the login window accepts; wrong ones count towards timing.lockout.').meta({ examples: ['demo'] }),
  region: region.describe('Where the account is: Hong Kong (HK) and India (IN) require SMS enrolment before a login with no device can go on; elsewhere it is offered.'),
  mobile: strict({
    number: mobileNumber.describe('The mobile number on record; SMS codes and voice calls go to the phone with this number.').meta({ examples: ['+13125550142'] }),
    verified: z.boolean().default(true).describe('Verified in Client Portal; an unverified number gets no SMS (reason number_not_verified).'),
  })
    .optional()
    .describe('The mobile number on record in Client Portal, which an sms device sends to. Enrolment in the login window sets it.'),
  devices: z
    .array(deviceSchema)
    .max(MAX_DEVICES_PER_USER)
    .default([])
    .describe(`The user's second-factor devices (at most ${MAX_DEVICES_PER_USER}). None: the login goes through and offers SMS enrolment, or requires it in HK and IN.`),
  seamless: z
    .boolean()
    .default(true)
    .describe('Client Portal\'s Seamless Authentication switch: off, no IB Key push is sent and the user must use challenge/response (notifications article, step 1).'),
  loggedInElsewhere: z
    .boolean()
    .default(false)
    .describe(
      'The user already has a trading session open elsewhere (TWS on another computer, the mobile app): after the second factor the login window shows "Existing session detected" (only one trading session at a time); "Continue Login" disconnects the other session, "Cancel" leaves it.',
    ),
  language: locale
    .optional()
    .describe("The account holder's language (en or fr): the SMS, the voice callback and the push notification they get are in it, whatever the windows show. Default: the scenario's locale."),
  temporaryPasscode: z
    .strictObject({
      code: z
        .string()
        .regex(/^[A-Z0-9]{6,12}$/, 'must be 6–12 upper-case letters and digits')
        .optional()
        .describe('The passcode as client services gave it: 6–12 upper-case letters and digits, typed as given (lower case is wrong). Left out: derived from the seed.')
        .meta({ examples: ['K7Q2M9XA'] }),
      issued: duration.prefault('0s').describe('How long before the scenario\'s start it was issued; it works for 2 days from then on the trading platform.').meta({ examples: ['1h', '47h'] }),
    })
    .optional()
    .describe('A temporary passcode client services gave the user by phone (a device was lost): while it is valid, the login asks for it instead of a device.'),
  lockout: strict({
    failures: z.array(duration.describe('How long before the start one failure was.')).max(100).default([]).describe('How long before the start each wrong password that still counts was typed, oldest first.'),
    lockedFor: duration.prefault('0s').describe('How long the account stays locked from the start (0: not locked).'),
  })
    .optional()
    .describe('Wrong passwords and a lock carried over from a saved world (world-export.ts writes it; a scenario may start with a user locked out too).'),
}).describe('An account that can log in: its password, region, mobile number and second-factor devices.');

/** A duration field's examples: what people write (the loader turns each into milliseconds). */
const durationExamples = (...examples: (string | number)[]) => ({ examples });

export const timingSchema = strict({
  codeLifetime: duration.prefault('10m').describe('How long an SMS or voice security code (and an enrolment confirmation code) stays valid after it is sent.').meta(durationExamples('10m', '5m')),
  resendInterval: duration
    .prefault('2m')
    .describe('How long after a code was sent "Didn\'t receive a security code?" may send another; asking sooner is refused with the wait.')
    .meta(durationExamples('2m', '30s')),
  voiceWaitsForSms: z
    .boolean()
    .default(false)
    .describe(
      'false (the articles): "Voice" may be chosen at once after an SMS, not held back by the SMS\'s resend interval; each channel keeps its own interval (a second call waits for it). true: one clock for both, so the voice callback waits as a new SMS does.',
    ),
  maxWrongCodes: z.number().int().min(1).max(100).default(5).describe('Wrong codes or responses in one login after which that login fails ("Login failed") and must start over.'),
  pushWindow: duration.prefault('3m').describe('How long an IB Key push can be approved on the phone before the login offers challenge/response instead.').meta(durationExamples('3m')),
  smsDelay: duration.prefault('3s').describe("The carrier's delay from sending an SMS to its arrival on a reachable phone (a phone's state.smsDelayMs adds to it).").meta(durationExamples('3s', '1m30s')),
  voiceDelay: duration.prefault('30s').describe('How long the voice callback takes to ring after it is asked for.').meta(durationExamples('30s')),
  autoEnrolDelay: duration
    .prefault('1m')
    .describe('After a mobile number is verified in the Client Portal, how long until a user with no active SLS device is enrolled in SMS ("shortly afterwards", SMS article).')
    .meta(durationExamples('1m', '5m')),
  appPinTries: z.number().int().min(1).max(100).default(5).describe('Wrong app PINs in a row after which IB Key on that phone is locked and must be activated again.'),
  lockout: strict({
    failures: z.number().int().min(1).max(100).default(10).describe('Failed logins (a wrong password, or a login whose second factor was answered wrongly) within the window that lock the account.'),
    window: duration.prefault('24h').describe('How far back failures count towards the lock.').meta(durationExamples('24h', '15m')),
    duration: duration.prefault('24h').describe('How long the account stays locked after the last counted failure; failures while locked do not extend it.').meta(durationExamples('24h', '30m')),
  })
    .prefault({})
    .describe('The account lockout rule: so many failed logins within a window lock the account for a while (the login then refuses even the right password).'),
  sessionTimeout: duration
    .optional()
    .describe('How long a logged-in session lasts before the server ends it and the window says "Re-login is required" (left out: it never times out).')
    .meta(durationExamples('30m', '8h')),
}).describe('The server\'s timing rules; every field left out takes the default the broker\'s help articles describe.');

/** The file as written; `scenarioSchema` then gives every user a language. */
const scenarioFields = strict({
  name: id.describe('The scenario\'s short name: the library and the control API load it by this name ({"name": …}); usually the file name without .yaml.').meta({ examples: ['push-dnd'] }),
  title: z.string().min(1).max(120).describe('One line saying what the scenario shows, in the Director\'s library and the runner\'s report.').meta({ examples: ['IB Key push silenced by Do Not Disturb'] }),
  description: z.string().max(4000).default('').describe('For the trainer: what happens and what the learner should find, shown in the Director.'),
  seed: z
    .union([z.string().min(1).max(64), z.number().int()])
    .transform(String)
    .describe("The random seed every code, challenge and card value derives from: the same seed gives the same codes on every take. A number is read as its text.")
    .meta({ examples: ['demo-1', 42] }),
  start: z.iso
    .datetime({ offset: true })
    .default('2026-03-02T14:30:00Z')
    .describe('The virtual time at which the scenario starts (ISO 8601 with an offset); fixed, so timestamps repeat on every take.'),
  branding: strict({
    company: z.string().min(1).max(60).default(DEFAULT_BRANDING.company).describe('The broker\'s name in the windows and messages.'),
    product: z.string().min(1).max(60).default(DEFAULT_BRANDING.product).describe('The desktop trading platform whose login window is shown.'),
    mobileApp: z.string().min(1).max(60).default(DEFAULT_BRANDING.mobileApp).describe('The mobile app that holds IB Key and receives the pushes.'),
    smsSender: z.string().min(1).max(20).default(DEFAULT_BRANDING.smsSender).describe('The sender the SMS come from, as the phone\'s Messages app shows it.'),
  })
    .default({ ...DEFAULT_BRANDING })
    .describe('The names the windows, the phone and the messages show.'),
  timing: timingSchema.prefault({}),
  article: strict({
    title: z.string().min(1).max(200).describe('The help article\'s title.').meta({ examples: ['I am not receiving IBKR Mobile notifications'] }),
    step: z.string().min(1).max(200).describe('The step of the article that resolves it.').meta({ examples: ['3. Check whether your phone is in "Airplane" or "Do not Disturb" mode'] }),
  })
    .optional()
    .describe('For the trainer: which help article and step resolve what this scenario shows.'),
  timeline: z
    .array(timelineEntrySchema)
    .max(MAX_TIMELINE_ENTRIES)
    .default([])
    .describe('What happens by itself at given moments of virtual time (a phone\'s settings and faults, a restart, the Seamless switch), in the app and the runner alike.'),
  script: z
    .array(scriptStepSchema)
    .max(MAX_SCRIPT_STEPS)
    .default([])
    .describe('For the headless runner (npm run cli -- run): what a person does at the login window and on the phone, in order.'),
  expect: z
    .array(expectationSchema)
    .max(MAX_EXPECTATIONS)
    .default([])
    .describe('For the headless runner: what must be true once the script has run; each failed one fails the scenario.'),
  paper: strict({
    asksSecondFactor: z.boolean().default(true).describe('Whether a paper-trading login asks for the second factor too; false lets it in after the password.'),
  })
    .default({ asksSecondFactor: true })
    .describe('Paper-trading logins (mode paper).'),
  readOnlyLogin: z
    .boolean()
    .default(false)
    .describe(
      'The login window offers "Read-Only Login": a user enrolled in the Secure Login System logs in with the password alone (still checked, wrong ones still count towards the lockout), no second factor, and orders are disabled in the workspace.',
    ),
  connection: strict({
    failedAttempts: z
      .number()
      .int()
      .min(0)
      .max(20)
      .default(0)
      .describe('How many connection attempts fail before one succeeds, on every login from the login window (the app on a phone connects at once); the window shows "Log in progress (attempt #N)" meanwhile.'),
    retryInterval: duration.prefault('10s').describe('How long each failed connection attempt takes before the next one starts, in virtual time.').meta(durationExamples('10s', '30s')),
  })
    .prefault({})
    .describe('The login window\'s connection to the server: failed attempts before it connects (no network, ports 4000/4001 blocked on a public network).'),
  phones: z.array(phoneSchema).max(MAX_PHONES).default([]).describe(`The simulated phones (at most ${MAX_PHONES}): SMS and calls reach them by number, pushes by the ibkey device naming one.`),
  users: z.array(userSchema).min(1).max(MAX_USERS).describe(`The accounts that can log in (1 to ${MAX_USERS}).`),
  resume: strict({
    ids: counts(/^[A-Za-z][A-Za-z-]{0,15}$/, 'an id prefix (letters and dashes)').describe('Ids already used, by prefix (L for logins, sms- for messages, call- for calls).'),
    logins: counts(/^[a-z][a-z0-9._-]{2,31}$/, 'a user name').describe("Each user's logins so far (codes are drawn per user and login number)."),
  })
    .optional()
    .describe("A saved world's counters, so that ids and codes continue where it stopped (world-export.ts writes it; a hand-written scenario leaves it out)."),
  locale: locale
    .optional()
    .describe("The windows' language when the scenario starts (en or fr; left out: the language already chosen, else en), and every user's language unless the user sets one."),
});

/** A user's language defaults to the scenario's locale, so what the world sends never depends on the windows. */
export const scenarioSchema = scenarioFields.transform((s) => ({ ...s, users: s.users.map((u) => ({ ...u, language: u.language ?? s.locale ?? 'en' })) }));

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Scenario = z.output<typeof scenarioSchema>;
export type PhoneSpec = z.output<typeof phoneSchema>;
export type UserSpec = Scenario['users'][number];
export type DeviceSpec = z.output<typeof deviceSchema>;
export type { TimelineEntry, ScriptStep, Expectation, WorldAction } from './script-schema.js';
