// IB Key's push: a notification to the phone holding the user's IB Key, approved there by its owner
// (biometric, passcode or app PIN) within the push window; past it the login offers IB Key's challenge.
import type { AppRefusal } from '../../api/events.js';
import { message } from '../../api/messages.js';
import type { DeviceOf } from '../login-attempt.js';
import type { UnlockMethod } from '../mobile-app.js';
import type { Phone } from '../phone.js';
import { sendPush } from '../push.js';
import type { Factor } from './factor.js';

export interface PushStart {
  device: DeviceOf<'ibkey'>;
  /** Called when the push window ends unanswered. */
  onExpiry: () => void;
}

/** The owner on the phone, approving: how they unlocked IB Key. */
export interface Approval {
  phone: Phone;
  method: UnlockMethod;
  pin: string | undefined;
}

export const ibkeyPush: Factor<'push', PushStart, Approval, AppRefusal> = {
  step: 'push',
  journal: ['push.sent', 'push.held', 'push.delivered', 'push.silenced', 'push.suppressed', 'push.approved', 'push.refused', 'push.expired'],
  start(world, attempt, { device, onExpiry }) {
    const model = world.phones.get(device.phone)?.spec.model ?? 'phone';
    const expiresAt = world.clock.now() + world.scenario.timing.pushWindow;
    const timer = world.clock.at(expiresAt, onExpiry);
    sendPush(world, attempt.account, device.phone, attempt.id, expiresAt);
    return {
      entry: { step: 'push', device, push: { phoneId: device.phone, expiresAt, timer, delivered: false } },
      notice: message('push_sent', { model }),
    };
  },
  /** The phone's side of an approval; the login's side (still pending, delivered, in time, not locked) is the login server's. */
  answer(world, attempt, { phone, method, pin }) {
    const { app } = phone;
    const username = attempt.account.spec.username;
    if (app.ibkey?.username !== username) return { ok: false, refusal: app.lockedFor === username ? 'ibkey_locked' : 'ibkey_not_active' };
    const problem = app.unlockWith(method, pin);
    if (problem) return { ok: false, refusal: problem };
    world.journal.record({ type: 'push.approved', loginId: attempt.id, phoneId: phone.id, method });
    phone.clearPush(attempt.id);
    world.touchPhone(phone);
    return { ok: true, by: 'ibkey' };
  },
  view: () => ({ resendAvailableAt: null, voiceAvailableAt: null, resendChannels: { sms: false, voice: false }, challenge: null, cardIndexes: null }),
  pending: (attempt, world) => {
    const { phoneId, delivered, expiresAt } = attempt.push;
    // The notification on the phone, if the push reached it (null while the network holds it, or once lost).
    const shown = world.phones.get(phoneId)?.notifications.find((n) => n.source.kind === 'push' && n.source.loginId === attempt.id);
    return [{ kind: 'push', code: null, challenge: null, cardIndexes: null, expectedResponse: null, expiresAt, push: { phoneId, notificationId: shown?.id ?? null, delivered } }];
  },
};
