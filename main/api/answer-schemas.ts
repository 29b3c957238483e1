// What every operation answers, as zod schemas: the OpenAPI document's answers (main/host/control/openapi.ts).
//
// The TypeScript types of views.ts, events.ts and messages.ts stay what the code is written against;
// each schema here is checked against its type both ways at compile time (`Same` below), so a field
// added, removed or changed on one side and not the other stops the build instead of the document
// lying. A new operation without an answer here does not compile either (`answerSchemas`).
import { z } from 'zod';
import type { ApiErrorBody, ApiErrorCode } from './dispatch.js';
import type { AppRefusal, CredentialFailure, FactorFailure, JournalEntry, JournalEvent, JournalPage, LoginFailure } from './events.js';
import type { Message, MessageParams } from './messages.js';
import type { OperationName } from './names.js';
import type { ResponseMap } from './operations.js';
import { phoneStatePatchSchema, phoneStateSchema } from './phone-state.js';
import type { ScriptView } from './script-view.js';
import { reasonCatalog, type ReasonView } from './reasons.js';
import type * as V from './views.js';
import { ACTIVATION_CHANNELS, ACTIVATION_PURPOSES, ADD_PHONE_REFUSALS, CODE_CHANNELS, DEVICE_KINDS, LOCALES, LOGIN_STEPS, LOGIN_SURFACES, PHONE_ROLES, PLATFORMS, REGIONS, TRADING_MODES, UNLOCK_METHODS } from './vocabulary.js';

/** True when A and B are assignable to each other: the schema and the type describe the same values. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

const time = z.number().describe('Virtual time, in milliseconds since 1970 (the simulated clock, not the wall clock).');
const deliveryReason = z.enum(Object.keys(reasonCatalog) as [keyof typeof reasonCatalog, ...(keyof typeof reasonCatalog)[]]);

// ---- Messages: a code and its parameters, worded by the windows' catalogues.

const none = z.strictObject({});
const number = z.object({ number: z.string().describe('The masked phone number, as the window shows it.') });
const messageParams = {
  invalid_credentials: none,
  login_failed: none,
  resend_wait: z.object({ waitMs: z.number() }),
  code_sent_sms: number,
  code_sent_voice: number,
  code_sent_before: z.object({ number: z.string(), waitMs: z.number() }),
  push_sent: z.object({ model: z.string() }),
  push_expired: z.object({ app: z.string() }),
  challenge_ibkey: z.object({ app: z.string() }),
  challenge_dscplus: none,
  challenge_codecard: none,
  temporary_passcode: z.object({ validForMs: z.number() }),
  enrolment_required: z.object({ region: z.enum(['HK', 'IN']) }),
  enrolment_offered: z.object({ app: z.string() }),
  confirm_code_sent: number,
  confirm_code_wrong: none,
  enrolment_stopped: none,
  number_verified: number,
  sms_verified: number,
  session_timed_out: none,
  session_disconnected: none,
  portal_code_sent: number,
  portal_code_refused: z.object({ reason: z.enum(['wrong', 'expired', 'replaced', 'used', 'none_issued']) }),
  portal_code_stopped: none,
  portal_number_confirmed: number,
  portal_number_verified: z.object({ number: z.string(), autoEnrol: z.boolean() }),
  portal_seamless_saved: z.object({ enabled: z.boolean() }),
  opt_out_refused: z.object({ region: z.enum(['HK', 'IN']) }),
  opted_out: none,
  seamless_off_challenge: z.object({ app: z.string() }),
  approval_expired_use_challenge: none,
  approval_expired: none,
  approval_not_pending: none,
  approval_not_delivered: none,
  login_approved: none,
  wrong_pin: none,
  pin_form: none,
  ibkey_locked: none,
  ibkey_not_active: none,
  authentication_not_completed: none,
  jailbroken: none,
  bad_challenge: none,
  response_ready: none,
  ibkey_migrated: none,
  activation_token_sent: number,
  activation_challenge_dscplus: z.object({ serial: z.string() }),
  activation_token_wrong: none,
  activation_token_expired: none,
  activation_token_used: none,
  activation_stopped: none,
  activation_no_number: none,
  activation_other_phone: z.object({ model: z.string() }),
  activation_nothing_to_migrate: none,
  activation_already_active: none,
  pin_rule: z.object({ problem: z.enum(['too_short', 'too_long', 'not_alphanumeric', 'no_number']) }),
  pin_mismatch: none,
  app_not_installed: none,
  add_phone_refused: z.object({
    reason: z.enum(ADD_PHONE_REFUSALS),
    owner: z.string(),
    phoneId: z.string(),
    model: z.string(),
    platform: z.enum(PLATFORMS),
    max: z.number().describe("The scenario's most phones (too_many_phones)."),
  }),
};
type ParamsOf<M extends Record<string, z.ZodType>> = { [C in keyof M]: z.output<M[C]> };

/** One union member per code, so a reader of the document sees which parameters go with which code. */
const messageSchema = z
  .discriminatedUnion(
    'code',
    Object.entries(messageParams).map(([code, params]) => z.object({ code: z.literal(code), params })) as unknown as [
      z.ZodObject<{ code: z.ZodLiteral<string>; params: z.ZodType }>,
    ],
  )
  .describe("A message for a window, as a code and its parameters (no server text: each window words it in the user's language).") as unknown as z.ZodType<Message>;

// ---- The journal: every decision the simulation makes.

const credentialFailure = z.enum(['unknown_user', 'wrong_password', 'locked']);
const factorFailure = z.enum(['wrong', 'expired', 'replaced', 'used', 'none_issued']);
const appRefusal = z.enum(['expired', 'not_pending', 'not_delivered', 'account_locked', 'wrong_pin', 'ibkey_not_active', 'ibkey_locked', 'bad_challenge', 'wrong_method', 'jailbroken', 'ibkey_migrated']);
const activationPurpose = z.enum(ACTIVATION_PURPOSES);
const activationChannel = z.enum(ACTIVATION_CHANNELS);
const activationRefusal = z.enum(['other_phone', 'nothing_to_migrate', 'already_active', 'no_number', 'app_not_installed']);
const loginFailure = z.enum(['too_many_wrong_codes', 'too_many_wrong_responses', 'account_locked']);
const deviceKind = z.enum(DEVICE_KINDS);
const tradingMode = z.enum(TRADING_MODES);
const s = z.string();
const n = z.number();

/** Each event's fields besides `type`, by its type. */
const journalFields = {
  'scenario.loaded': { name: s, seed: s },
  'login.started': { loginId: s, username: s, mode: tradingMode, surface: z.enum(LOGIN_SURFACES) },
  'login.rejected': { username: s, reason: credentialFailure },
  'account.locked': { username: s, until: time, failures: n },
  'account.unlocked': { username: s },
  'password.accepted': { loginId: s, username: s },
  'device.selected': { loginId: s, deviceId: s, kind: deviceKind },
  'code.issued': { loginId: s, username: s, channel: z.enum(['sms', 'voice']), expiresAt: time },
  'code.accepted': { loginId: s, username: s },
  'code.rejected': { loginId: s, username: s, reason: factorFailure, wrongAttempts: n },
  'resend.refused': { loginId: s, retryAfterMs: n },
  'sms.sent': { messageId: s, to: s, loginId: s.nullable() },
  'sms.delivered': { messageId: s, phoneId: s },
  'sms.suppressed': { messageId: s, to: s, reason: deliveryReason },
  'sms.held': { messageId: s, phoneId: s, reason: deliveryReason },
  'sms.delayed': { messageId: s, to: s, reason: z.literal('carrier_delay'), byMs: n },
  'push.held': { loginId: s, phoneId: s, reason: deliveryReason },
  'push.silenced': { loginId: s, phoneId: s, reason: z.enum(['dnd_silenced', 'focus_silenced']) },
  'phone.changed': { phoneId: s, changes: z.record(z.string(), z.unknown()) },
  'phone.restarted': { phoneId: s },
  'app.data_cleared': { phoneId: s },
  'phone.added': { phoneId: s, platform: z.enum(PLATFORMS), model: s, owner: s, role: z.enum(PHONE_ROLES) },
  'phone.add_refused': { phoneId: s, owner: s, reason: z.enum(ADD_PHONE_REFUSALS) },
  'app.installed': { phoneId: s },
  'app.uninstalled': { phoneId: s },
  'app.ibkey_removed': { phoneId: s, username: s, reason: z.literal('migrated') },
  'activation.started': { activationId: s, phoneId: s, username: s, purpose: activationPurpose, via: activationChannel },
  'activation.refused': { phoneId: s, username: s, reason: activationRefusal },
  'activation.token_sent': { activationId: s, via: activationChannel, to: s.nullable(), expiresAt: time },
  'activation.resend_refused': { activationId: s, retryAfterMs: n },
  'activation.token_accepted': { activationId: s },
  'activation.token_rejected': { activationId: s, reason: factorFailure, wrongAttempts: n },
  'activation.pin_refused': { activationId: s, reason: z.enum(['too_short', 'too_long', 'not_alphanumeric', 'no_number', 'mismatch', 'wrong_pin', 'owner_not_confirmed']) },
  'activation.stopped': { activationId: s, reason: z.enum(['too_many_wrong_tokens', 'too_many_wrong_pins']) },
  'activation.completed': { activationId: s, phoneId: s, username: s, purpose: activationPurpose, fromPhone: s.nullable() },
  'app.resynced': { phoneId: s, username: s },
  'app.pin_rejected': { phoneId: s, wrongPins: n },
  'app.ibkey_locked': { phoneId: s, username: s, wrongPins: n },
  'user.seamless': { username: s, enabled: z.boolean() },
  'timeline.fired': { index: n, description: s },
  'login.failed': { loginId: s, username: s, reason: loginFailure },
  'login.failure_counted': { loginId: s, username: s, recentFailures: n },
  'login.abandoned': { loginId: s, username: s, reason: z.enum(['new_login', 'evicted']) },
  'push.sent': { loginId: s, phoneId: s, expiresAt: time },
  'push.delivered': { loginId: s, phoneId: s, silenced: z.boolean() },
  'push.suppressed': { loginId: s, phoneId: s, reason: deliveryReason },
  'push.approved': { loginId: s, phoneId: s, method: s },
  'push.refused': { loginId: s, phoneId: s, reason: appRefusal },
  'push.expired': { loginId: s },
  'challenge.issued': { loginId: s, device: z.enum(['ibkey', 'dscplus', 'codecard']) },
  'response.accepted': { loginId: s, username: s },
  'passcode.asked': { loginId: s, username: s, expiresAt: time },
  'passcode.accepted': { loginId: s, username: s },
  'passcode.rejected': { loginId: s, username: s, reason: z.enum(['wrong', 'expired']), wrongAttempts: n },
  'response.rejected': { loginId: s, username: s, reason: z.enum(['wrong', 'malformed']), wrongAttempts: n },
  'app.response': { phoneId: s, ok: z.boolean(), reason: appRefusal.nullable() },
  'call.placed': { callId: s, to: s, loginId: s },
  'call.ringing': { callId: s, phoneId: s },
  'call.suppressed': { callId: s, to: s, reason: deliveryReason },
  'call.answered': { callId: s, phoneId: s },
  'call.missed': { callId: s, phoneId: s },
  'fob.pin_rejected': { serial: s, wrongPins: n },
  'fob.locked': { serial: s },
  'fob.reset': { serial: s },
  'login.cancelled': { loginId: s, username: s },
  'login.succeeded': { loginId: s, username: s, mode: tradingMode, factor: z.enum([...DEVICE_KINDS, 'temporaryPasscode', 'none']), readOnly: z.boolean() },
  'connection.failed': { loginId: s, attempt: n },
  'connection.established': { loginId: s, attempts: n },
  'session.existing': { loginId: s, username: s, other: s.nullable() },
  'session.disconnected': { loginId: s, username: s, ended: s.nullable() },
  'session.expired': { loginId: s, username: s },
  logout: { loginId: s, username: s },
  'enrolment.required': { loginId: s, username: s, region: s },
  'enrolment.started': { loginId: s, username: s, number: s },
  'enrolment.completed': { loginId: s, username: s, number: s },
  'enrolment.stopped': { loginId: s, username: s, reason: z.literal('too_many_wrong_codes') },
  'portal.verification_started': { loginId: s, username: s, number: s },
  'portal.number_confirmed': { loginId: s, username: s, number: s },
  'portal.number_verified': { loginId: s, username: s, number: s, autoEnrolAt: time.nullable() },
  'portal.sms_enrolled': { username: s, number: s },
  'portal.opt_out': { loginId: s, username: s, region: s, outcome: z.enum(['refused', 'opted_out']) },
  'clock.advanced': { byMs: n },
  'locale.changed': { locale: z.enum(LOCALES) },
} satisfies Record<JournalEvent['type'], z.core.$ZodLooseShape>;
type FieldsOf<M extends Record<string, z.core.$ZodLooseShape>> = { [T in keyof M]: z.output<z.ZodObject<M[T]>> };
type EventFields = { [T in JournalEvent['type']]: Omit<Extract<JournalEvent, { type: T }>, 'type'> };

const journalEntrySchema = z
  .discriminatedUnion(
    'type',
    Object.entries(journalFields).map(([type, fields]) =>
      z.object({ type: z.literal(type), ...fields, seq: n.describe('Its sequence number, from 1 in each world.'), at: time.describe('When it happened, in virtual time.') }),
    ) as unknown as [z.ZodObject<{ type: z.ZodLiteral<string> }>],
  )
  .describe('One journal entry: what the simulation decided, and why (`type` says which event, its fields the details).') as unknown as z.ZodType<JournalEntry>;

const journalPageSchema = z
  .object({ entries: z.array(journalEntrySchema), lastSeq: n.describe('The newest sequence number: ask again with afterSeq (or ?after=) this.') })
  .describe('The journal entries after a sequence number.');

// ---- The views.

const deviceChoice = z
  .object({
    id: s,
    kind: deviceKind,
    label: s.describe('What the drop-down shows: kind and a recognisable detail (masked number, model, serial).'),
    phoneId: s.nullable().describe('The simulated phone this device reaches, if any.'),
    serial: s.nullable().describe("The physical device's serial number (DSC+ fob, Security Code Card)."),
  })
  .describe("One of the user's second-factor devices.");

const enrolmentView = z
  .object({
    required: z.boolean().describe('True in Hong Kong and India: no opting out.'),
    regulation: messageSchema.nullable(),
    region: z.enum(REGIONS),
    number: s.nullable(),
    codeSent: z.boolean(),
    phoneId: s.nullable(),
    verified: z.boolean().describe('The Confirm Code was accepted: the green check in "SMS Verified".'),
    enrolled: z.boolean().describe('The second CONTINUE finalised it: SMS is the second factor.'),
  })
  .describe('Enrolling a mobile number for SMS.');

const portalVerificationView = z
  .object({
    number: s,
    codeSent: z.boolean().describe('A Confirm Code is out and can be typed in "Confirmation Number".'),
    confirmed: z.boolean().describe('The code was accepted: the green check under "SMS Verified"; CONTINUE finalises.'),
    resendAvailableAt: time.nullable().describe('When VERIFY may send a new SMS.'),
    phoneId: s.nullable(),
  })
  .describe('A mobile number being verified in the Client Portal.');
const portalView = z
  .object({
    mobile: z.object({ number: s.nullable(), verified: z.boolean() }).describe('The mobile number on record.'),
    verification: portalVerificationView.nullable(),
    smsEnrolmentAt: time.nullable().describe('When the automatic enrolment in SMS happens (a user with no active SLS device).'),
    seamless: z.boolean().describe('Secure Login Settings: Seamless Authentication.'),
    devices: z.array(deviceChoice).describe('The active SLS devices.'),
    optOut: z.object({ allowed: z.boolean(), regulation: messageSchema.nullable(), optedOut: z.boolean() }).describe('Opting out of the Secure Login System (refused in Hong Kong and India).'),
  })
  .describe('The Client Portal\'s settings of a logged-in portal login.');

const loginView = z
  .object({
    loginId: s.nullable().describe('The login attempt, e.g. L1; the other login operations take it.'),
    step: z.enum(LOGIN_STEPS).describe('The screen the login window shows.'),
    mode: tradingMode,
    surface: z.enum(LOGIN_SURFACES).describe('Where the login was typed: the trading platform (tws) or the Client Portal.'),
    username: s,
    error: messageSchema.nullable().describe("The alert line, e.g. invalid_credentials (\"Invalid user name password combination\")."),
    notice: messageSchema.nullable().describe('The informational line, e.g. where the code was sent.'),
    devices: z.array(deviceChoice),
    device: deviceChoice.nullable(),
    resendAvailableAt: time.nullable().describe('When "Didn\'t receive a security code?" may send a new SMS.'),
    voiceAvailableAt: time.nullable().describe('When it may ask for the voice callback: not held back by the SMS\'s interval unless timing.voiceWaitsForSms.'),
    resendChannels: z.object({ sms: z.boolean(), voice: z.boolean() }),
    challenge: s.nullable(),
    cardIndexes: z.tuple([n, n]).nullable(),
    enrolment: enrolmentView.nullable(),
    readOnly: z.boolean().describe('"Read-Only Login": no second factor was asked, and orders are disabled.'),
    connectionAttempt: n.nullable().describe('At step connecting: the connection attempt in progress ("Log in progress (attempt #N)").'),
    portal: portalView.nullable(),
    now: time,
  })
  .describe('The login window: its step and what it shows. Never carries a secret (codes live on the phone and in the server).');

const smsView = z.object({ id: s, from: s, text: s, at: time, read: z.boolean() });
const notificationView = z.object({
  id: s,
  app: s,
  title: s,
  body: s,
  at: time,
  silenced: z.boolean().describe('Silenced notifications stay in the list but raise no banner.'),
  banner: z.enum(['temporary', 'persistent']).nullable().describe("The banner it raised on arrival: none when silenced or the app's banners are off; a persistent one stays until touched."),
  lockScreen: z.boolean().describe("Shown on the lock screen now (the app's Lock Screen setting)."),
  centre: z.boolean().describe("In the list once unlocked: iOS's Notification Center, Android's shade."),
  preview: z.enum(['always', 'whenUnlocked', 'never']).describe("Its text shows always, only unlocked, or never: iOS's Show Previews."),
  source: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('sms'), messageId: s }),
    z.object({ kind: z.literal('push'), loginId: s }),
    z.object({ kind: z.literal('call'), callId: s }),
  ]),
});
const callView = z.object({
  id: s,
  from: s,
  at: time,
  state: z.enum(['ringing', 'answered', 'ended', 'missed']),
  transcript: s.nullable(),
  language: s.describe('The BCP 47 tag of the language the voice speaks (the account holder\'s: fr-FR).'),
});
const activationView = z
  .object({
    id: s,
    purpose: activationPurpose,
    username: s,
    step: z.enum(['token', 'pin', 'done', 'stopped']),
    via: activationChannel,
    number: s.nullable().describe('The masked number the Activation Token went to by SMS.'),
    challenge: s.nullable().describe("The physical device's challenge whose response is the token (via dscplus)."),
    serial: s.nullable(),
    resendAvailableAt: time.nullable(),
    asksCurrentPin: z.boolean(),
    asksOwner: z.boolean(),
    fromModel: s.nullable(),
    error: messageSchema.nullable(),
    notice: messageSchema.nullable(),
  })
  .describe("IBKR Mobile's IB Key activation, reactivation or migration on one phone.");
const activationAnswer = z
  .object({ activation: activationView.nullable(), error: messageSchema.nullable().describe('Why no activation started (credentials, IB Key elsewhere, no number).') })
  .describe('An activation step answered.');
const mobileAppView = z.object({
  installed: z.boolean(),
  ibkeyUser: s.nullable(),
  needsReactivation: z.boolean(),
  unlock: z.enum(UNLOCK_METHODS),
  asksPin: z.boolean(),
  pendingApprovals: z.array(z.object({ loginId: s, username: s, product: s, at: time, expiresAt: time })),
  login: loginView.nullable(),
  migratedAway: z.boolean(),
  activation: activationView.nullable(),
});
const phoneView = z
  .object({
    id: s,
    name: s,
    platform: z.enum(PLATFORMS),
    model: s,
    number: s,
    carrier: s,
    region: s,
    status: phoneStateSchema,
    messages: z.array(smsView),
    notifications: z.array(notificationView),
    calls: z.array(callView),
    app: mobileAppView,
    unread: n,
    appBadge: n.describe("The broker app's icon badge (its waiting notifications), 0 when Badges or the notification dot is off."),
    now: time,
  })
  .describe('A simulated phone: its settings and faults, messages, notifications, calls and the mobile app.');

const appResponseView = z
  .object({ ok: z.boolean(), response: s.nullable().describe('The 8-digit "Response String" of Authenticate.'), message: messageSchema })
  .describe("The phone's app answering an approval or Authenticate.");
const fobView = z
  .object({
    serial: s,
    owner: s,
    state: z.enum(['off', 'pin', 'challenge', 'response', 'locked']),
    display: s.describe('What the LCD shows: "PIN>", "CHALLNG>", the response, "LOCKED".'),
    wrongPins: n,
    offAt: time.nullable(),
  })
  .describe("The DSC+ fob's display and state.");
const codeCardView = z.object({ serial: s, owner: s, entries: z.array(z.object({ index: n, value: s })) }).describe('The printed Security Code Card.');
const clockView = z.object({ now: time, running: z.boolean(), elapsed: n.describe('Milliseconds of virtual time since the scenario started.') }).describe('The virtual clock.');
const articleRef = z.object({ title: s, step: s }).nullable();
const scenarioView = z
  .object({
    name: s,
    title: s,
    description: s,
    seed: s,
    branding: z.object({ company: s, product: s, mobileApp: s, smsSender: s }),
    article: articleRef,
    readOnlyLogin: z.boolean().describe('The login window offers "Read-Only Login".'),
  })
  .describe('The running scenario.');
const owned = z.object({ serial: s, owner: s });
const phoneSummary = z
  .object({ id: s, name: s, platform: z.enum(PLATFORMS), model: s, number: s, region: z.enum(REGIONS), ibkeyUser: s.nullable(), owner: s.nullable() })
  .describe('A phone as the world lists it: who holds IB Key on it, whose it is.');
const addPhoneAnswer = z
  .object({ phone: phoneSummary.nullable(), error: messageSchema.nullable().describe('Why no phone was added (add_phone_refused and its reason).') })
  .describe('The Director\'s "Add a phone" answered.');
const worldView = z
  .object({
    scenario: scenarioView,
    locale: z.enum(LOCALES).describe("The windows' language, which every window follows (setLocale changes it)."),
    clock: clockView,
    users: z.array(
      z.object({
        username: s,
        region: s,
        devices: z.array(deviceChoice),
        lockedUntil: time.nullable(),
        recentFailures: n,
        seamless: z.boolean(),
        language: z.enum(LOCALES).describe("The account holder's language: what the world sends them (SMS, call, push) is in it."),
      }),
    ),
    phones: z.array(phoneSummary),
    fobs: z.array(owned),
    cards: z.array(owned),
  })
  .describe('The simulated world: the scenario, the clock, users, phones, fobs and code cards.');
const pendingView = z
  .object({
    username: s,
    loginId: s,
    step: z.enum(LOGIN_STEPS),
    kind: z.enum(['code', 'challenge', 'push', 'card', 'passcode']),
    code: s.nullable().describe('The live code (SMS or voice) or temporary passcode.'),
    challenge: s.nullable(),
    cardIndexes: z.tuple([n, n]).nullable(),
    expectedResponse: s.nullable().describe('The expected response (IB Key, DSC+, card values), to answer without the phone.'),
    expiresAt: time.nullable(),
    push: z
      .object({ phoneId: s, notificationId: s.nullable(), delivered: z.boolean() })
      .optional()
      .describe("A push entry's phone and its notification there (notificationId null while the network holds it)."),
  })
  .describe('A second factor waiting to be answered, with its secrets (for the Director and testers only).');
const scenarioSummary = z.object({ name: s, title: s, description: s, file: s, article: articleRef });
const scenarioProblem = z.object({ file: s, line: n, column: n, field: s, message: s });
const loadScenarioResult = z
  .discriminatedUnion('ok', [z.object({ ok: z.literal(true), world: worldView }), z.object({ ok: z.literal(false), problems: z.array(scenarioProblem) })])
  .describe('The new world, or every problem of the file (the running scenario unchanged).');
const worldExportView = z
  .object({ fileName: s.describe('`<scenario>-saved.yaml`, what a download or a save dialog offers.'), text: s.describe('The scenario file (YAML).') })
  .describe('The running world as a scenario file that loads back to the same world.');
const written = {
  written: s.describe('The step as the scenario file wrote it (`wait: 5s`).'),
  caption: s.optional().describe("The scenario's own words for the caption strip; without them the windows say the kind's default."),
};
const stepOf = <K extends string, F extends z.core.$ZodLooseShape>(kind: K, fields: F) => z.object({ kind: z.literal(kind), ...fields, ...written });
const unlock = { method: z.enum(UNLOCK_METHODS), pin: s.optional() };
const scriptStepView = z.discriminatedUnion('kind', [
  stepOf('login', { user: s, password: s.optional(), mode: tradingMode, readOnly: z.boolean().optional(), elsewhere: z.boolean().optional(), phone: s.optional() }),
  stepOf('wait', { ms: n }),
  stepOf('chooseDevice', { device: s }),
  stepOf('enterCode', { code: s.optional() }),
  stepOf('requestCode', { channel: z.enum(CODE_CHANNELS) }),
  stepOf('answerCall', {}),
  stepOf('approvePush', unlock),
  stepOf('challengeResponse', unlock),
  stepOf('dscplus', { pin: s }),
  stepOf('codeCard', {}),
  stepOf('temporaryPasscode', { code: s.optional() }),
  stepOf('acceptPaperWarning', {}),
  stepOf('continueLogin', {}),
  stepOf('cancel', {}),
  stepOf('enrolSms', { number: s }),
  stepOf('confirmEnrolment', {}),
  stepOf('setPhone', { phone: s, patch: phoneStatePatchSchema }),
  stepOf('restart', { phone: s }),
  stepOf('clearAppData', { phone: s }),
  stepOf('seamless', { user: s, enabled: z.boolean() }),
  stepOf('setLocale', { locale: z.enum(LOCALES) }),
  stepOf('installApp', { phone: s }),
  stepOf('uninstallApp', { phone: s }),
  stepOf('activateIbKey', { phone: s, user: s, pin: s.optional(), method: z.enum(UNLOCK_METHODS).optional(), password: s.optional() }),
  stepOf('migrateIbKey', { phone: s, user: s, pin: s.optional(), password: s.optional() }),
]);
const scriptView = z
  .object({ name: s, title: s, article: articleRef, steps: z.array(scriptStepView) })
  .describe("The running scenario's script for the autopilot, with each login's password (so only the Director and the browser host's stage may read it).");
const reasonView = z
  .object({ reason: deliveryReason, text: s, fix: s, article: s, step: s, byRegion: z.record(z.enum(REGIONS), s).nullable().describe("The advice by the region of the phone's carrier, where the article gives it region by region (carrier_blocked).") })
  .describe('Why a message may not arrive, and the help-article step that fixes it.');

/** Each view's schema under the name the document gives it (components.schemas). */
export const viewSchemas = {
  LoginView: loginView,
  DeviceChoice: deviceChoice,
  Message: messageSchema,
  PhoneView: phoneView,
  AppResponseView: appResponseView,
  ActivationAnswer: activationAnswer,
  AddPhoneAnswer: addPhoneAnswer,
  FobView: fobView,
  CodeCardView: codeCardView,
  ClockView: clockView,
  ScenarioView: scenarioView,
  WorldView: worldView,
  PendingView: pendingView,
  ScenarioSummary: scenarioSummary,
  LoadScenarioResult: loadScenarioResult,
  ReasonView: reasonView,
  JournalEntry: journalEntrySchema,
  JournalPage: journalPageSchema,
};

/** What each operation answers (the `value` of its ok envelope). */
export const answerSchemas = {
  submitCredentials: loginView,
  chooseDevice: loginView,
  changeDevice: loginView,
  submitCode: loginView,
  requestNewCode: loginView,
  requestChallenge: loginView,
  submitResponse: loginView,
  continueLogin: loginView,
  acceptPaperWarning: loginView,
  cancelLogin: loginView,
  logOut: loginView,
  getLogin: loginView,
  getPhone: phoneView,
  markMessagesRead: phoneView,
  dismissNotification: phoneView,
  setPhoneState: phoneView,
  restartPhone: phoneView,
  clearAppData: phoneView,
  setSeamless: worldView,
  approvePush: appResponseView,
  generateResponse: appResponseView,
  answerCall: phoneView,
  endCall: phoneView,
  getFob: fobView,
  fobPress: fobView,
  fobEnter: fobView,
  resetFob: fobView,
  getCodeCard: codeCardView,
  getWorld: worldView,
  getClock: clockView,
  advanceClock: clockView,
  setClockRunning: clockView,
  getJournal: journalPageSchema,
  getScenario: scenarioView,
  resetWorld: worldView,
  listPending: z.array(pendingView),
  listScenarios: z.array(scenarioSummary),
  loadScenario: loadScenarioResult,
  getReasons: z.array(reasonView),
  enrolSms: loginView,
  confirmSmsEnrolment: loginView,
  finishSmsEnrolment: loginView,
  verifyMobileNumber: loginView,
  confirmMobileNumber: loginView,
  finishMobileVerification: loginView,
  saveSeamless: loginView,
  optOutOfSls: loginView,
  exportWorld: worldExportView,
  setLocale: worldView,
  getScript: scriptView,
  addPhone: addPhoneAnswer,
  installApp: phoneView,
  uninstallApp: phoneView,
  startIbKeyActivation: activationAnswer,
  resendActivationToken: activationAnswer,
  submitActivationToken: activationAnswer,
  setActivationPin: activationAnswer,
} satisfies { [N in OperationName]: z.ZodType };

// ---- The envelopes every answer travels in.

const apiErrorCode = z.enum(['unknown_operation', 'invalid_request', 'not_found', 'wrong_state', 'untrusted_sender', 'unauthorized', 'unavailable', 'internal']);
export const errorEnvelopeSchema = z
  .object({
    ok: z.literal(false),
    error: z.object({
      code: apiErrorCode.describe('What kind of refusal (the HTTP status says the same: 400, 401, 403, 404, 409, 500, 503).'),
      message: s.describe('In words a person can act on, naming the field or the thing not found.'),
      issues: z
        .array(z.object({ path: s.describe('The field, dotted (patch.signal), or (request).'), message: s }))
        .optional()
        .describe('Every problem of the request (or of a scenario file: file:line:column: field: message).'),
    }),
  })
  .describe('A refusal: the request was not carried out.');

// ---- The checks: each schema is its TypeScript type, both ways.

// Compiles only when every check is true; a false one is named in the error.
const typesAgree = {
  messageParams: true satisfies Same<ParamsOf<typeof messageParams>, MessageParams>,
  journalEvents: true satisfies Same<FieldsOf<typeof journalFields>, EventFields>,
  credentialFailure: true satisfies Same<z.output<typeof credentialFailure>, CredentialFailure>,
  factorFailure: true satisfies Same<z.output<typeof factorFailure>, FactorFailure>,
  appRefusal: true satisfies Same<z.output<typeof appRefusal>, AppRefusal>,
  loginFailure: true satisfies Same<z.output<typeof loginFailure>, LoginFailure>,
  journalPage: true satisfies Same<z.output<typeof journalPageSchema>, JournalPage>,
  reasonView: true satisfies Same<z.output<typeof reasonView>, ReasonView>,
  deviceChoice: true satisfies Same<z.output<typeof deviceChoice>, V.DeviceChoice>,
  enrolmentView: true satisfies Same<z.output<typeof enrolmentView>, V.EnrolmentView>,
  portalView: true satisfies Same<z.output<typeof portalView>, V.PortalView>,
  loginView: true satisfies Same<z.output<typeof loginView>, V.LoginView>,
  smsView: true satisfies Same<z.output<typeof smsView>, V.SmsView>,
  notificationView: true satisfies Same<z.output<typeof notificationView>, V.NotificationView>,
  callView: true satisfies Same<z.output<typeof callView>, V.CallView>,
  mobileAppView: true satisfies Same<z.output<typeof mobileAppView>, V.MobileAppView>,
  activationView: true satisfies Same<z.output<typeof activationView>, V.ActivationView>,
  activationAnswer: true satisfies Same<z.output<typeof activationAnswer>, V.ActivationAnswer>,
  addPhoneAnswer: true satisfies Same<z.output<typeof addPhoneAnswer>, V.AddPhoneAnswer>,
  phoneView: true satisfies Same<z.output<typeof phoneView>, V.PhoneView>,
  fobView: true satisfies Same<z.output<typeof fobView>, V.FobView>,
  worldView: true satisfies Same<z.output<typeof worldView>, V.WorldView>,
  pendingView: true satisfies Same<z.output<typeof pendingView>, V.PendingView>,
  scenarioSummary: true satisfies Same<z.output<typeof scenarioSummary>, V.ScenarioSummary>,
  loadScenarioResult: true satisfies Same<z.output<typeof loadScenarioResult>, V.LoadScenarioResult>,
  scriptView: true satisfies Same<z.output<typeof scriptView>, ScriptView>,
  worldExportView: true satisfies Same<z.output<typeof worldExportView>, V.WorldExportView>,
  errorBody: true satisfies Same<z.output<typeof errorEnvelopeSchema>['error'], ApiErrorBody>,
  errorCode: true satisfies Same<z.output<typeof apiErrorCode>, ApiErrorCode>,
};
void typesAgree;
/** Every operation's answer schema against ResponseMap; a disagreeing one is named in the error. */
type Disagreeing = { [N in OperationName]: Same<z.output<(typeof answerSchemas)[N]>, ResponseMap[N]> extends true ? never : N }[OperationName];
const answersAgree: [Disagreeing] extends [never] ? true : Disagreeing = true;
void answersAgree;
