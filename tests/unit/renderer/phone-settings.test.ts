// The phone's own controls: each platform's words, and that what each control sends really fixes (or causes) the fault.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PhoneStatus } from '../../../main/api/views.js';
import { FOCUS_MODES } from '../../../main/api/vocabulary.js';
import {
  activeFocus,
  allowPatch,
  androidFocusPatch,
  focusPatch,
  networkSummary,
  notificationSummary,
  pageTitle,
  quickTiles,
  storageFigures,
  toggle,
  wifiValue,
} from '../../../renderer/lib/phone-settings.js';
import { words } from '../../../renderer/lib/phone-words.js';
import { laterMessages, t, useLocale } from '../../../renderer/lib/i18n.svelte';

// The Settings app's and the autopilot's words come with their chunks, after the first load's.
beforeAll(() => laterMessages());
import { DEMO_PASSWORD, demoSim } from '../helpers.js';

const status = (patch: Partial<PhoneStatus> = {}): PhoneStatus => ({ ...demoSim().getPhone({ phoneId: 'ios-phone' }).status, ...patch });

describe('words', () => {
  it('names the same settings as each platform does', () => {
    expect(quickTiles('ios', status()).map((t) => t.label)).toEqual(['Airplane Mode', 'Cellular Data', 'Wi-Fi', 'Focus', 'Low Power Mode']);
    expect(quickTiles('android', status()).map((t) => t.label)).toEqual(['Wi-Fi', 'Mobile data', 'Airplane mode', 'Do Not Disturb', 'Battery Saver', 'Focus mode']);
    expect(t(words.ios.panel)).toBe('Control Center');
    expect(t(words.android.powerKey)).toBe('Power button');
  });

  it('lists the Focus modes in the article\'s order, Do Not Disturb first', () => {
    expect(FOCUS_MODES.slice(0, 4)).toEqual(['Do Not Disturb', 'Personal', 'Sleep', 'Work']);
  });

  it('titles pages as the phones do', () => {
    expect(pageTitle({ id: 'appNotifications' }, 'ios', 'IBKR Mobile')).toBe('IBKR Mobile');
    expect(pageTitle({ id: 'appNotifications' }, 'android', 'IBKR Mobile')).toBe('App notifications');
    expect(pageTitle({ id: 'focusMode', mode: 'Sleep' }, 'ios', 'IBKR Mobile')).toBe('Sleep');
    expect(pageTitle({ id: 'apps' }, 'android', 'IBKR Mobile')).toBe('Apps & notifications');
    const ios = (['root', 'wifi', 'cellular', 'notifications', 'focus', 'battery'] as const).map((id) => pageTitle({ id }, 'ios', 'IBKR Mobile'));
    expect(ios).toEqual(['Settings', 'Wi-Fi', 'Cellular', 'Notifications', 'Focus', 'Battery']);
    expect((['focusApps', 'focusAddApps'] as const).map((id) => pageTitle({ id, mode: 'Work' }, 'ios', 'IBKR Mobile'))).toEqual(['Apps', 'Add Apps']);
    const android = (['network', 'appInfo', 'appStorage', 'wellbeing', 'androidFocus', 'dnd'] as const).map((id) => pageTitle({ id }, 'android', 'IBKR Mobile'));
    expect(android).toEqual(['Network & internet', 'App info', 'Storage', 'Digital Wellbeing & parental controls', 'Focus mode', 'Do Not Disturb']);
  });
});

describe('words in French', () => {
  afterEach(() => useLocale('en'));

  it('follow each platform’s French: iOS Réglages and Mode Économie d’énergie, Android Paramètres and the cache article’s path', async () => {
    await useLocale('fr');
    expect(quickTiles('ios', status()).map((t) => t.label)).toEqual(['Mode Avion', 'Données cellulaires', 'Wi-Fi', 'Concentration', "Mode Économie d'énergie"]);
    expect(quickTiles('android', status()).map((t) => t.label)).toEqual(['Wi-Fi', 'Données mobiles', 'Mode Avion', 'Ne pas déranger', 'Économiseur de batterie', 'Mode Concentration']);
    expect(pageTitle({ id: 'root' }, 'ios', 'IBKR Mobile')).toBe('Réglages');
    expect(pageTitle({ id: 'root' }, 'android', 'IBKR Mobile')).toBe('Paramètres');
    const path = (['apps', 'appInfo', 'appStorage'] as const).map((id) => pageTitle({ id }, 'android', 'IBKR Mobile'));
    expect(path).toEqual(['Applications', "Gestionnaire d'application", 'Stockage']);
    expect(pageTitle({ id: 'focusMode', mode: 'Work' }, 'ios', 'IBKR Mobile')).toBe('Travail');
    expect(wifiValue(status({ airplane: true }))).toBe('Non');
    expect(notificationSummary('android', true)).toBe('Activé');
    expect(networkSummary(status({ airplane: true }), 'AT&T')).toBe('Le mode Avion est activé');
  });

  it('write sizes with the French decimal comma and units', async () => {
    await useLocale('fr');
    const app = demoSim().getPhone({ phoneId: 'android-phone' }).app;
    const figures = Object.values(storageFigures({ ...app, ibkeyUser: 'ibkeyuser' }, false)).map((f) => f.replace(/[\u00a0\u202f]/g, ' '));
    expect(figures).toEqual(['148,2 Mo', '6,4 Mo', '21,7 Mo', '176,3 Mo']);
    expect(storageFigures({ ...app, ibkeyUser: null }, false).data).toBe('0 o');
  });
});

describe('toggles', () => {
  it('flip their own field', () => {
    expect(toggle('ios', status(), 'airplane').patch).toEqual({ airplane: true });
    expect(toggle('android', status({ lowPower: true }), 'lowPower')).toMatchObject({ on: true, patch: { lowPower: false } });
    expect(toggle('android', status(), 'mobileData').patch).toEqual({ mobileData: false });
  });

  it('show Wi-Fi and mobile data off and unavailable in airplane mode', () => {
    const wifi = toggle('ios', status({ airplane: true }), 'wifi');
    expect(wifi).toMatchObject({ on: false, disabled: true });
    expect(wifiValue(status({ airplane: true }))).toBe('Off');
    expect(networkSummary(status({ airplane: true }), 'AT&T')).toBe('Airplane mode is on');
    expect(networkSummary(status({ wifi: false, mobileData: false }), 'AT&T')).toBe('Not connected');
  });

  it('treat iOS Do Not Disturb as a Focus, shown on whichever field the director used', () => {
    expect(toggle('ios', status(), 'doNotDisturb').patch).toEqual({ focus: 'Do Not Disturb', doNotDisturb: false });
    expect(activeFocus(status({ doNotDisturb: true }))).toBe('Do Not Disturb');
    // Turning it off clears both.
    expect(focusPatch(status({ doNotDisturb: true }), 'Do Not Disturb')).toEqual({ focus: null, doNotDisturb: false });
    expect(focusPatch(status({ focus: 'Work' }), 'Sleep')).toEqual({ focus: 'Sleep', doNotDisturb: false });
  });

  it('add the app to one Focus\'s Allowed Apps and take it off, leaving the other modes\' lists as they are', () => {
    expect(allowPatch(status(), 'Work', true)).toEqual({ focusAllowedIn: ['Work'] });
    expect(allowPatch(status({ focusAllowedIn: ['Sleep'] }), 'Work', true)).toEqual({ focusAllowedIn: ['Sleep', 'Work'] });
    expect(allowPatch(status({ focusAllowedIn: ['Sleep', 'Work'] }), 'Work', true)).toEqual({ focusAllowedIn: ['Sleep', 'Work'] });
    expect(allowPatch(status({ focusAllowedIn: ['Sleep', 'Work'] }), 'Sleep', false)).toEqual({ focusAllowedIn: ['Work'] });
  });

  it('keep Android\'s Do Not Disturb and Digital Wellbeing\'s Focus mode apart', () => {
    expect(toggle('android', status(), 'doNotDisturb').patch).toEqual({ doNotDisturb: true });
    expect(androidFocusPatch(status())).toEqual({ focus: 'Work' });
    expect(androidFocusPatch(status({ focus: 'Work' }))).toEqual({ focus: null });
  });
});

describe('summaries', () => {
  it('say what the notification settings are', () => {
    expect(notificationSummary('ios', true)).toBe('Banners, Sounds, Badges');
    expect(notificationSummary('android', false)).toBe('Off');
  });

  it('show the app\'s data gone once IB Key is forgotten', () => {
    const app = demoSim().getPhone({ phoneId: 'android-phone' }).app;
    expect(storageFigures(app, false).data).toBe('6.4 MB');
    expect(storageFigures({ ...app, ibkeyUser: null }, false)).toMatchObject({ data: '0 B', cache: '0 B' });
    expect(storageFigures(app, true).cache).toBe('0 B');
  });
});

describe('what the controls send, in the simulation', () => {
  function pushSilenced(sim: ReturnType<typeof demoSim>): boolean | undefined {
    sim.submitCredentials({ username: 'ibkeyios', password: DEMO_PASSWORD, mode: 'live' });
    sim.advance(1_000);
    return sim.getPhone({ phoneId: 'ios-phone' }).notifications.at(-1)?.silenced;
  }

  it('iOS Do Not Disturb silences the push; the app allowed through it is not silenced', () => {
    const sim = demoSim();
    const set = (patch: object) => sim.setPhoneState({ phoneId: 'ios-phone', patch });
    set(toggle('ios', sim.getPhone({ phoneId: 'ios-phone' }).status, 'doNotDisturb').patch);
    expect(pushSilenced(sim)).toBe(true);
    set(allowPatch(sim.getPhone({ phoneId: 'ios-phone' }).status, 'Do Not Disturb', true));
    expect(pushSilenced(sim)).toBe(false);
  });

  it('airplane mode from the panel holds the SMS; off again, it arrives', () => {
    const sim = demoSim();
    const phoneId = 'sms-phone';
    sim.setPhoneState({ phoneId, patch: toggle('ios', sim.getPhone({ phoneId }).status, 'airplane').patch });
    sim.submitCredentials({ username: 'smsuser', password: DEMO_PASSWORD, mode: 'live' });
    sim.advance(60_000);
    expect(sim.getPhone({ phoneId }).messages).toHaveLength(0);
    sim.setPhoneState({ phoneId, patch: toggle('ios', sim.getPhone({ phoneId }).status, 'airplane').patch });
    expect(sim.getPhone({ phoneId }).messages).toHaveLength(1);
  });
});
