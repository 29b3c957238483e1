// The temporary passcode as a factor: asked for instead of a lost device, checked exactly as
// issued (passcode.ts says what one is and how long it works).
import { message } from '../../api/messages.js';
import { sameSecret } from '../oob-code.js';
import type { TemporaryPasscode } from '../login-attempt.js';
import { TEMPORARY_PASSCODE_VALIDITY } from '../passcode.js';
import type { Factor, WrongAnswerEnd } from './factor.js';

export const temporaryPasscode: Factor<'temporaryPasscode', TemporaryPasscode, string, WrongAnswerEnd> = {
  step: 'temporaryPasscode',
  journal: ['passcode.asked', 'passcode.accepted', 'passcode.rejected'],
  start(world, attempt, passcode) {
    const validForMs = TEMPORARY_PASSCODE_VALIDITY.tradingPlatform;
    world.journal.record({ type: 'passcode.asked', loginId: attempt.id, username: attempt.account.spec.username, expiresAt: passcode.issuedAt + validForMs });
    return { entry: { step: 'temporaryPasscode', passcode }, notice: message('temporary_passcode', { validForMs }) };
  },
  answer(world, attempt, input) {
    const loginId = attempt.id;
    const username = attempt.account.spec.username;
    const { code, issuedAt } = attempt.passcode;
    // Exactly as issued: no upper-casing on the server's side (the article asks the user to type it so).
    const right = sameSecret(code, input.trim());
    const expired = world.clock.now() >= issuedAt + TEMPORARY_PASSCODE_VALIDITY.tradingPlatform;
    if (right && !expired) {
      world.journal.record({ type: 'passcode.accepted', loginId, username });
      return { ok: true, by: 'temporaryPasscode' };
    }
    attempt.wrongAnswers++;
    world.journal.record({ type: 'passcode.rejected', loginId, username, reason: right ? 'expired' : 'wrong', wrongAttempts: attempt.wrongAnswers });
    return { ok: false, refusal: 'too_many_wrong_codes' };
  },
  view: () => ({ resendAvailableAt: null, voiceAvailableAt: null, resendChannels: { sms: false, voice: false }, challenge: null, cardIndexes: null }),
  pending: (attempt) => [
    {
      kind: 'passcode',
      code: attempt.passcode.code,
      challenge: null,
      cardIndexes: null,
      expectedResponse: attempt.passcode.code,
      expiresAt: attempt.passcode.issuedAt + TEMPORARY_PASSCODE_VALIDITY.tradingPlatform,
    },
  ],
};
