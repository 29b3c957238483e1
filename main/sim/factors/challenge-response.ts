// What IB Key's challenge, the DSC+ and the Security Code Card share: one expected response, checked once.
import { checkResponse } from '../challenge.js';
import type { AttemptAt } from '../login-attempt.js';
import type { World } from '../world.js';
import type { Answer, FactorViewFields, PendingEntry, WrongAnswerEnd } from './factor.js';

export type ChallengeStep = 'challenge' | 'dscplus' | 'codecard';

export const RESPONSE_JOURNAL = ['challenge.issued', 'response.accepted', 'response.rejected'] as const;

export function answerResponse(world: World, attempt: AttemptAt<ChallengeStep>, input: string): Answer<WrongAnswerEnd> {
  const loginId = attempt.id;
  const username = attempt.account.spec.username;
  const outcome = checkResponse(attempt.challenge, input);
  if (outcome === 'ok') {
    world.journal.record({ type: 'response.accepted', loginId, username });
    return { ok: true, by: attempt.challenge.device };
  }
  attempt.wrongAnswers++;
  world.journal.record({ type: 'response.rejected', loginId, username, reason: outcome === 'malformed' ? 'malformed' : 'wrong', wrongAttempts: attempt.wrongAnswers });
  return { ok: false, refusal: 'too_many_wrong_responses' };
}

export function responseView(attempt: AttemptAt<ChallengeStep>): FactorViewFields {
  const { challenge, cardIndexes } = attempt.challenge;
  return { resendAvailableAt: null, voiceAvailableAt: null, resendChannels: { sms: false, voice: false }, challenge, cardIndexes };
}

export function responsePending(attempt: AttemptAt<ChallengeStep>): PendingEntry[] {
  const c = attempt.challenge;
  if (c.used) return [];
  return [{ kind: c.device === 'codecard' ? 'card' : 'challenge', code: null, challenge: c.challenge, cardIndexes: c.cardIndexes, expectedResponse: c.expected, expiresAt: null }];
}
