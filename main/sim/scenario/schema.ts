// The scenario file format: users, devices, phones, timing rules, seed and branding.
// What a schema cannot check (ids unique, references to phones, users and devices) is references.ts.
import { z } from 'zod';
import { phoneStateSchema } from '../../api/phone-state.js';
import { mobileNumber } from '../../api/operations.js';
import { APP_PIN_PATTERN, DEFAULT_BRANDING, FOB_PIN_DIGITS, FOB_PIN_PATTERN, LOCALES, PHONE_UNLOCKS, PLATFORMS, REGIONS } from '../../api/vocabulary.js';
import { duration } from './durations.js';
import { timelineEntrySchema, scriptStepSchema, expectationSchema } from './script-schema.js';
import { strict } from './keyed.js';
import { MAX_DEVICES_PER_USER, MAX_EXPECTATIONS, MAX_PHONES, MAX_SCRIPT_STEPS, MAX_TIMELINE_ENTRIES, MAX_USERS } from './limits.js';

const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be lower-case letters, digits and dashes');
const region = z.enum(REGIONS);
const locale = z.enum(LOCALES);

/** Unknown fields of a phone's state named with a guess, like every other map of the file. */
const phoneState = strict(phoneStateSchema.shape);

export const phoneSchema = strict({
  id,
  name: z.string().min(1).max(40),
  platform: z.enum(PLATFORMS),
  model: z.string().min(1).max(60),
  number: mobileNumber,
  carrier: z.string().min(1).max(40).default('Carrier'),
  region: region.default('US'),
  /** How the owner unlocks IB Key: a biometric the phone has, or the PIN alone. */
  unlock: z.enum(PHONE_UNLOCKS).default('pin'),
  pin: z.string().regex(APP_PIN_PATTERN, 'must be 4–6 letters or digits with at least one digit').optional(),
  state: phoneState.default(phoneState.parse({})),
  /** Whether the broker's mobile app is installed; IB Key is activated on it by a user's ibkey device. */
  appInstalled: z.boolean().default(true),
});

const smsDevice = strict({ id, kind: z.literal('sms') });
const ibkeyDevice = strict({ id, kind: z.literal('ibkey'), phone: id });
const dscDevice = strict({
  id,
  kind: z.literal('dscplus'),
  serial: z.string().min(4).max(32),
  pin: z.string().regex(FOB_PIN_PATTERN, `must be ${FOB_PIN_DIGITS} digits`),
});
const cardDevice = strict({ id, kind: z.literal('codecard'), serial: z.string().min(4).max(32) });
export const deviceSchema = z.discriminatedUnion('kind', [smsDevice, ibkeyDevice, dscDevice, cardDevice]);

export const userSchema = strict({
  username: z.string().regex(/^[a-z][a-z0-9._-]{2,31}$/, 'must be 3–32 lower-case characters (user names are case-sensitive)'),
  password: z.string().min(1).max(128),
  region,
  /** Live accounts only exist for a funded user; paper logins are always allowed. */
  mobile: strict({ number: mobileNumber, verified: z.boolean().default(true) }).optional(),
  devices: z.array(deviceSchema).max(MAX_DEVICES_PER_USER).default([]),
  seamless: z.boolean().default(true),
  /** The account holder's language, which the SMS, the voice callback and the push notification follow. */
  language: locale.optional().describe("the account holder's language: the SMS, the voice callback and the push notification they get are in it (default: the scenario's locale)"),
  /**
   * A temporary passcode client services gave the user by phone (a device was lost): while it is on
   * record the login asks for it instead of a device. `issued`: how long before the scenario's start.
   * Without `code`, one is derived from the seed.
   */
  temporaryPasscode: z
    .strictObject({
      code: z.string().regex(/^[A-Z0-9]{6,12}$/, 'must be 6–12 upper-case letters and digits').optional(),
      issued: duration.default(0),
    })
    .optional(),
});

export const timingSchema = strict({
  codeLifetime: duration.default(600_000),
  resendInterval: duration.default(120_000),
  maxWrongCodes: z.number().int().min(1).max(100).default(5),
  pushWindow: duration.default(180_000),
  smsDelay: duration.default(3_000),
  voiceDelay: duration.default(30_000),
  /** Wrong app PINs in a row after which IB Key on that phone is locked and must be activated again. */
  appPinTries: z.number().int().min(1).max(100).default(5),
  lockout: strict({
    failures: z.number().int().min(1).max(100).default(10),
    window: duration.default(86_400_000),
    duration: duration.default(86_400_000),
  }).default({ failures: 10, window: 86_400_000, duration: 86_400_000 }),
});

/** The file as written; `scenarioSchema` then gives every user a language. */
const scenarioFields = strict({
  name: id,
  title: z.string().min(1).max(120),
  description: z.string().max(4000).default(''),
  seed: z.union([z.string().min(1).max(64), z.number().int()]).transform(String),
  /** Virtual time at which the scenario starts; fixed so timestamps repeat on every take. */
  start: z.iso.datetime({ offset: true }).default('2026-03-02T14:30:00Z'),
  branding: strict({
    company: z.string().min(1).max(60).default(DEFAULT_BRANDING.company),
    product: z.string().min(1).max(60).default(DEFAULT_BRANDING.product),
    mobileApp: z.string().min(1).max(60).default(DEFAULT_BRANDING.mobileApp),
    smsSender: z.string().min(1).max(20).default(DEFAULT_BRANDING.smsSender),
  }).default({ ...DEFAULT_BRANDING }),
  timing: timingSchema.default(timingSchema.parse({})),
  /** For the trainer: which help article and step resolve what this scenario shows. */
  article: strict({ title: z.string().min(1).max(200), step: z.string().min(1).max(200) }).optional(),
  timeline: z.array(timelineEntrySchema).max(MAX_TIMELINE_ENTRIES).default([]),
  script: z.array(scriptStepSchema).max(MAX_SCRIPT_STEPS).default([]),
  expect: z.array(expectationSchema).max(MAX_EXPECTATIONS).default([]),
  paper: strict({ asksSecondFactor: z.boolean().default(true) }).default({ asksSecondFactor: true }),
  phones: z.array(phoneSchema).max(MAX_PHONES).default([]),
  users: z.array(userSchema).min(1).max(MAX_USERS),
  /**
   * The windows' language at the start. Left out, the windows keep the language they have (the
   * desktop app's remembered one); users without a `language` of their own get English.
   */
  locale: locale.optional().describe("the windows' language when the scenario starts (default: the language already chosen, else en); also every user's language unless the user sets one"),
});

/** A user's language defaults to the scenario's locale, so what the world sends never depends on the windows. */
export const scenarioSchema = scenarioFields.transform((s) => ({ ...s, users: s.users.map((u) => ({ ...u, language: u.language ?? s.locale ?? 'en' })) }));

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Scenario = z.output<typeof scenarioSchema>;
export type PhoneSpec = z.output<typeof phoneSchema>;
export type UserSpec = Scenario['users'][number];
export type DeviceSpec = z.output<typeof deviceSchema>;
export type { TimelineEntry, ScriptStep, Expectation, WorldAction } from './script-schema.js';
