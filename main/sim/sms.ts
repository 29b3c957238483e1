// Sending an SMS: the carrier's delay, then the delivery decision at the moment it would arrive.
import { smsDecision } from './delivery.js';
import type { World } from './world.js';

export function sendSms(world: World, to: string, text: string, loginId: string | null): string {
  const messageId = world.nextId('sms-');
  world.journal.record({ type: 'sms.sent', messageId, to, loginId });
  world.clock.after(world.scenario.timing.smsDelay, () => {
    const phone = world.phoneByNumber(to);
    const decision = smsDecision(phone);
    if (!decision.deliver || !phone) {
      world.journal.record({ type: 'sms.suppressed', messageId, to, reason: decision.deliver ? 'no_phone_for_number' : decision.reason });
      return;
    }
    phone.receiveSms(world.scenario.branding.smsSender, text, world.clock.now());
    world.touchPhone(phone);
    world.journal.record({ type: 'sms.delivered', messageId, phoneId: phone.id });
  });
  return messageId;
}
