// Sending an SMS: the carrier's delay, then the delivery decision at the moment it would arrive.
import { deriveRandom } from './random.js';
import { smsDecision } from './delivery.js';
import type { World } from './world.js';

export function sendSms(world: World, to: string, text: string, loginId: string | null, verified = true): string {
  const messageId = world.nextId('sms-');
  if (!verified) {
    // No SMS goes to a number that was never confirmed (SMS enrolment article).
    world.journal.record({ type: 'sms.suppressed', messageId, to, reason: 'number_not_verified' });
    return messageId;
  }
  world.journal.record({ type: 'sms.sent', messageId, to, loginId });
  const target = world.phoneByNumber(to);
  const extra = target?.status.smsDelayMs ?? 0;
  if (extra > 0) world.journal.record({ type: 'sms.delayed', messageId, to, reason: 'carrier_delay', byMs: extra });
  world.clock.after(world.scenario.timing.smsDelay + extra, () => {
    const phone = world.phoneByNumber(to);
    const tryDeliver = (first: boolean): boolean => {
      // Roaming's losses are a coin per message: from the seed and the message, so every take loses the same ones.
      const decision = smsDecision(phone, deriveRandom(world.scenario.seed, 'roaming-coin', messageId));
      if (decision.outcome === 'lose' || !phone) {
        world.journal.record({ type: 'sms.suppressed', messageId, to, reason: decision.outcome === 'lose' ? decision.reason : 'no_phone_for_number' });
        return true;
      }
      if (decision.outcome === 'hold') {
        if (first) world.journal.record({ type: 'sms.held', messageId, phoneId: phone.id, reason: decision.reason });
        return false;
      }
      phone.receiveSms(world.scenario.branding.smsSender, text, world.clock.now());
      world.touchPhone(phone);
      world.journal.record({ type: 'sms.delivered', messageId, phoneId: phone.id });
      return true;
    };
    if (!tryDeliver(true) && phone) phone.hold(() => tryDeliver(false));
  });
  return messageId;
}
