// IB Key's push notification: sent to the phone holding the user's IB Key, if it can get there.
import type { Account } from './directory.js';
import { pushDecision } from './delivery.js';
import type { World } from './world.js';
import { pushNotification } from './world-text.js';

/** Push services take about a second to reach a connected phone. */
export const PUSH_LATENCY_MS = 1_000;

export function sendPush(world: World, account: Account, phoneId: string, loginId: string, expiresAt: number): void {
  const username = account.spec.username;
  if (!world.seamless(username)) {
    // The server does not even try: the Client Portal switch is off (article step 1).
    world.journal.record({ type: 'push.suppressed', loginId, phoneId, reason: 'seamless_disabled' });
    return;
  }
  world.journal.record({ type: 'push.sent', loginId, phoneId, expiresAt });
  world.clock.after(PUSH_LATENCY_MS, () => {
    const phone = world.phones.get(phoneId);
    if (!phone) return;
    const tryDeliver = (first: boolean): boolean => {
      const attempt = world.logins.get(loginId);
      if (attempt?.step !== 'push' || attempt.push.phoneId !== phoneId) return true; // answered another way
      const decision = pushDecision(phone, username, world.seamless(username));
      if (decision.outcome === 'lose') {
        world.journal.record({ type: 'push.suppressed', loginId, phoneId, reason: decision.reason });
        return true;
      }
      if (decision.outcome === 'hold') {
        if (first) world.journal.record({ type: 'push.held', loginId, phoneId, reason: decision.reason });
        return false;
      }
      const { mobileApp } = world.scenario.branding;
      const { title, body } = pushNotification(world.scenario, account.spec.language);
      // From now on, and only now, the request can be approved on this phone.
      attempt.push.delivered = true;
      phone.receivePush(mobileApp, title, body, world.clock.now(), loginId, decision.silenced !== null);
      world.touchPhone(phone);
      world.journal.record({ type: 'push.delivered', loginId, phoneId, silenced: decision.silenced !== null });
      if (decision.silenced) world.journal.record({ type: 'push.silenced', loginId, phoneId, reason: decision.silenced });
      return true;
    };
    if (!tryDeliver(true)) phone.hold(() => tryDeliver(false));
  });
}
