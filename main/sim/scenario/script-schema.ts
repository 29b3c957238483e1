// The parts of a scenario file that act over time: the timeline, the runner's script, expectations.
import { z } from 'zod';
import { mobileNumber } from '../../api/operations.js';
import { CODE_CHANNELS, TRADING_MODES, UNLOCK_METHODS } from '../../api/vocabulary.js';
import { phoneStatePatchSchema } from '../../api/phone-state.js';
import { reasonCatalog } from '../../api/reasons.js';
import { duration } from './durations.js';

const id = z.string().min(1).max(64);
const reason = z.enum(Object.keys(reasonCatalog) as [keyof typeof reasonCatalog, ...(keyof typeof reasonCatalog)[]]);
const method = z.enum(UNLOCK_METHODS);

/** Something that happens by itself at a moment of the scenario (the trainer's "at 1:30, airplane mode on"). */
export const timelineEntrySchema = z.union([
  z.strictObject({ at: duration, phone: id, set: phoneStatePatchSchema, note: z.string().max(200).optional() }),
  z.strictObject({ at: duration, restart: id, note: z.string().max(200).optional() }),
  z.strictObject({ at: duration, clearAppData: id, note: z.string().max(200).optional() }),
  z.strictObject({ at: duration, seamless: z.strictObject({ user: id, enabled: z.boolean() }), note: z.string().max(200).optional() }),
]);

/** What the headless runner does, in order, as a person at the login window and the phone would. */
export const scriptStepSchema = z.union([
  z.strictObject({ login: z.strictObject({ user: id, password: z.string().max(128).optional(), mode: z.enum(TRADING_MODES).default('live') }) }),
  z.strictObject({ wait: duration }),
  z.strictObject({ chooseDevice: id }),
  /** Types the newest code the user's phone received (SMS or the call's words). */
  z.strictObject({ enterCode: z.strictObject({ code: z.string().max(16).optional() }).default({}) }),
  z.strictObject({ requestCode: z.enum(CODE_CHANNELS) }),
  z.strictObject({ answerCall: z.strictObject({}).default({}) }),
  z.strictObject({ approvePush: z.strictObject({ method, pin: z.string().max(16).optional() }) }),
  /** "Click here if you do not receive the notification", Authenticate on the phone, type the response. */
  z.strictObject({ challengeResponse: z.strictObject({ method, pin: z.string().max(16).optional() }) }),
  z.strictObject({ dscplus: z.strictObject({ pin: z.string().max(8) }) }),
  z.strictObject({ codeCard: z.strictObject({}).default({}) }),
  z.strictObject({ acceptPaperWarning: z.strictObject({}).default({}) }),
  /** Enrolment (required in Hong Kong and India, offered after a login with no device): types the mobile number and presses VERIFY. */
  z.strictObject({ enrolSms: z.strictObject({ number: mobileNumber }) }),
  /** Reads the confirmation code off the phone with that number, types it, CONTINUE. */
  z.strictObject({ confirmEnrolment: z.strictObject({}).default({}) }),
  z.strictObject({ phone: id, set: phoneStatePatchSchema }),
  z.strictObject({ restart: id }),
  z.strictObject({ clearAppData: id }),
  z.strictObject({ seamless: z.strictObject({ user: id, enabled: z.boolean() }) }),
]);

/** What must be true once the script has run. */
export const expectationSchema = z.union([
  z.strictObject({ delivered: z.enum(['sms', 'push', 'call']), to: id.optional(), silenced: z.boolean().optional() }),
  z.strictObject({ notDelivered: z.enum(['sms', 'push']), reason, held: z.boolean().optional() }),
  /** Calls are never held: one the network cannot put through is lost at once. */
  z.strictObject({ notDelivered: z.literal('call'), reason }),
  z.strictObject({
    loggedIn: id,
    factor: z.enum(['sms', 'voice', 'ibkey', 'dscplus', 'codecard', 'none']).optional(),
    by: z.enum(['push', 'challenge', 'code', 'none']).optional(),
    within: duration.optional(),
  }),
  z.strictObject({ notLoggedIn: id }),
  /** The user verified a mobile number and was enrolled in SMS authentication. */
  z.strictObject({ enrolled: id }),
  z.strictObject({ locked: id }),
  z.strictObject({ loginFailed: id }),
]);

export type TimelineEntry = z.output<typeof timelineEntrySchema>;
export type ScriptStep = z.output<typeof scriptStepSchema>;
export type Expectation = z.output<typeof expectationSchema>;
