// IB Key's challenge/response: the 6-digit challenge typed into the app's Authenticate, its 8-digit answer typed back.
import { message, type Message } from '../../api/messages.js';
import { ocraChallenge } from '../challenge.js';
import type { DeviceOf } from '../login-attempt.js';
import type { World } from '../world.js';
import { answerResponse, RESPONSE_JOURNAL, responsePending, responseView } from './challenge-response.js';
import type { Factor, WrongAnswerEnd } from './factor.js';

/** From the push: asked for ("Click here if you do not receive the notification"), or the push expired (its notice). */
export interface FromPush {
  device: DeviceOf<'ibkey'>;
  notice: Message | null;
}

/** One challenge/response login re-aligns the app with the servers (notifications article, step 9). */
function resync(world: World, username: string, device: DeviceOf<'ibkey'>): void {
  const phone = world.phones.get(device.phone);
  if (!phone?.status.appOutOfSync) return;
  phone.status.appOutOfSync = false;
  world.journal.record({ type: 'app.resynced', phoneId: phone.id, username });
  world.touchPhone(phone);
}

export const ibkeyChallenge: Factor<'challenge', FromPush, string, WrongAnswerEnd> = {
  step: 'challenge',
  journal: [...RESPONSE_JOURNAL, 'app.resynced'],
  start(world, attempt, { device, notice }) {
    const username = attempt.account.spec.username;
    // The server knows the key and the PIN the app binds into the response (Android: the app PIN set at activation).
    const { key, pin } = world.ibkeySecret(username, device);
    const challenge = ocraChallenge('ibkey', world.randomFor(attempt, 'ibkey-challenge').digits(6), key, pin);
    world.journal.record({ type: 'challenge.issued', loginId: attempt.id, device: 'ibkey' });
    return {
      entry: { step: 'challenge', device, challenge },
      notice: notice ?? message('challenge_ibkey', { app: world.scenario.branding.mobileApp }),
    };
  },
  answer(world, attempt, input) {
    const answer = answerResponse(world, attempt, input);
    if (answer.ok) resync(world, attempt.account.spec.username, attempt.device);
    return answer;
  },
  view: responseView,
  pending: responsePending,
};
