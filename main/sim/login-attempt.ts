// One login attempt as the server holds it: a union by step, each step with exactly its fields, and
// the transition table saying which operations each step accepts. The login server (login.ts) is
// the only code that moves an attempt from one step to another.
import type { Message } from '../api/messages.js';
import type { LoginStep, LoginSurface, TradingMode } from '../api/vocabulary.js';
import type { ChallengeFactor } from './challenge.js';
import type { TimerId } from './clock.js';
import type { Account } from './directory.js';
import type { OobCodeBox } from './oob-code.js';
import type { DeviceSpec } from './scenario/schema.js';

export type DeviceOf<K extends DeviceSpec['kind']> = Extract<DeviceSpec, { kind: K }>;

/** Enrolment in SMS authentication of a user with no device: required (Hong Kong, India) or offered. */
export interface Enrolment {
  /** The login waits for it (Hong Kong, India); otherwise it is offered after the login. */
  readonly required: boolean;
  /** The number the latest confirmation code went to, as typed. */
  number: string | null;
  /** The confirmation codes; null until VERIFY, and again once the number is verified. */
  codes: OobCodeBox | null;
  /** The Confirm Code was accepted: the green check in "SMS Verified". */
  verified: boolean;
  /** The second CONTINUE finalised the procedure: SMS is the user's second factor. */
  enrolled: boolean;
}

/** IB Key push waiting for approval on a phone; `delivered` once it is on the phone (shown or silenced). */
export interface PendingPush {
  phoneId: string;
  expiresAt: number;
  timer: TimerId;
  delivered: boolean;
}

/** What completed a login, for the journal: the device kind, voice (SMS's other channel) or nothing asked. */
export type CompletedBy = DeviceSpec['kind'] | 'voice' | 'temporaryPasscode' | 'none';

/** A temporary passcode on record for a user (world.ts makes one per user whose spec has it). */
export interface TemporaryPasscode {
  /** Letters and digits; letters in upper case, as they must be typed. */
  readonly code: string;
  readonly issuedAt: number;
}

/**
 * A login the window is still connecting ("Log in progress (attempt #N)", the scenario's connection):
 * no attempt yet. The password was checked when typed, in constant time; only the verdict is kept,
 * and the server acts on it (lockout included) once connected.
 */
export interface Connecting {
  /** The id the attempt will have: the window follows it from the first screen on. */
  readonly id: string;
  readonly username: string;
  readonly mode: TradingMode;
  readonly readOnly: boolean;
  readonly check: { account: Account | undefined; passwordOk: boolean };
  /** The attempt in progress, from 1. */
  attempt: number;
  timer: TimerId;
}

/** What every attempt holds, whatever its step. */
interface AttemptBase {
  readonly id: string;
  readonly account: Account;
  readonly mode: TradingMode;
  /** Where it was typed: the trading platform's login window or the Client Portal (the same machine, the same rules). */
  readonly surface: LoginSurface;
  /** Set when the login comes from the mobile app on a phone (the trading device). */
  readonly fromPhone: string | null;
  /** "Read-Only Login": the password alone, no second factor, no orders; not a trading session (no "Existing session detected"). */
  readonly readOnly: boolean;
  wrongAnswers: number;
  /**
   * The attempt has counted its failed login. That happens at its first wrong second-factor answer,
   * not when it ends: however it ends (cancelled, abandoned, evicted, never), it cannot escape the count.
   */
  failureCounted: boolean;
  /** The SMS/voice codes of this login by number: the resend clock belongs to the login and the number, not to the device choice. */
  readonly codeBoxes: Map<string, OobCodeBox>;
  /** The push went unanswered for the whole window; a late approval is told so. */
  pushExpired: boolean;
  error: Message | null;
  notice: Message | null;
}

/** The fields of each step. A step missing here fails to compile (LoginAttempt indexes it by LoginStep). */
export interface StepFields {
  credentials: object;
  /** Never an attempt's step: a connection still retrying (login.ts, Connecting) is shown at it, before any attempt exists. */
  connecting: object;
  selectDevice: object;
  securityCode: { device: DeviceOf<'sms'>; codes: OobCodeBox };
  push: { device: DeviceOf<'ibkey'>; push: PendingPush };
  challenge: { device: DeviceOf<'ibkey'>; challenge: ChallengeFactor };
  dscplus: { device: DeviceOf<'dscplus'>; challenge: ChallengeFactor };
  codecard: { device: DeviceOf<'codecard'>; challenge: ChallengeFactor };
  temporaryPasscode: { passcode: TemporaryPasscode };
  enrolRequired: { enrol: Enrolment };
  /** The second factor is answered; the user's other trading session (an attempt's id, or null: the scenario's session elsewhere) waits for the choice. */
  existingSession: { device: DeviceSpec | null; factor: CompletedBy; enrol: Enrolment | null; other: string | null };
  paperWarning: { device: DeviceSpec | null; factor: CompletedBy; enrol: Enrolment | null };
  /** `device` and `enrol` change here: enrolling from the logged-in screen makes SMS the device. */
  loggedIn: { device: DeviceSpec | null; factor: CompletedBy; enrol: Enrolment | null };
  /** The session ended by the server (timed out, or disconnected by the user's login elsewhere): only Re-login (cancel) is left. */
  reloginRequired: object;
  /** What the failed screen still shows: the device it failed on, the enrolment it failed in. */
  failed: { device: DeviceSpec | null; enrol: Enrolment | null };
}

type StepFieldName = { [S in LoginStep]: keyof StepFields[S] }[LoginStep];
/** Every field some step holds, so entering a step drops those of the step it leaves; a new one must be listed. */
const STEP_FIELDS: Record<StepFieldName, true> = { device: true, codes: true, push: true, challenge: true, passcode: true, enrol: true, factor: true, other: true };
export const STEP_FIELD_NAMES = Object.keys(STEP_FIELDS) as StepFieldName[];

export type AttemptAt<S extends LoginStep> = AttemptBase & { readonly step: S } & StepFields[S];
export type LoginAttempt = { [S in LoginStep]: AttemptAt<S> }[LoginStep];
/** A step with its fields: what entering a step takes. */
export type StepEntry = { [S in LoginStep]: { step: S } & StepFields[S] }[LoginStep];

/** The operations on a login in progress, as the transition table names them. */
export type LoginOp =
  | 'chooseDevice'
  | 'changeDevice'
  | 'submitCode'
  | 'requestNewCode'
  | 'requestChallenge'
  | 'approvePush'
  | 'submitResponse'
  | 'enrolSms'
  | 'confirmSmsEnrolment'
  | 'continueLogin'
  | 'finishSmsEnrolment'
  | 'acceptPaperWarning'
  | 'logOut'
  // The Client Portal's settings, for a portal login that is logged in (login.ts checks the surface).
  | 'verifyMobileNumber'
  | 'confirmMobileNumber'
  | 'finishMobileVerification'
  | 'saveSeamless'
  | 'optOutOfSls';

/**
 * Which operations each step accepts. Cancel is accepted at every step and is not listed.
 * SMS enrolment is also subject to the enrolment itself being open (enrolment.ts, enrolmentOpen).
 */
export const TRANSITIONS = {
  credentials: [],
  connecting: [],
  selectDevice: ['chooseDevice'],
  securityCode: ['submitCode', 'requestNewCode', 'changeDevice'],
  push: ['requestChallenge', 'approvePush', 'changeDevice'],
  challenge: ['submitResponse', 'changeDevice'],
  dscplus: ['submitResponse', 'changeDevice'],
  codecard: ['submitResponse', 'changeDevice'],
  temporaryPasscode: ['submitResponse'],
  enrolRequired: ['enrolSms', 'confirmSmsEnrolment', 'finishSmsEnrolment'],
  existingSession: ['continueLogin'],
  paperWarning: ['acceptPaperWarning'],
  loggedIn: ['logOut', 'enrolSms', 'confirmSmsEnrolment', 'finishSmsEnrolment', 'verifyMobileNumber', 'confirmMobileNumber', 'finishMobileVerification', 'saveSeamless', 'optOutOfSls'],
  reloginRequired: [],
  failed: [],
} as const satisfies Record<LoginStep, readonly LoginOp[]>;

/** The steps at which an operation is accepted, as a type: the guard narrows the attempt to them. */
export type StepsAccepting<O extends LoginOp> = { [S in LoginStep]: O extends (typeof TRANSITIONS)[S][number] ? S : never }[LoginStep];
export type AttemptAccepting<O extends LoginOp> = Extract<LoginAttempt, { step: StepsAccepting<O> }>;

export function accepts<O extends LoginOp>(attempt: LoginAttempt, op: O): attempt is AttemptAccepting<O> {
  return (TRANSITIONS[attempt.step] as readonly LoginOp[]).includes(op);
}

/** The steps accepting an operation, in the order of the login, for the refusal message. */
export function stepsAccepting(op: LoginOp): LoginStep[] {
  return (Object.keys(TRANSITIONS) as LoginStep[]).filter((step) => (TRANSITIONS[step] as readonly LoginOp[]).includes(op));
}

export function deviceOf(attempt: LoginAttempt): DeviceSpec | null {
  return 'device' in attempt ? attempt.device : null;
}

export function enrolmentOf(attempt: LoginAttempt): Enrolment | null {
  return 'enrol' in attempt ? attempt.enrol : null;
}

/** Only a push that reached the phone (shown, or silently in the notification list) can be approved. */
export function pushReachedPhone(attempt: LoginAttempt, phoneId: string): attempt is AttemptAt<'push'> {
  return attempt.step === 'push' && attempt.push.phoneId === phoneId && attempt.push.delivered;
}
