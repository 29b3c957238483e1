// The Client Portal's settings ("How to enable and use SMS as Two-Factor Authentication method", the
// notifications article's step 1, "Regulations Mandating Two-Factor Protection"), for a portal login
// that is logged in: Settings → User Settings → the gear beside "Mobile Number" → VERIFY → the Confirm
// Code by SMS into "Confirmation Number" → CONTINUE → the green check under "SMS Verified" → CONTINUE;
// Secure Login System → Secure Login Settings → Seamless Authentication; opting out of the SLS.
// The Confirm Code follows the security code's rules (an OobCodeBox: lifetime, single use, a new SMS
// only every resend interval), and its resend clock is the user's, whichever login or number asks.
// These functions change the world and the attempt's messages, never its step (the login server's).
import type { DeviceChoice, PortalView } from '../api/views.js';
import { message } from '../api/messages.js';
import { SimError } from '../api/errors.js';
import type { Account } from './directory.js';
import type { AttemptAt } from './login-attempt.js';
import { OobCodeBox } from './oob-code.js';
import { maskNumber } from './phone.js';
import { optOutAllowed, optOutRefusal } from './regulation.js';
import type { DeviceSpec } from './scenario/schema.js';
import { sendSms } from './sms.js';
import type { MobileVerification, World } from './world.js';
import { confirmationSms } from './world-text.js';

/** A logged-in login of the Client Portal: the only one its settings accept. */
export type PortalSession = AttemptAt<'loggedIn'>;

/**
 * The user's SLS devices that work now: IB Key only on a phone whose app still holds it, SMS only to
 * a verified number; a physical device always.
 */
export function activeDevices(world: World, account: Account): DeviceSpec[] {
  const { username, mobile } = account.spec;
  return account.spec.devices.filter((d) => {
    if (d.kind === 'ibkey') return world.phones.get(d.phone)?.app.ibkey?.username === username;
    if (d.kind === 'sms') return mobile?.verified === true;
    return true;
  });
}

function inProgress(world: World, username: string): MobileVerification | null {
  const v = world.mobileVerifications.get(username);
  return v && !v.done ? v : null;
}

/** VERIFY: a Confirm Code by SMS to the number, unless one went out less than the resend interval ago. */
export function verifyMobileNumber(world: World, attempt: PortalSession, number: string): void {
  const { clock, journal, scenario } = world;
  const { username, language } = attempt.account.spec;
  const now = clock.now();
  const before = world.mobileVerifications.get(username);
  const wait = before?.codes.retryAfter(now, 'sms') ?? 0;
  if (wait > 0) {
    journal.record({ type: 'resend.refused', loginId: attempt.id, retryAfterMs: wait });
    attempt.error = message('resend_wait', { waitMs: wait });
    return;
  }
  const { timing } = scenario;
  const codes = before?.codes ?? new OobCodeBox({ lifetimeMs: timing.codeLifetime, resendIntervalMs: timing.resendInterval });
  const code = world.randomFor(attempt, 'portal-confirmation-code').digits(6);
  const issued = codes.issue(now, code, 'sms');
  world.mobileVerifications.set(username, { number, codes, wrong: 0, stopped: false, confirmed: false, done: false });
  journal.record({ type: 'portal.verification_started', loginId: attempt.id, username, number: maskNumber(number) });
  journal.record({ type: 'code.issued', loginId: attempt.id, username, channel: 'sms', expiresAt: issued.expiresAt });
  // The Confirm Code is what verifies a number, so it goes to one that is not verified yet.
  sendSms(world, number, confirmationSms(scenario, language, code), attempt.id);
  attempt.error = null;
  attempt.notice = message('portal_code_sent', { number: maskNumber(number) });
}

/** The Confirmation Number, then CONTINUE: the green check under "SMS Verified", or why not. */
export function confirmMobileNumber(world: World, attempt: PortalSession, code: string): void {
  const { journal, clock, scenario } = world;
  const username = attempt.account.spec.username;
  const v = inProgress(world, username);
  if (!v) throw new SimError('wrong_state', 'Press VERIFY beside the mobile number first');
  if (v.confirmed) {
    attempt.error = null;
    attempt.notice = message('portal_number_confirmed', { number: maskNumber(v.number) });
    return;
  }
  if (v.stopped) {
    attempt.error = message('portal_code_stopped');
    return;
  }
  const result = v.codes.verify(clock.now(), code);
  if (!result.ok) {
    v.wrong++;
    journal.record({ type: 'code.rejected', loginId: attempt.id, username, reason: result.reason, wrongAttempts: v.wrong });
    attempt.notice = null;
    if (v.wrong >= scenario.timing.maxWrongCodes) {
      v.stopped = true;
      attempt.error = message('portal_code_stopped');
    } else attempt.error = message('portal_code_refused', { reason: result.reason });
    return;
  }
  v.confirmed = true;
  journal.record({ type: 'code.accepted', loginId: attempt.id, username });
  journal.record({ type: 'portal.number_confirmed', loginId: attempt.id, username, number: maskNumber(v.number) });
  attempt.error = null;
  attempt.notice = message('portal_number_confirmed', { number: maskNumber(v.number) });
}

/** Whether verifying a number enrols the user in SMS: no SMS device, and no other active SLS device. */
function needsSmsEnrolment(world: World, account: Account): boolean {
  return !account.spec.devices.some((d) => d.kind === 'sms') && activeDevices(world, account).length === 0;
}

/** CONTINUE again: the number is on record, verified; a user with no active SLS device is enrolled in SMS shortly afterwards. */
export function finishMobileVerification(world: World, attempt: PortalSession): void {
  const { clock, journal, scenario } = world;
  const account = attempt.account;
  const { username } = account.spec;
  const v = inProgress(world, username);
  if (!v?.confirmed) throw new SimError('wrong_state', 'Enter the Confirm Code in "Confirmation Number" and press CONTINUE first');
  v.done = true;
  account.spec.mobile = { number: v.number, verified: true };
  const autoEnrol = needsSmsEnrolment(world, account);
  const autoEnrolAt = autoEnrol ? clock.now() + scenario.timing.autoEnrolDelay : null;
  journal.record({ type: 'portal.number_verified', loginId: attempt.id, username, number: maskNumber(v.number), autoEnrolAt });
  if (autoEnrolAt !== null) {
    world.autoEnrolments.set(username, autoEnrolAt);
    clock.at(autoEnrolAt, () => enrolInSms(world, account));
  }
  attempt.error = null;
  attempt.notice = message('portal_number_verified', { number: maskNumber(v.number), autoEnrol });
}

/** "Shortly afterwards": SMS becomes the second factor of a user who still has no active SLS device. */
function enrolInSms(world: World, account: Account): void {
  const { username, mobile } = account.spec;
  world.autoEnrolments.delete(username);
  if (!mobile?.verified || !needsSmsEnrolment(world, account)) return;
  account.spec.devices.push({ id: 'sms', kind: 'sms' });
  world.journal.record({ type: 'portal.sms_enrolled', username, number: maskNumber(mobile.number) });
  // Every window showing this user's logins (the portal's device list) hears of it.
  for (const attempt of world.logins.values()) if (attempt.account === account) world.touchLogin(attempt);
}

/** Secure Login Settings → the wheel (Configure) → Seamless Authentication → Save. */
export function saveSeamless(world: World, attempt: PortalSession, enabled: boolean): void {
  const { username } = attempt.account.spec;
  world.setSeamless(username, enabled);
  world.journal.record({ type: 'user.seamless', username, enabled });
  attempt.error = null;
  attempt.notice = message('portal_seamless_saved', { enabled });
}

/** Opting out of the Secure Login System: refused where a regulator mandates two-factor protection, with its rule. */
export function optOutOfSls(world: World, attempt: PortalSession): void {
  const { username, region } = attempt.account.spec;
  const refusal = optOutRefusal(region);
  world.journal.record({ type: 'portal.opt_out', loginId: attempt.id, username, region, outcome: refusal ? 'refused' : 'opted_out' });
  if (refusal) {
    attempt.error = refusal;
    attempt.notice = null;
    return;
  }
  world.slsOptOuts.add(username);
  attempt.error = null;
  attempt.notice = message('opted_out');
}

/** What the logged-in portal shows: the number on record, the verification in progress, the SLS settings. */
export function portalView(world: World, attempt: PortalSession, describe: (device: DeviceSpec) => DeviceChoice): PortalView {
  const { account } = attempt;
  const { username, mobile, region } = account.spec;
  const v = inProgress(world, username);
  return {
    mobile: { number: mobile?.number ?? null, verified: mobile?.verified ?? false },
    verification: v
      ? {
          number: v.number,
          codeSent: v.codes.current !== null && !v.codes.current.used && !v.stopped,
          confirmed: v.confirmed,
          resendAvailableAt: v.codes.nextSendAt('sms'),
          phoneId: world.phoneByNumber(v.number)?.id ?? null,
        }
      : null,
    smsEnrolmentAt: world.autoEnrolments.get(username) ?? null,
    seamless: world.seamless(username),
    devices: world.slsOptOuts.has(username) ? [] : activeDevices(world, account).map(describe),
    optOut: { allowed: optOutAllowed(region), regulation: optOutRefusal(region), optedOut: world.slsOptOuts.has(username) },
  };
}
