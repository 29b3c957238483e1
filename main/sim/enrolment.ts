// Enrolment in SMS authentication for a user with no security device ("How to enable and use SMS as
// Two-Factor Authentication method"): Mobile Number → VERIFY → the Confirm Code by SMS, typed in
// "Confirmation Number" → CONTINUE → a green check in the column "SMS Verified" → CONTINUE again to
// finalise, and, the user having no other device, automatic enrolment in SMS. Required where a
// regulator allows no opting out (regulation.ts), offered on the logged-in screen everywhere else.
// The confirmation code follows the security code's rules: an OobCodeBox of the login's own.
// These functions change an attempt's enrolment, never its step: the login server moves the step.
import type { FactorFailure } from '../api/events.js';
import type { AttemptAt, Enrolment, LoginAttempt } from './login-attempt.js';
import { message, type Message } from '../api/messages.js';
import { OobCodeBox } from './oob-code.js';
import { maskNumber } from './phone.js';
import type { DeviceSpec } from './scenario/schema.js';
import { sendSms } from './sms.js';
import type { World } from './world.js';

import { confirmationSms } from './world-text.js';

/** An attempt whose enrolment is open: VERIFY and CONTINUE are available. */
export type Enrolling = (AttemptAt<'enrolRequired'> | AttemptAt<'loggedIn'>) & { enrol: Enrolment };

/** Hong Kong and India: the password was right, but the login goes no further until a number is verified. */
export function requireEnrolment(world: World, attempt: LoginAttempt): Enrolment {
  const { region, username } = attempt.account.spec;
  world.journal.record({ type: 'enrolment.required', loginId: attempt.id, username, region });
  return { required: true, number: null, codes: null, verified: false, enrolled: false };
}

/** Everyone else with no device is logged in, and told so. */
export function offerEnrolment(world: World): { enrol: Enrolment; notice: Message } {
  return {
    enrol: { required: false, number: null, codes: null, verified: false, enrolled: false },
    notice: message('enrolment_offered', { app: world.scenario.branding.mobileApp }),
  };
}

/** The enrolment belongs to the step the attempt is at: required ones wait before the login, offered ones after it. */
function enrolmentHere(attempt: LoginAttempt): attempt is Enrolling {
  if (attempt.step !== 'enrolRequired' && attempt.step !== 'loggedIn') return false;
  const { enrol } = attempt;
  return enrol !== null && attempt.step === (enrol.required ? 'enrolRequired' : 'loggedIn');
}

/** VERIFY and the first CONTINUE are available: enrolment required or offered, the number not verified yet. */
export function enrolmentOpen(attempt: LoginAttempt): attempt is Enrolling {
  return enrolmentHere(attempt) && !attempt.enrol.verified;
}

/** The second CONTINUE is available: the green check is in "SMS Verified", the procedure not finalised yet. */
export function enrolmentVerified(attempt: LoginAttempt): attempt is Enrolling {
  return enrolmentHere(attempt) && attempt.enrol.verified && !attempt.enrol.enrolled;
}

/** VERIFY: a confirmation code by SMS to the number typed; a new one at most every resend interval. */
export function sendConfirmationCode(world: World, attempt: Enrolling, number: string): void {
  const { clock, journal, scenario } = world;
  const { enrol } = attempt;
  const now = clock.now();
  const wait = enrol.codes?.retryAfter(now, 'sms') ?? 0;
  if (wait > 0) {
    journal.record({ type: 'resend.refused', loginId: attempt.id, retryAfterMs: wait });
    attempt.error = message('resend_wait', { waitMs: wait });
    return;
  }
  const { timing } = scenario;
  enrol.codes ??= new OobCodeBox({ lifetimeMs: timing.codeLifetime, resendIntervalMs: timing.resendInterval });
  const code = world.randomFor(attempt, 'confirmation-code').digits(6);
  const issued = enrol.codes.issue(now, code, 'sms');
  enrol.number = number;
  attempt.error = null;
  const username = attempt.account.spec.username;
  journal.record({ type: 'enrolment.started', loginId: attempt.id, username, number: maskNumber(number) });
  journal.record({ type: 'code.issued', loginId: attempt.id, username, channel: 'sms', expiresAt: issued.expiresAt });
  // The confirmation code is what verifies a number, so it goes to one that is not verified yet.
  sendSms(world, number, confirmationSms(scenario, attempt.account.spec.language, code), attempt.id);
  attempt.notice = message('confirm_code_sent', { number: maskNumber(number) });
}

/** Said once the procedure is finalised: SMS is the second factor now. */
export function enrolledNotice(number: string): Message {
  return message('sms_verified', { number: maskNumber(number) });
}

/**
 * The first CONTINUE, with the right code: the number is verified (the green check in "SMS Verified").
 * The code has done its work; the login does not move until the second CONTINUE.
 */
export function verifyNumber(world: World, attempt: Enrolling, number: string): void {
  const { enrol } = attempt;
  const spec = attempt.account.spec;
  spec.mobile = { number, verified: true };
  enrol.codes = null;
  enrol.verified = true;
  attempt.error = null;
  attempt.notice = message('number_verified', { number: maskNumber(number) });
  world.journal.record({ type: 'code.accepted', loginId: attempt.id, username: spec.username });
}

/** The second CONTINUE: the procedure is finalised and SMS becomes the user's second factor, which is returned. */
export function completeEnrolment(world: World, attempt: Enrolling, number: string): DeviceSpec {
  const spec = attempt.account.spec;
  // Automatic enrolment in SMS when the user has no other active device (SMS article).
  let device = spec.devices.find((d) => d.kind === 'sms');
  if (!device) {
    device = { id: 'sms', kind: 'sms' } satisfies DeviceSpec;
    spec.devices.push(device);
  }
  attempt.enrol.enrolled = true;
  world.journal.record({ type: 'enrolment.completed', loginId: attempt.id, username: spec.username, number: maskNumber(number) });
  return device;
}

/**
 * A wrong code while enrolling from the logged-in screen. (Where enrolment is required, a wrong code
 * is a wrong second-factor answer: the login server counts it toward failing the login.) The user is
 * logged in already, so the last allowed one ends the enrolment for this session, not the session.
 */
export function refuseOfferedCode(world: World, attempt: AttemptAt<'loggedIn'>, reason: FactorFailure): void {
  const username = attempt.account.spec.username;
  attempt.wrongAnswers++;
  world.journal.record({ type: 'code.rejected', loginId: attempt.id, username, reason, wrongAttempts: attempt.wrongAnswers });
  attempt.error = message('confirm_code_wrong');
  if (attempt.wrongAnswers >= world.scenario.timing.maxWrongCodes) {
    attempt.enrol = null;
    attempt.error = message('enrolment_stopped');
    attempt.notice = null;
    world.journal.record({ type: 'enrolment.stopped', loginId: attempt.id, username, reason: 'too_many_wrong_codes' });
  }
}
