// The security code by SMS or voice callback: one code box per login and number, one resend clock,
// and the same check whichever channel carried the code. sms-code.ts and voice-code.ts are its channels.
import type { FactorFailure } from '../../api/events.js';
import type { AttemptAt, DeviceOf, LoginAttempt } from '../login-attempt.js';
import { message, type Message } from '../../api/messages.js';
import { OobCodeBox } from '../oob-code.js';
import { securityCodeSms } from '../world-text.js';
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

function send(world: World, attempt: LoginAttempt, codes: OobCodeBox, channel: Channel): Message {
  const code = world.randomFor(attempt, `${channel}-code`).digits(6);
  const issued = codes.issue(world.clock.now(), code, channel);
  const { number, verified } = attempt.account.spec.mobile ?? { number: '', verified: false };
  const username = attempt.account.spec.username;
  world.journal.record({ type: 'code.issued', loginId: attempt.id, username, channel, expiresAt: issued.expiresAt });
  if (channel === 'voice') {
    placeCall(world, number, code, attempt.id, attempt.account.spec.language);
    return message('code_sent_voice', { number: maskNumber(number) });
  }
  sendSms(world, number, securityCodeSms(world.scenario, attempt.account.spec.language, code), attempt.id, verified);
  return message('code_sent_sms', { number: maskNumber(number) });
}

export function codeFactor(channel: Channel): CodeFactor {
  const journal = channel === 'sms' ? (['sms.sent', 'sms.delivered', 'sms.suppressed', 'sms.held', 'sms.delayed'] as const) : (['call.placed', 'call.ringing', 'call.suppressed', 'call.answered', 'call.missed'] as const);
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
        return { ok: true, by: attempt.codes.current?.channel ?? channel };
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
