// How each challenge/response factor starts: IB Key's challenge, the DSC+ challenge, the card's indexes.
import { SimError } from '../api/dispatch.js';
import { cardChallenge, ocraChallenge } from './challenge.js';
import { CARD_SIZE } from './code-card.js';
import type { LoginAttempt } from './login.js';
import { ibKeyDeviceKey, iosAppSecret } from './mobile-app.js';
import type { DeviceSpec } from './scenario/schema.js';
import type { World } from './world.js';

type Dsc = Extract<DeviceSpec, { kind: 'dscplus' }>;
type Card = Extract<DeviceSpec, { kind: 'codecard' }>;

export function issueIbKeyChallenge(world: World, attempt: LoginAttempt, notice: string | null): void {
  const device = attempt.device;
  if (device?.kind !== 'ibkey') throw new SimError('wrong_state', 'Challenge/response needs an IB Key device');
  const phone = world.phones.get(device.phone)!;
  const key = ibKeyDeviceKey(world.scenario.seed, attempt.account.spec.username, device.id);
  // The server knows the PIN the app binds into the response (Android: the app PIN set at activation).
  const pin = phone.spec.platform === 'android' ? phone.spec.pin! : iosAppSecret(world.scenario.seed, phone.id);
  attempt.step = 'challenge';
  attempt.challenge = ocraChallenge('ibkey', world.random.digits(6), key, pin);
  attempt.notice = notice ?? `Open ${world.scenario.branding.mobileApp}, tap Authenticate, enter the challenge and type the Response String below.`;
  attempt.error = null;
  world.journal.record({ type: 'challenge.issued', loginId: attempt.id, device: 'ibkey' });
  world.touchLogin(attempt);
}

export function startDscPlus(world: World, attempt: LoginAttempt, device: Dsc): void {
  const fob = world.fobs.get(device.serial)!;
  attempt.step = 'dscplus';
  attempt.challenge = ocraChallenge('dscplus', world.random.digits(6), fob.key, device.pin);
  attempt.notice = 'Press the button on your Digital Security Card+ until PIN> appears, enter your PIN, then the challenge below.';
  world.journal.record({ type: 'challenge.issued', loginId: attempt.id, device: 'dscplus' });
}

export function startCodeCard(world: World, attempt: LoginAttempt, device: Card): void {
  const card = world.cards.get(device.serial)!;
  const first = 1 + world.random.int(CARD_SIZE);
  let second = 1 + world.random.int(CARD_SIZE - 1);
  if (second >= first) second++; // two different indexes
  attempt.step = 'codecard';
  attempt.challenge = cardChallenge([first, second], [card.value(first), card.value(second)]);
  attempt.notice = 'Enter the values printed beside these index numbers on your Security Code Card, without spaces.';
  world.journal.record({ type: 'challenge.issued', loginId: attempt.id, device: 'codecard' });
}

/** One challenge/response login re-aligns the app with the servers (notifications article, step 9). */
export function resync(world: World, attempt: LoginAttempt): void {
  const device = attempt.device;
  if (device?.kind !== 'ibkey') return;
  const phone = world.phones.get(device.phone);
  if (!phone?.status.appOutOfSync) return;
  phone.status.appOutOfSync = false;
  world.journal.record({ type: 'app.resynced', phoneId: phone.id, username: attempt.account.spec.username });
  world.touchPhone(phone);
}
