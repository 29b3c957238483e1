// Enrolment in SMS authentication for a user with no security device ("How to enable and use SMS as
// Two-Factor Authentication method"): Mobile Number → VERIFY → the Confirm Code by SMS → CONTINUE →
// SMS Verified, and, the user having no other device, automatic enrolment in SMS. Required where a
// regulator allows no opting out (regulation.ts), offered on the logged-in screen everywhere else.
// The confirmation code follows the security code's rules: the login's own OobCodeBox.
import type { FactorFailure } from '../api/events.js';
import type { LoginAttempt } from './login.js';
import { formatWait } from './login-view.js';
import { OobCodeBox } from './oob-code.js';
import { maskNumber } from './phone.js';
import { regulationFor } from './regulation.js';
import type { DeviceSpec } from './scenario/schema.js';
import { sendSms } from './sms.js';
import type { World } from './world.js';

export interface Enrolment {
  /** The login waits for it (Hong Kong, India); otherwise it is offered after the login. */
  required: boolean;
  /** The number the latest confirmation code went to, as typed. */
  number: string | null;
  verified: boolean;
}

export const WRONG_CONFIRM_CODE = 'The Confirm Code is not valid. Check the newest text message and try again.';
export const ENROLMENT_STOPPED = 'Too many invalid codes: enrolment stopped. Log in again to enroll.';

/** Hong Kong and India: the password was right, but the login goes no further until a number is verified. */
export function requireEnrolment(world: World, attempt: LoginAttempt): void {
  const { region, username } = attempt.account.spec;
  attempt.enrol = { required: true, number: null, verified: false };
  attempt.step = 'enrolRequired';
  attempt.notice = regulationFor(region);
  world.journal.record({ type: 'enrolment.required', loginId: attempt.id, username, region });
}

/** Everyone else with no device is logged in, and told so. */
export function offerEnrolment(world: World, attempt: LoginAttempt): void {
  attempt.enrol = { required: false, number: null, verified: false };
  attempt.notice = `Your account is not protected by the Secure Login System. Enroll your mobile number in SMS authentication, or activate IB Key in ${world.scenario.branding.mobileApp}.`;
}

/** VERIFY and CONTINUE are available: enrolment required or offered, and not done yet. */
export function canEnrol(attempt: LoginAttempt): boolean {
  if (!attempt.enrol || attempt.enrol.verified) return false;
  return attempt.step === (attempt.enrol.required ? 'enrolRequired' : 'loggedIn');
}

/** VERIFY: a confirmation code by SMS to the number typed; a new one at most every resend interval. */
export function sendConfirmationCode(world: World, attempt: LoginAttempt, number: string): void {
  const { clock, journal, random, scenario } = world;
  const now = clock.now();
  const wait = attempt.codes?.retryAfter(now) ?? 0;
  if (wait > 0) {
    journal.record({ type: 'resend.refused', loginId: attempt.id, retryAfterMs: wait });
    attempt.error = `A new code can be requested in ${formatWait(wait)}`;
    return;
  }
  const { timing, branding } = scenario;
  attempt.codes ??= new OobCodeBox({ lifetimeMs: timing.codeLifetime, resendIntervalMs: timing.resendInterval });
  const code = random.digits(6);
  const issued = attempt.codes.issue(now, code, 'sms');
  attempt.enrol!.number = number;
  attempt.error = null;
  const username = attempt.account.spec.username;
  journal.record({ type: 'enrolment.started', loginId: attempt.id, username, number: maskNumber(number) });
  journal.record({ type: 'code.issued', loginId: attempt.id, username, channel: 'sms', expiresAt: issued.expiresAt });
  const minutes = Math.round(timing.codeLifetime / 60_000);
  // The confirmation code is what verifies a number, so it goes to one that is not verified yet.
  sendSms(world, number, `${branding.company}: Your confirmation code is ${code}. Enter it to verify your mobile number. It expires in ${minutes} minutes.`, attempt.id);
  attempt.notice = `A confirmation code has been sent to ${maskNumber(number)}.`;
}

/** Said once the number is verified; the window shows it under "SMS Verified" (view.enrolment.verified). */
export function verifiedNotice(attempt: LoginAttempt): string {
  return `Text messages to ${maskNumber(attempt.enrol!.number!)} are now your second factor.`;
}

/** CONTINUE with the right code: the number is verified and SMS becomes the user's second factor. */
export function completeEnrolment(world: World, attempt: LoginAttempt): void {
  const enrol = attempt.enrol!;
  const spec = attempt.account.spec;
  const number = enrol.number!;
  spec.mobile = { number, verified: true };
  // Automatic enrolment in SMS when the user has no other active device (SMS article).
  let device = spec.devices.find((d) => d.kind === 'sms');
  if (!device) {
    device = { id: 'sms', kind: 'sms' } satisfies DeviceSpec;
    spec.devices.push(device);
  }
  attempt.device = device;
  attempt.codes = null;
  enrol.verified = true;
  world.journal.record({ type: 'code.accepted', loginId: attempt.id, username: spec.username });
  world.journal.record({ type: 'enrolment.completed', loginId: attempt.id, username: spec.username, number: maskNumber(number) });
}

/**
 * A wrong code while enrolling from the logged-in screen. (Where enrolment is required, a wrong code
 * is a wrong second-factor answer: the login server counts it toward failing the login.) The user is
 * logged in already, so the last allowed one ends the enrolment for this session, not the session.
 */
export function refuseOfferedCode(world: World, attempt: LoginAttempt, reason: FactorFailure): void {
  const username = attempt.account.spec.username;
  attempt.wrongAnswers++;
  world.journal.record({ type: 'code.rejected', loginId: attempt.id, username, reason, wrongAttempts: attempt.wrongAnswers });
  attempt.error = WRONG_CONFIRM_CODE;
  if (attempt.wrongAnswers >= world.scenario.timing.maxWrongCodes) {
    attempt.codes = null;
    attempt.enrol = null;
    attempt.error = ENROLMENT_STOPPED;
    attempt.notice = null;
    world.journal.record({ type: 'enrolment.stopped', loginId: attempt.id, username, reason: 'too_many_wrong_codes' });
  }
}
