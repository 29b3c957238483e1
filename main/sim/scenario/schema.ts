// The scenario file format: users, devices, phones, timing rules, seed and branding.
import { z } from 'zod';
import { phoneStateSchema } from '../../api/phone-state.js';
import { mobileNumber } from '../../api/operations.js';
import { APP_PIN_PATTERN, DEFAULT_BRANDING, FOB_PIN_DIGITS, FOB_PIN_PATTERN, PHONE_UNLOCKS, PLATFORMS, REGIONS } from '../../api/vocabulary.js';
import { duration } from './durations.js';
import { timelineEntrySchema, scriptStepSchema, expectationSchema } from './script-schema.js';
import { MAX_DEVICES_PER_USER, MAX_EXPECTATIONS, MAX_PHONES, MAX_SCRIPT_STEPS, MAX_TIMELINE_ENTRIES, MAX_USERS } from './limits.js';

const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be lower-case letters, digits and dashes');
const region = z.enum(REGIONS);

const phoneState = phoneStateSchema;

export const phoneSchema = z.strictObject({
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

const smsDevice = z.strictObject({ id, kind: z.literal('sms') });
const ibkeyDevice = z.strictObject({ id, kind: z.literal('ibkey'), phone: id });
const dscDevice = z.strictObject({
  id,
  kind: z.literal('dscplus'),
  serial: z.string().min(4).max(32),
  pin: z.string().regex(FOB_PIN_PATTERN, `must be ${FOB_PIN_DIGITS} digits`),
});
const cardDevice = z.strictObject({ id, kind: z.literal('codecard'), serial: z.string().min(4).max(32) });
export const deviceSchema = z.discriminatedUnion('kind', [smsDevice, ibkeyDevice, dscDevice, cardDevice]);

export const userSchema = z.strictObject({
  username: z.string().regex(/^[a-z][a-z0-9._-]{2,31}$/, 'must be 3–32 lower-case characters (user names are case-sensitive)'),
  password: z.string().min(1).max(128),
  region,
  /** Live accounts only exist for a funded user; paper logins are always allowed. */
  mobile: z.strictObject({ number: mobileNumber, verified: z.boolean().default(true) }).optional(),
  devices: z.array(deviceSchema).max(MAX_DEVICES_PER_USER).default([]),
  seamless: z.boolean().default(true),
});

export const timingSchema = z.strictObject({
  codeLifetime: duration.default(600_000),
  resendInterval: duration.default(120_000),
  maxWrongCodes: z.number().int().min(1).max(100).default(5),
  pushWindow: duration.default(180_000),
  smsDelay: duration.default(3_000),
  voiceDelay: duration.default(30_000),
  /** Wrong app PINs in a row after which IB Key on that phone is locked and must be activated again. */
  appPinTries: z.number().int().min(1).max(100).default(5),
  lockout: z
    .strictObject({
      failures: z.number().int().min(1).max(100).default(10),
      window: duration.default(86_400_000),
      duration: duration.default(86_400_000),
    })
    .default({ failures: 10, window: 86_400_000, duration: 86_400_000 }),
});

export const scenarioSchema = z
  .strictObject({
    name: id,
    title: z.string().min(1).max(120),
    description: z.string().max(4000).default(''),
    seed: z.union([z.string().min(1).max(64), z.number().int()]).transform(String),
    /** Virtual time at which the scenario starts; fixed so timestamps repeat on every take. */
    start: z.iso.datetime({ offset: true }).default('2026-03-02T14:30:00Z'),
    branding: z
      .strictObject({
        company: z.string().min(1).max(60).default(DEFAULT_BRANDING.company),
        product: z.string().min(1).max(60).default(DEFAULT_BRANDING.product),
        mobileApp: z.string().min(1).max(60).default(DEFAULT_BRANDING.mobileApp),
        smsSender: z.string().min(1).max(20).default(DEFAULT_BRANDING.smsSender),
      })
      .default({ ...DEFAULT_BRANDING }),
    timing: timingSchema.default(timingSchema.parse({})),
    /** For the trainer: which help article and step resolve what this scenario shows. */
    article: z.strictObject({ title: z.string().min(1).max(200), step: z.string().min(1).max(200) }).optional(),
    timeline: z.array(timelineEntrySchema).max(MAX_TIMELINE_ENTRIES).default([]),
    script: z.array(scriptStepSchema).max(MAX_SCRIPT_STEPS).default([]),
    expect: z.array(expectationSchema).max(MAX_EXPECTATIONS).default([]),
    paper: z.strictObject({ asksSecondFactor: z.boolean().default(true) }).default({ asksSecondFactor: true }),
    phones: z.array(phoneSchema).max(MAX_PHONES).default([]),
    users: z.array(userSchema).min(1).max(MAX_USERS),
  })
  .superRefine((scenario, ctx) => {
    // Cross-references a schema alone cannot check: ids unique, devices pointing at real phones.
    const phoneIds = new Set<string>();
    scenario.timeline.forEach((entry, i) => {
      const key = 'phone' in entry ? 'phone' : 'restart' in entry ? 'restart' : 'clearAppData' in entry ? 'clearAppData' : null;
      const ref = key ? (entry as Record<string, unknown>)[key] : null;
      if (key && !scenario.phones.some((p) => p.id === ref)) {
        ctx.addIssue({ code: 'custom', path: ['timeline', i, key], message: `unknown phone "${String(ref)}"` });
      }
    });
    scenario.phones.forEach((phone, i) => {
      if (phoneIds.has(phone.id)) ctx.addIssue({ code: 'custom', path: ['phones', i, 'id'], message: `duplicate phone id "${phone.id}"` });
      phoneIds.add(phone.id);
    });
    const usernames = new Set<string>();
    const ibkeyHolders = new Map<string, string>();
    const ibkeyUsers = new Set<string>();
    scenario.users.forEach((user, u) => {
      if (usernames.has(user.username)) ctx.addIssue({ code: 'custom', path: ['users', u, 'username'], message: `duplicate user "${user.username}"` });
      usernames.add(user.username);
      const deviceIds = new Set<string>();
      user.devices.forEach((device, d) => {
        if (deviceIds.has(device.id)) ctx.addIssue({ code: 'custom', path: ['users', u, 'devices', d, 'id'], message: `duplicate device id "${device.id}"` });
        deviceIds.add(device.id);
        if (device.kind === 'ibkey' && !phoneIds.has(device.phone)) {
          ctx.addIssue({ code: 'custom', path: ['users', u, 'devices', d, 'phone'], message: `unknown phone "${device.phone}"` });
        }
        if (device.kind === 'ibkey') {
          const phone = scenario.phones.find((p) => p.id === device.phone);
          if (phone?.platform === 'android' && !phone.pin) {
            ctx.addIssue({ code: 'custom', path: ['users', u, 'devices', d, 'phone'], message: `Android phone "${phone.id}" needs a pin for IB Key` });
          }
          const holder = ibkeyHolders.get(device.phone);
          if (holder && holder !== user.username) {
            ctx.addIssue({ code: 'custom', path: ['users', u, 'devices', d, 'phone'], message: `phone "${device.phone}" already holds IB Key for ${holder}` });
          }
          if (ibkeyUsers.has(user.username)) {
            ctx.addIssue({ code: 'custom', path: ['users', u, 'devices', d], message: 'IB Key is active on one phone at a time' });
          }
          ibkeyHolders.set(device.phone, user.username);
          ibkeyUsers.add(user.username);
        }
        if (device.kind === 'sms' && !user.mobile) {
          ctx.addIssue({ code: 'custom', path: ['users', u, 'devices', d], message: 'an SMS device needs the user\'s mobile number' });
        }
      });
    });
  });

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Scenario = z.output<typeof scenarioSchema>;
export type PhoneSpec = z.output<typeof phoneSchema>;
export type UserSpec = z.output<typeof userSchema>;
export type DeviceSpec = z.output<typeof deviceSchema>;
export type { TimelineEntry, ScriptStep, Expectation } from './script-schema.js';
