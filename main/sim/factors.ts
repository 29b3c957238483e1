// How each challenge/response factor starts: IB Key's challenge, the DSC+ challenge, the card's indexes.
// Each returns the challenge; the login server enters the step that shows it.
import { cardChallenge, ocraChallenge, type ChallengeFactor } from './challenge.js';
import { CARD_SIZE } from './code-card.js';
import type { DeviceOf } from './login-attempt.js';
import type { Account } from './directory.js';
import { ibKeyDeviceKey, iosAppSecret } from './mobile-app.js';
import type { World } from './world.js';

export function issueIbKeyChallenge(world: World, loginId: string, account: Account, device: DeviceOf<'ibkey'>): ChallengeFactor {
  const phone = world.phones.get(device.phone)!;
  const key = ibKeyDeviceKey(world.scenario.seed, account.spec.username, device.id);
  // The server knows the PIN the app binds into the response (Android: the app PIN set at activation).
  const pin = phone.spec.platform === 'android' ? phone.spec.pin! : iosAppSecret(world.scenario.seed, phone.id);
  const challenge = ocraChallenge('ibkey', world.random.digits(6), key, pin);
  world.journal.record({ type: 'challenge.issued', loginId, device: 'ibkey' });
  return challenge;
}

export function startDscPlus(world: World, loginId: string, device: DeviceOf<'dscplus'>): ChallengeFactor {
  const fob = world.fobs.get(device.serial)!;
  const challenge = ocraChallenge('dscplus', world.random.digits(6), fob.key, device.pin);
  world.journal.record({ type: 'challenge.issued', loginId, device: 'dscplus' });
  return challenge;
}

export function startCodeCard(world: World, loginId: string, device: DeviceOf<'codecard'>): ChallengeFactor {
  const card = world.cards.get(device.serial)!;
  const first = 1 + world.random.int(CARD_SIZE);
  let second = 1 + world.random.int(CARD_SIZE - 1);
  if (second >= first) second++; // two different indexes
  const challenge = cardChallenge([first, second], [card.value(first), card.value(second)]);
  world.journal.record({ type: 'challenge.issued', loginId, device: 'codecard' });
  return challenge;
}

/** One challenge/response login re-aligns the app with the servers (notifications article, step 9). */
export function resync(world: World, username: string, device: DeviceOf<'ibkey'>): void {
  const phone = world.phones.get(device.phone);
  if (!phone?.status.appOutOfSync) return;
  phone.status.appOutOfSync = false;
  world.journal.record({ type: 'app.resynced', phoneId: phone.id, username });
  world.touchPhone(phone);
}
