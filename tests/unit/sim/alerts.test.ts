// The app's notification settings on the phone (notifications article, steps 2 and 3): each switch changes
// how the push shows — banner, lock screen, Notification Center, preview, badge — and Android's
// "Override Do Not Disturb" lets it through Do Not Disturb.
import { describe, expect, it } from 'vitest';
import { phoneStatePatchSchema, type PhoneStatePatch } from '../../../main/api/phone-state.js';
import { DEMO_PASSWORD, demoSim } from '../helpers.js';

function pushWith(patch: PhoneStatePatch, username = 'ibkeyios', phoneId = 'ios-phone') {
  const sim = demoSim();
  sim.setPhoneState({ phoneId, patch });
  sim.submitCredentials({ username, password: DEMO_PASSWORD, mode: 'live' });
  sim.advance(1_000);
  const phone = () => sim.getPhone({ phoneId });
  const push = () => phone().notifications.find((n) => n.source.kind === 'push');
  return { sim, phone, push, phoneId };
}

describe('the notification settings of the app', () => {
  it('by default the push raises a temporary banner, shows on the lock screen and in the list, with its text, and badges the icon', () => {
    const { push, phone } = pushWith({});
    expect(push()).toMatchObject({ silenced: false, banner: 'temporary', lockScreen: true, centre: true, preview: 'always' });
    expect(phone().appBadge).toBe(1);
  });

  it('Banners off (iOS) / Pop on screen off (Android): no banner, but the notification is in the list and can be approved', () => {
    for (const [username, phoneId] of [
      ['ibkeyios', 'ios-phone'],
      ['ibkeyandroid', 'android-phone'],
    ] as const) {
      const { push, phone } = pushWith({ appBanners: false }, username, phoneId);
      expect(push()).toMatchObject({ silenced: false, banner: null, lockScreen: true, centre: true });
      expect(phone().app.pendingApprovals).toHaveLength(1);
    }
  });

  it('Banner Style Persistent: the banner stays until touched (iOS); Android has no such setting', () => {
    expect(pushWith({ bannerStyle: 'persistent' }).push()!.banner).toBe('persistent');
    expect(pushWith({ bannerStyle: 'persistent' }, 'ibkeyandroid', 'android-phone').push()!.banner).toBe('temporary');
  });

  it('Lock Screen off: not on the locked screen, still in Notification Center; Notification Center off: the other way round', () => {
    expect(pushWith({ appLockScreen: false }).push()).toMatchObject({ lockScreen: false, centre: true });
    expect(pushWith({ appNotificationCenter: false }).push()).toMatchObject({ lockScreen: true, centre: false });
  });

  it('Android has no Notification Center switch: the shade always lists the push', () => {
    const { push } = pushWith({ appNotificationCenter: false, appLockScreen: false }, 'ibkeyandroid', 'android-phone');
    expect(push()).toMatchObject({ lockScreen: false, centre: true });
  });

  it('a setting changed after the push arrived applies to it at once, as on a real phone; the banner it raised stays what it was', () => {
    const { sim, push, phoneId } = pushWith({});
    sim.setPhoneState({ phoneId, patch: { appLockScreen: false, showPreviews: 'never', appBanners: false } });
    expect(push()).toMatchObject({ lockScreen: false, preview: 'never', banner: 'temporary' });
  });

  it('Show Previews: When Unlocked and Never travel with the notification (iOS only)', () => {
    expect(pushWith({ showPreviews: 'whenUnlocked' }).push()!.preview).toBe('whenUnlocked');
    expect(pushWith({ showPreviews: 'never' }).push()!.preview).toBe('never');
    expect(pushWith({ showPreviews: 'never' }, 'ibkeyandroid', 'android-phone').push()!.preview).toBe('always');
  });

  it('Badges (iOS) / the notification dot (Android) off: no badge on the icon', () => {
    expect(pushWith({ appBadges: false }).phone().appBadge).toBe(0);
    expect(pushWith({ appBadges: false }, 'ibkeyandroid', 'android-phone').phone().appBadge).toBe(0);
    expect(pushWith({}, 'ibkeyandroid', 'android-phone').phone().appBadge).toBe(1);
  });

  it('the settings are the broker app\'s: an SMS keeps its banner and its place on the lock screen', () => {
    const sim = demoSim();
    sim.setPhoneState({ phoneId: 'sms-phone', patch: { appBanners: false, appLockScreen: false, showPreviews: 'never' } });
    sim.submitCredentials({ username: 'smsuser', password: DEMO_PASSWORD, mode: 'live' });
    sim.advance(3_000);
    expect(sim.getPhone({ phoneId: 'sms-phone' }).notifications[0]).toMatchObject({ banner: 'temporary', lockScreen: true, centre: true, preview: 'always' });
  });
});

describe('Override Do Not Disturb', () => {
  it('Android: on, the push arrives with its banner while Do Not Disturb is on; off, it is silenced', () => {
    const through = pushWith({ doNotDisturb: true, overrideDnd: true }, 'ibkeyandroid', 'android-phone');
    expect(through.push()).toMatchObject({ silenced: false, banner: 'temporary' });
    expect(through.sim.getJournal({}).entries.some((e) => e.type === 'push.silenced')).toBe(false);

    const silenced = pushWith({ doNotDisturb: true }, 'ibkeyandroid', 'android-phone');
    expect(silenced.push()).toMatchObject({ silenced: true, banner: null, centre: true });
    expect(silenced.sim.getJournal({}).entries.find((e) => e.type === 'push.silenced')).toMatchObject({ reason: 'dnd_silenced' });
  });

  it('does not let the push through an Android Focus mode that pauses the app', () => {
    expect(pushWith({ focus: 'Work', overrideDnd: true }, 'ibkeyandroid', 'android-phone').push()!.silenced).toBe(true);
  });
});

describe('each Focus has its own Allowed Apps (notifications article, step 4: "repeat this operation for the other focus patterns")', () => {
  it('the app allowed in Work passes Work, and is silenced in Sleep, Personal and Driving', () => {
    expect(pushWith({ focus: 'Work', focusAllowedIn: ['Work'] }).push()!.silenced).toBe(false);
    for (const focus of ['Sleep', 'Personal', 'Driving'] as const) {
      const { push, sim } = pushWith({ focus, focusAllowedIn: ['Work'] });
      expect(push()).toMatchObject({ silenced: true, banner: null, centre: true });
      expect(sim.getJournal({}).entries.find((e) => e.type === 'push.silenced')).toMatchObject({ reason: 'focus_silenced' });
    }
  });

  it("iOS Do Not Disturb is a Focus of its own: allowed in Work is not allowed in Do Not Disturb, and the other way round", () => {
    expect(pushWith({ doNotDisturb: true, focusAllowedIn: ['Work'] }).push()!.silenced).toBe(true);
    expect(pushWith({ focus: 'Do Not Disturb', focusAllowedIn: ['Work'] }).push()!.silenced).toBe(true);
    expect(pushWith({ focus: 'Do Not Disturb', focusAllowedIn: ['Do Not Disturb'] }).push()!.silenced).toBe(false);
    expect(pushWith({ doNotDisturb: true, focusAllowedIn: ['Do Not Disturb'] }).push()!.silenced).toBe(false);
    expect(pushWith({ focus: 'Work', focusAllowedIn: ['Do Not Disturb'] }).push()!.silenced).toBe(true);
  });

  it('allowed in every Focus, the app passes whichever is on', () => {
    for (const focus of ['Do Not Disturb', 'Personal', 'Sleep', 'Work', 'Driving'] as const) {
      expect(pushWith({ focus, focusAllowedIn: ['Do Not Disturb', 'Personal', 'Sleep', 'Work', 'Driving'] }).push()!.silenced).toBe(false);
    }
  });

  it("on Android, Do Not Disturb is not a Focus: the app's Override Do Not Disturb decides, not the Focus lists", () => {
    expect(pushWith({ doNotDisturb: true, focusAllowedIn: ['Do Not Disturb'] }, 'ibkeyandroid', 'android-phone').push()!.silenced).toBe(true);
    expect(pushWith({ focus: 'Work', focusAllowedIn: ['Work'] }, 'ibkeyandroid', 'android-phone').push()!.silenced).toBe(false);
  });

  it('a patch naming a Focus twice, or one that does not exist, is refused', () => {
    expect(phoneStatePatchSchema.safeParse({ focusAllowedIn: ['Work', 'Work'] }).success).toBe(false);
    expect(phoneStatePatchSchema.safeParse({ focusAllowedIn: ['Gaming'] }).success).toBe(false);
    expect(phoneStatePatchSchema.safeParse({ focusAllowedIn: ['Work', 'Sleep'] }).success).toBe(true);
  });
});
