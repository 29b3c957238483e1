// The parts of a scenario file that act over time: the timeline, the runner's script, expectations.
//
// Each item is named by its one key (`login:`, `approvePush:`, `loggedIn:`) and becomes a tagged
// kind (`{ kind: 'login', user, ... }`) at load, which the runner's table of handlers is typed by.
import { z } from 'zod';
import { mobileNumber } from '../../api/operations.js';
import { CODE_CHANNELS, TRADING_MODES, UNLOCK_METHODS } from '../../api/vocabulary.js';
import { phoneStatePatchSchema } from '../../api/phone-state.js';
import { reasonCatalog } from '../../api/reasons.js';
import type { ScriptStepView } from '../../api/script-view.js';
import { duration } from './durations.js';
import { keyed, strict } from './keyed.js';

const id = z.string().min(1).max(64);
const reason = z.enum(Object.keys(reasonCatalog) as [keyof typeof reasonCatalog, ...(keyof typeof reasonCatalog)[]]);
const method = z.enum(UNLOCK_METHODS);
const note = z.string().max(200).optional();
const patch = strict(phoneStatePatchSchema.shape);
const empty = strict({}).default({});
/**
 * What the autopilot's caption strip says while it plays the step (`caption: "The code arrives by SMS"`);
 * without one it says the step kind's default words, in the UI's language.
 */
const caption = z.string().min(1).max(200).optional();

/**
 * What a person, the trainer or the timeline does to the world outside the login window: the phone's
 * settings and faults, and the Client Portal switch. Each form's shape and the kind it becomes.
 */
const worldForms = {
  set: { shape: { phone: id, set: patch }, kind: (v: { phone: string; set: z.output<typeof patch> }) => ({ kind: 'setPhone' as const, phone: v.phone, patch: v.set }) },
  restart: { shape: { restart: id }, kind: (v: { restart: string }) => ({ kind: 'restart' as const, phone: v.restart }) },
  clearAppData: { shape: { clearAppData: id }, kind: (v: { clearAppData: string }) => ({ kind: 'clearAppData' as const, phone: v.clearAppData }) },
  seamless: {
    shape: { seamless: strict({ user: id, enabled: z.boolean() }) },
    kind: (v: { seamless: { user: string; enabled: boolean } }) => ({ kind: 'seamless' as const, user: v.seamless.user, enabled: v.seamless.enabled }),
  },
};

/** A form's kind maker, for a key known only as a type parameter (which TypeScript does not narrow `worldForms[key]` by). */
const kindOf = <K extends keyof typeof worldForms>(key: K) => worldForms[key].kind as (v: unknown) => ReturnType<(typeof worldForms)[K]['kind']>;
/** As a script step: `restart: iphone`, with an optional caption. */
const worldAction = <K extends keyof typeof worldForms>(key: K) =>
  strict({ ...worldForms[key].shape, caption }).transform((v) => ({ ...kindOf(key)(v), caption: v.caption }));
/** As a timeline entry: the same with `at` and an optional `note` for the journal. */
const timed = <K extends keyof typeof worldForms>(key: K) =>
  strict({ at: duration, ...worldForms[key].shape, note }).transform((v) => ({ at: v.at, note: v.note, action: kindOf(key)(v) }));

/** Something that happens by itself at a moment of the scenario (the trainer's "at 1:30, airplane mode on"). */
export const timelineEntrySchema = keyed(
  { set: timed('set'), restart: timed('restart'), clearAppData: timed('clearAppData'), seamless: timed('seamless') },
  { noun: 'timeline entry', plural: 'timeline entries', shared: ['at', 'note'], aliases: { phone: 'set' } },
);

/** A form whose one key holds its fields: `login: { user: smsuser }` → `{ kind: 'login', user: 'smsuser', ... }`. */
const step = <K extends string, S extends z.ZodType<object>>(key: K, fields: S) =>
  strict({ [key]: fields, caption } as { [P in K]: S } & { caption: typeof caption }).transform((v) => ({
    kind: key,
    ...(v as unknown as Record<K, z.output<S>>)[key],
    caption: (v as { caption?: string }).caption,
  }));

/**
 * What the headless runner does, in order, as a person at the login window and the phone would (the
 * autopilot plays the same steps through the windows themselves). Every step may carry a `caption`.
 */
export const scriptStepSchema = keyed(
  {
    login: step('login', strict({ user: id, password: z.string().max(128).optional(), mode: z.enum(TRADING_MODES).default('live') })),
    wait: strict({ wait: duration, caption }).transform((v) => ({ kind: 'wait' as const, ms: v.wait, caption: v.caption })),
    chooseDevice: strict({ chooseDevice: id, caption }).transform((v) => ({ kind: 'chooseDevice' as const, device: v.chooseDevice, caption: v.caption })),
    /** Types the newest code the user's phone received (SMS or the call's words), or the code given. */
    enterCode: step('enterCode', strict({ code: z.string().max(16).optional() }).default({})),
    requestCode: strict({ requestCode: z.enum(CODE_CHANNELS), caption }).transform((v) => ({ kind: 'requestCode' as const, channel: v.requestCode, caption: v.caption })),
    answerCall: step('answerCall', empty),
    approvePush: step('approvePush', strict({ method, pin: z.string().max(16).optional() })),
    /** "Click here if you do not receive the notification", Authenticate on the phone, type the response. */
    challengeResponse: step('challengeResponse', strict({ method, pin: z.string().max(16).optional() })),
    dscplus: step('dscplus', strict({ pin: z.string().max(8) })),
    codeCard: step('codeCard', empty),
    /** Types the temporary passcode client services gave the user by phone (or `code`, as typed, e.g. in lower case). */
    temporaryPasscode: step('temporaryPasscode', strict({ code: z.string().max(16).optional() }).default({})),
    acceptPaperWarning: step('acceptPaperWarning', empty),
    /** Enrolment (required in Hong Kong and India, offered after a login with no device): types the mobile number and presses VERIFY. */
    enrolSms: step('enrolSms', strict({ number: mobileNumber })),
    /** Reads the confirmation code off the phone with that number, types it, CONTINUE. */
    confirmEnrolment: step('confirmEnrolment', empty),
    set: worldAction('set'),
    restart: worldAction('restart'),
    clearAppData: worldAction('clearAppData'),
    seamless: worldAction('seamless'),
  },
  { noun: 'step', plural: 'steps', shared: ['caption'], aliases: { phone: 'set' } },
);

const channel = z.enum(['sms', 'push', 'call']);

/** What must be true once the script has run. */
export const expectationSchema = keyed(
  {
    delivered: strict({ delivered: channel, to: id.optional(), silenced: z.boolean().optional() }).transform((v) => ({
      kind: 'delivered' as const,
      channel: v.delivered,
      to: v.to,
      silenced: v.silenced,
    })),
    notDelivered: strict({ notDelivered: channel, reason, held: z.boolean().optional() })
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
      loggedIn: id,
      factor: z.enum(['sms', 'voice', 'ibkey', 'dscplus', 'codecard', 'temporaryPasscode', 'none']).optional(),
      by: z.enum(['push', 'challenge', 'code', 'none']).optional(),
      within: duration.optional(),
    }).transform((v) => ({ kind: 'loggedIn' as const, user: v.loggedIn, factor: v.factor, by: v.by, within: v.within })),
    notLoggedIn: strict({ notLoggedIn: id }).transform((v) => ({ kind: 'notLoggedIn' as const, user: v.notLoggedIn })),
    /** The user verified a mobile number and was enrolled in SMS authentication. */
    enrolled: strict({ enrolled: id }).transform((v) => ({ kind: 'enrolled' as const, user: v.enrolled })),
    locked: strict({ locked: id }).transform((v) => ({ kind: 'locked' as const, user: v.locked })),
    loginFailed: strict({ loginFailed: id }).transform((v) => ({ kind: 'loginFailed' as const, user: v.loginFailed })),
  },
  { noun: 'expectation', plural: 'expectations' },
);

export type TimelineEntry = z.output<typeof timelineEntrySchema>;
export type ScriptStep = z.output<typeof scriptStepSchema>;
// The contract's copy of the step shapes (what getScript answers) must fit every step this file parses.
const stepsFitTheContract: ScriptStep extends ScriptStepView ? true : never = true;
void stepsFitTheContract;
/** What the timeline and the script can both do: the phone's settings and faults, Seamless Authentication. */
export type WorldAction = TimelineEntry['action'];
export type Expectation = z.output<typeof expectationSchema>;
