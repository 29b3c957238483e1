// The scenario file format: users, devices, phones, timing rules, seed and branding.
// What a schema cannot check (ids unique, references to phones, users and devices) is references.ts.
import { z } from 'zod';
import { phoneStateSchema } from '../../api/phone-state.js';
import { mobileNumber } from '../../api/operations.js';
import { APP_PIN_PATTERN, DEFAULT_BRANDING, FOB_PIN_DIGITS, FOB_PIN_PATTERN, PHONE_UNLOCKS, PLATFORMS, REGIONS } from '../../api/vocabulary.js';
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
  /**
   * IB Key in the app as a saved world left it (world-export.ts writes it; a scenario may set it too):
   * `active` as the users' ibkey devices make it, `cleared` after Android's Clear data (activate it
   * again), `locked` after too many wrong app PINs; `wrongPins` typed in a row since the last right one.
   */
  app: strict({
    ibkey: z.enum(['active', 'cleared', 'locked']).default('active').meta({ description: "IB Key on this phone: active (as the users' ibkey devices make it), cleared (Android's Clear data: activate it again) or locked (too many wrong app PINs)" }),
    wrongPins: z.number().int().min(0).max(100).default(0).meta({ description: 'wrong app PINs typed in a row since the last right one' }),
  })
    .optional()
    .meta({ description: "the broker's app as a saved world left it; leave out for a freshly activated app" }),
});

const smsDevice = strict({ id, kind: z.literal('sms') });
const ibkeyDevice = strict({ id, kind: z.literal('ibkey'), phone: id });
const dscDevice = strict({
  id,
  kind: z.literal('dscplus'),
  serial: z.string().min(4).max(32),
  pin: z.string().regex(FOB_PIN_PATTERN, `must be ${FOB_PIN_DIGITS} digits`),
  /** Wrong PINs since the last right one; at FOB_MAX_WRONG_PINS the card is locked until the Director resets it. */
  wrongPins: z.number().int().min(0).max(FOB_MAX_WRONG_PINS).default(0).meta({ description: `wrong PINs typed since the last right one; ${FOB_MAX_WRONG_PINS} means the card is locked until it is reset` }),
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
  /**
   * Wrong passwords as a saved world left them (world-export.ts writes it; a scenario may start with a
   * user locked out too): how long before the start each failure still counting was, oldest first, and
   * how long a lock still lasts.
   */
  lockout: strict({
    failures: z.array(duration).max(100).default([]).meta({ description: 'how long before the start each wrong password that still counts was typed, oldest first' }),
    lockedFor: duration.default(0).meta({ description: 'how long the account stays locked from the start (0: not locked)' }),
  })
    .optional()
    .meta({ description: 'wrong passwords and a lock carried over from a saved world' }),
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

export const scenarioSchema = strict({
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
   * Where a saved world's counters stood (world-export.ts): the ids already used by prefix (`L`,
   * `sms-`, `call-`) and each user's logins so far, so the loaded world names things and draws codes
   * as the saved one would have next. A hand-written scenario leaves it out.
   */
  resume: strict({
    ids: counts(/^[A-Za-z][A-Za-z-]{0,15}$/, 'an id prefix (letters and dashes)').meta({ description: 'ids already used, by prefix (L for logins, sms- for messages, call- for calls)' }),
    logins: counts(/^[a-z][a-z0-9._-]{2,31}$/, 'a user name').meta({ description: "each user's logins so far (codes are drawn per user and login number)" }),
  })
    .optional()
    .meta({ description: "a saved world's counters, so that ids and codes continue where it stopped" }),
});

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Scenario = z.output<typeof scenarioSchema>;
export type PhoneSpec = z.output<typeof phoneSchema>;
export type UserSpec = z.output<typeof userSchema>;
export type DeviceSpec = z.output<typeof deviceSchema>;
export type { TimelineEntry, ScriptStep, Expectation, WorldAction } from './script-schema.js';
