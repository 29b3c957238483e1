// What every second factor is to the login server: how it starts, how it is answered, what the
// login window and the director's /pending see of it, and which journal entries it writes.
import type { JournalEvent, LoginFailure } from '../../api/events.js';
import type { Message } from '../../api/messages.js';
import type { LoginView, PendingView } from '../../api/views.js';
import type { AttemptAt, CompletedBy, LoginAttempt, StepEntry } from '../login-attempt.js';
import type { World } from '../world.js';

/** The factor kinds the server runs (voice is the security code's other channel; the push falls back to IB Key's challenge). */
export type FactorKind = 'sms' | 'voice' | 'ibkeyPush' | 'ibkeyChallenge' | 'dscplus' | 'codecard' | 'temporaryPasscode';

/** The steps at which a factor waits for its answer. */
export type FactorStep = 'securityCode' | 'push' | 'challenge' | 'dscplus' | 'codecard' | 'temporaryPasscode';

/** How too many wrong typed answers end a login (a code, or a response). */
export type WrongAnswerEnd = Exclude<LoginFailure, 'account_locked'>;

/** The parts of the login window's view a factor fills in. */
export type FactorViewFields = Pick<LoginView, 'resendAvailableAt' | 'voiceAvailableAt' | 'resendChannels' | 'challenge' | 'cardIndexes'>;

/** One /pending entry, without the login's own fields (user, login id, step). */
export type PendingEntry = Omit<PendingView, 'username' | 'loginId' | 'step'>;

/** A started factor: the step to enter with its fields, and what the window tells the user. */
export type Started<S extends FactorStep> = S extends FactorStep ? { entry: Extract<StepEntry, { step: S }>; notice: Message } : never;

/**
 * An answer: right (and what completed the login), or refused. For a typed answer the refusal is
 * the login failure it counts toward (the attempt's wrong answers went up by one, and the journal
 * says why); for a push approval it is why the phone was refused, which counts nothing.
 */
export type Answer<Refusal> = { ok: true; by: CompletedBy } | { ok: false; refusal: Refusal };

export interface Factor<S extends FactorStep, From, Input, Refusal> {
  readonly step: S;
  /** Every journal entry type the factor writes, from its start to its answer. */
  readonly journal: readonly JournalEvent['type'][];
  start(world: World, attempt: LoginAttempt, from: From): Started<S>;
  answer(world: World, attempt: AttemptAt<S>, input: Input): Answer<Refusal>;
  view(attempt: AttemptAt<S>): FactorViewFields;
  pending(attempt: AttemptAt<S>, world: World): PendingEntry[];
}

/** A step with no factor waiting shows none of a factor's fields. */
export const NO_FACTOR_VIEW: FactorViewFields = { resendAvailableAt: null, voiceAvailableAt: null, resendChannels: { sms: false, voice: false }, challenge: null, cardIndexes: null };
