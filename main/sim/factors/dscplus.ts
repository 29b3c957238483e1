// The Digital Security Card+: a 6-digit challenge typed into the fob after its PIN, its 8-digit response typed back.
import { message } from '../../api/messages.js';
import { ocraChallenge } from '../challenge.js';
import type { DeviceOf } from '../login-attempt.js';
import { answerResponse, RESPONSE_JOURNAL, responsePending, responseView } from './challenge-response.js';
import type { Factor, WrongAnswerEnd } from './factor.js';

export const dscplus: Factor<'dscplus', DeviceOf<'dscplus'>, string, WrongAnswerEnd> = {
  step: 'dscplus',
  journal: RESPONSE_JOURNAL,
  start(world, attempt, device) {
    const fob = world.fobs.get(device.serial);
    if (!fob) throw new Error(`No fob ${device.serial}: the scenario loader pairs every DSC+ device with one`);
    const challenge = ocraChallenge('dscplus', world.randomFor(attempt, 'dscplus-challenge').digits(6), fob.key, device.pin);
    world.journal.record({ type: 'challenge.issued', loginId: attempt.id, device: 'dscplus' });
    return {
      entry: { step: 'dscplus', device, challenge },
      notice: message('challenge_dscplus'),
    };
  },
  answer: answerResponse,
  view: responseView,
  pending: responsePending,
};
