// The Security Code Card: two index numbers shown, the values printed beside them typed back.
import { message } from '../../api/messages.js';
import { cardChallenge } from '../challenge.js';
import { CARD_SIZE } from '../code-card.js';
import type { DeviceOf } from '../login-attempt.js';
import { answerResponse, RESPONSE_JOURNAL, responsePending, responseView } from './challenge-response.js';
import type { Factor, WrongAnswerEnd } from './factor.js';

export const codeCard: Factor<'codecard', DeviceOf<'codecard'>, string, WrongAnswerEnd> = {
  step: 'codecard',
  journal: RESPONSE_JOURNAL,
  start(world, attempt, device) {
    const card = world.cards.get(device.serial);
    if (!card) throw new Error(`No card ${device.serial}: the scenario loader prints one for every code card device`);
    const random = world.randomFor(attempt, 'card-indexes');
    const first = 1 + random.int(CARD_SIZE);
    let second = 1 + random.int(CARD_SIZE - 1);
    if (second >= first) second++; // two different indexes
    const challenge = cardChallenge([first, second], [card.value(first), card.value(second)]);
    world.journal.record({ type: 'challenge.issued', loginId: attempt.id, device: 'codecard' });
    return {
      entry: { step: 'codecard', device, challenge },
      notice: message('challenge_codecard'),
    };
  },
  answer: answerResponse,
  view: responseView,
  pending: responsePending,
};
