// The voice callback: the phone rings after a delay; answering reads the code out.
import { callDecision } from './delivery.js';
import type { World } from './world.js';
import { voiceScript } from './world-text.js';
import type { Locale } from '../api/vocabulary.js';

/** How long the phone rings before the call counts as missed. */
export const RING_MS = 30_000;

export function placeCall(world: World, to: string, code: string, loginId: string, language: Locale): string {
  const callId = world.nextId('call-');
  // The account holder's language, not the windows': a French client's call speaks French.
  const script = voiceScript(world.scenario, language, code);
  world.journal.record({ type: 'call.placed', callId, to, loginId });
  world.clock.after(world.scenario.timing.voiceDelay, () => {
    const phone = world.phoneByNumber(to);
    const decision = callDecision(phone);
    if (decision.outcome !== 'deliver' || !phone) {
      world.journal.record({ type: 'call.suppressed', callId, to, reason: decision.outcome === 'deliver' ? 'no_phone_for_number' : decision.reason });
      return;
    }
    phone.ring(callId, world.scenario.branding.company, script, world.clock.now());
    world.touchPhone(phone);
    world.journal.record({ type: 'call.ringing', callId, phoneId: phone.id });
    world.clock.after(RING_MS, () => {
      if (phone.miss(callId, world.clock.now())) {
        world.touchPhone(phone);
        world.journal.record({ type: 'call.missed', callId, phoneId: phone.id });
      }
    });
  });
  return callId;
}
