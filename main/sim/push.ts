// IB Key's push notification: sent to the phone holding the user's IB Key, if it can get there.
import type { Account } from './directory.js';
import { pushDecision } from './delivery.js';
import type { World } from './world.js';

/** Push services take about a second to reach a connected phone. */
export const PUSH_LATENCY_MS = 1_000;

export function sendPush(world: World, account: Account, phoneId: string, loginId: string, expiresAt: number): void {
  world.journal.record({ type: 'push.sent', loginId, phoneId, expiresAt });
  world.clock.after(PUSH_LATENCY_MS, () => {
    const phone = world.phones.get(phoneId);
    const attempt = world.logins.get(loginId);
    if (!phone || !attempt || attempt.step !== 'push') return; // answered another way meanwhile
    const decision = pushDecision(phone, account.spec.username, account.spec.seamless);
    if (!decision.deliver) {
      world.journal.record({ type: 'push.suppressed', loginId, phoneId, reason: decision.reason });
      return;
    }
    const { mobileApp, product } = world.scenario.branding;
    const n = phone.receivePush(mobileApp, 'Login request', `Tap to approve your login to ${product}.`, world.clock.now(), loginId);
    world.touchPhone(phone);
    world.journal.record({ type: 'push.delivered', loginId, phoneId, silenced: n.silenced });
  });
}
