// The security code by SMS or voice callback: one code box per login and number, one resend clock,
// and the same check whichever channel carried the code. sms-code.ts and voice-code.ts are its channels.
import type { FactorFailure } from '../../api/events.js';
import type { AttemptAt, DeviceOf, LoginAttempt } from '../login-attempt.js';
import { message, type Message } from '../../api/messages.js';
import { OobCodeBox } from '../oob-code.js';
import { confirmationSms, securityCodeSms } from '../world-text.js';
import { maskNumber } from '../phone.js';
import { sendSms } from '../sms.js';
import { placeCall } from '../voice.js';
import type { World } from '../world.js';
import type { Factor, WrongAnswerEnd } from './factor.js';

export type Channel = 'sms' | 'voice';


export type CodeFactor = Factor<'securityCode', DeviceOf<'sms'>, string, WrongAnswerEnd> & {
  /** Sends a new code on this channel (the resend interval checked by the caller); returns the notice. */
  send(world: World, attempt: AttemptAt<'securityCode'>): Message;
};

/** A wrong code, whatever it answered (a security code, a required enrolment's Confirm Code): counted and journalled. */
export function rejectCode(world: World, attempt: LoginAttempt, reason: FactorFailure): void {
  attempt.wrongAnswers++;
  world.journal.record({ type: 'code.rejected', loginId: attempt.id, username: attempt.account.spec.username, reason, wrongAttempts: attempt.wrongAnswers });
}

/**
 * A Client Portal login whose only device is SMS to a number not verified yet (the `sms-not-verified`
 * user, who could otherwise reach neither the platform nor the portal where numbers are verified):
 * the number on record gets the Confirm Code instead of nothing, and that code, typed as the Security
 * Code, both logs in to the portal and verifies the number. It is this login's code under the security
 * code's rules (the login's own box: lifetime, single use, a new SMS only every resend interval, the
 * wrong answers counted as for any code); the portal's Settings verification keeps its own box, so
 * neither code answers the other. The trading platform keeps refusing to send to the number.
 */
export function confirmsNumber(attempt: LoginAttempt): boolean {
  const { mobile, devices } = attempt.account.spec;
  return attempt.surface === 'portal' && !!mobile && !mobile.verified && devices.length === 1 && devices[0]?.kind === 'sms';
}

function send(world: World, attempt: LoginAttempt, codes: OobCodeBox, channel: Channel): Message {
  const confirming = channel === 'sms' && confirmsNumber(attempt);
  const code = world.randomFor(attempt, confirming ? 'portal-login-confirm-code' : `${channel}-code`).digits(6);
  const issued = codes.issue(world.clock.now(), code, channel);
  const { number, verified } = attempt.account.spec.mobile ?? { number: '', verified: false };
  const { username, language } = attempt.account.spec;
  world.journal.record({ type: 'code.issued', loginId: attempt.id, username, channel, expiresAt: issued.expiresAt });
  if (channel === 'voice') {
    placeCall(world, number, code, attempt.id, language);
    return message('code_sent_voice', { number: maskNumber(number) });
  }
  if (confirming) {
    world.journal.record({ type: 'portal.verification_started', loginId: attempt.id, username, number: maskNumber(number) });
    // The Confirm Code is what verifies a number, so it goes to one that is not verified yet.
    sendSms(world, number, confirmationSms(world.scenario, language, code), attempt.id);
    return message('portal_login_confirm_code', { number: maskNumber(number) });
  }
  sendSms(world, number, securityCodeSms(world.scenario, language, code), attempt.id, verified);
  return message('code_sent_sms', { number: maskNumber(number) });
}

/** The Confirm Code of such a portal login accepted: the number on record is verified (SMS logins work from now on). */
function verifyNumberOnRecord(world: World, attempt: LoginAttempt): void {
  const { username, mobile } = attempt.account.spec;
  if (!mobile) return;
  attempt.account.spec.mobile = { number: mobile.number, verified: true };
  const number = maskNumber(mobile.number);
  world.journal.record({ type: 'portal.number_confirmed', loginId: attempt.id, username, number });
  world.journal.record({ type: 'portal.number_verified', loginId: attempt.id, username, number, autoEnrolAt: null });
}

export function codeFactor(channel: Channel): CodeFactor {
  const journal = channel === 'sms' ? (['sms.sent', 'sms.delivered', 'sms.suppressed', 'sms.held', 'sms.delayed', 'portal.verification_started', 'portal.number_confirmed', 'portal.number_verified'] as const) : (['call.placed', 'call.ringing', 'call.suppressed', 'call.answered', 'call.missed'] as const);
  return {
    step: 'securityCode',
    journal: ['code.issued', 'code.accepted', 'code.rejected', 'resend.refused', ...journal],
    start(world, attempt, device) {
      // The same login coming back to SMS (after "change device") keeps its codes and its resend clock.
      const number = attempt.account.spec.mobile?.number ?? '';
      let codes = attempt.codeBoxes.get(number);
      if (!codes) {
        const { codeLifetime, resendInterval, voiceWaitsForSms } = world.scenario.timing;
        codes = new OobCodeBox({ lifetimeMs: codeLifetime, resendIntervalMs: resendInterval, voiceWaitsForSms });
        attempt.codeBoxes.set(number, codes);
      }
      const entry = { step: 'securityCode', device, codes } as const;
      const wait = codes.retryAfter(world.clock.now(), channel);
      if (wait > 0) {
        world.journal.record({ type: 'resend.refused', loginId: attempt.id, retryAfterMs: wait });
        return { entry, notice: message('code_sent_before', { number: maskNumber(number), waitMs: wait }) };
      }
      return { entry, notice: send(world, attempt, codes, channel) };
    },
    send: (world, attempt) => send(world, attempt, attempt.codes, channel),
    answer(world, attempt, input) {
      const result = attempt.codes.verify(world.clock.now(), input);
      if (result.ok) {
        world.journal.record({ type: 'code.accepted', loginId: attempt.id, username: attempt.account.spec.username });
        const by = attempt.codes.current?.channel ?? channel;
        // Only the SMS proves the number takes texts: a code read out by the voice callback logs in, and verifies nothing.
        if (by === 'sms' && confirmsNumber(attempt)) verifyNumberOnRecord(world, attempt);
        return { ok: true, by };
      }
      rejectCode(world, attempt, result.reason);
      return { ok: false, refusal: 'too_many_wrong_codes' };
    },
    view: (attempt) => ({ resendAvailableAt: attempt.codes.nextSendAt('sms'), voiceAvailableAt: attempt.codes.nextSendAt('voice'), resendChannels: { sms: true, voice: true }, challenge: null, cardIndexes: null }),
    pending(attempt) {
      const code = attempt.codes.current;
      return code && !code.used ? [{ kind: 'code', code: code.value, challenge: null, cardIndexes: null, expectedResponse: null, expiresAt: code.expiresAt }] : [];
    },
  };
}
