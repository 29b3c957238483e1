// The phone's own settings as its owner meets them: each platform's words, and what each control changes.
import type { PhoneStatePatch } from '../../main/api/phone-state';
import type { MobileAppView, Platform, PhoneStatus } from '../../main/api/views';
import type { FocusMode } from '../../main/api/vocabulary';

/** The Focus an Android phone's Digital Wellbeing "Focus mode" stands for in the simulation. */
export const ANDROID_FOCUS: FocusMode = 'Work';

/** What each platform calls the same thing (the articles' words, as on the phones). */
export const words = {
  ios: {
    panel: 'Control Center',
    powerKey: 'Side button',
    airplane: 'Airplane Mode',
    wifi: 'Wi-Fi',
    mobileData: 'Cellular Data',
    doNotDisturb: 'Do Not Disturb',
    lowPower: 'Low Power Mode',
  },
  android: {
    panel: 'Quick settings',
    powerKey: 'Power button',
    airplane: 'Airplane mode',
    wifi: 'Wi-Fi',
    mobileData: 'Mobile data',
    doNotDisturb: 'Do Not Disturb',
    lowPower: 'Battery Saver',
  },
} as const satisfies Record<Platform, Record<string, string>>;

export type ToggleKey = 'airplane' | 'wifi' | 'mobileData' | 'doNotDisturb' | 'focus' | 'lowPower';

export interface Toggle {
  key: ToggleKey;
  label: string;
  on: boolean;
  /** Airplane mode switches the radios off: Wi-Fi and mobile data cannot be used until it is off. */
  disabled: boolean;
  /** What tapping it sends to setPhoneState. */
  patch: PhoneStatePatch;
}

/**
 * The Focus the phone is in, as its owner sees it. On iOS, Do Not Disturb is itself a Focus; the
 * director's "Do Not Disturb" switch (doNotDisturb) shows as that Focus too.
 */
export function activeFocus(s: PhoneStatus): FocusMode | null {
  return s.doNotDisturb ? 'Do Not Disturb' : s.focus;
}

/**
 * Choosing a Focus on iOS (Control Center or Settings → Focus). Do Not Disturb is kept as the Focus
 * of that name, so that its "Allowed Apps" (focusAllowsApp) can let the app through, as the article's step 4 says.
 * Choosing the active one turns it off, and with it the plain do-not-disturb.
 */
export function focusPatch(s: PhoneStatus, mode: FocusMode): PhoneStatePatch {
  return activeFocus(s) === mode ? { focus: null, doNotDisturb: false } : { focus: mode, doNotDisturb: false };
}

/** Android: Digital Wellbeing's Focus mode, on or off (Do Not Disturb is a setting of its own there). */
export function androidFocusPatch(s: PhoneStatus): PhoneStatePatch {
  return { focus: s.focus === null ? ANDROID_FOCUS : null };
}

export function toggle(platform: Platform, s: PhoneStatus, key: ToggleKey): Toggle {
  const w = words[platform];
  switch (key) {
    case 'airplane':
      return { key, label: w.airplane, on: s.airplane, disabled: false, patch: { airplane: !s.airplane } };
    case 'wifi':
      return { key, label: w.wifi, on: s.wifi && !s.airplane, disabled: s.airplane, patch: { wifi: !s.wifi } };
    case 'mobileData':
      return { key, label: w.mobileData, on: s.mobileData && !s.airplane, disabled: s.airplane, patch: { mobileData: !s.mobileData } };
    case 'doNotDisturb': {
      if (platform === 'ios') return { key, label: w.doNotDisturb, on: activeFocus(s) === 'Do Not Disturb', disabled: false, patch: focusPatch(s, 'Do Not Disturb') };
      return { key, label: w.doNotDisturb, on: s.doNotDisturb, disabled: false, patch: { doNotDisturb: !s.doNotDisturb } };
    }
    case 'focus':
      // iOS's Focus tile opens the list of modes (focusPatch); tapped while one is on, it turns that one off.
      if (platform === 'ios') return { key, label: 'Focus', on: activeFocus(s) !== null, disabled: false, patch: { focus: null, doNotDisturb: false } };
      return { key, label: 'Focus mode', on: s.focus !== null, disabled: false, patch: androidFocusPatch(s) };
    case 'lowPower':
      return { key, label: w.lowPower, on: s.lowPower, disabled: false, patch: { lowPower: !s.lowPower } };
  }
}

/** The tiles of the quick-settings panel, in the order each platform shows them. */
export function quickTiles(platform: Platform, s: PhoneStatus): Toggle[] {
  const keys: ToggleKey[] = platform === 'ios' ? ['airplane', 'mobileData', 'wifi', 'focus', 'lowPower'] : ['wifi', 'mobileData', 'airplane', 'doNotDisturb', 'lowPower', 'focus'];
  return keys.map((key) => toggle(platform, s, key));
}

/** The Wi-Fi network a phone joins when Wi-Fi is on (decor, but the same every take). */
export const WIFI_NETWORK = 'Home-5G';

/** Beside "Wi-Fi" in Settings: the network joined, or "Off". */
export function wifiValue(s: PhoneStatus): string {
  return s.wifi && !s.airplane ? WIFI_NETWORK : 'Off';
}

/** Android's Network & internet row: what is connected now. */
export function networkSummary(s: PhoneStatus, carrier: string): string {
  if (s.airplane) return 'Airplane mode is on';
  const parts = [s.wifi ? WIFI_NETWORK : null, s.mobileData && s.signal > 0 ? carrier : null].filter(Boolean);
  return parts.length ? parts.join(', ') : 'Not connected';
}

/** iOS Settings → Notifications: the line under each app; Android: the app's Notifications row. */
export function notificationSummary(platform: Platform, allowed: boolean): string {
  if (!allowed) return 'Off';
  return platform === 'ios' ? 'Banners, Sounds, Badges' : 'On';
}

/** Android Settings → Apps → the app → Storage: sizes the screen shows (IB Key's keys are the user data). */
export function storageFigures(app: MobileAppView, cacheCleared: boolean): { app: string; data: string; cache: string; total: string } {
  const appMb = 148.2;
  const dataMb = app.ibkeyUser ? 6.4 : 0;
  const cacheMb = app.ibkeyUser && !cacheCleared ? 21.7 : 0;
  const mb = (n: number) => (n === 0 ? '0 B' : `${n.toFixed(1)} MB`);
  return { app: mb(appMb), data: mb(dataMb), cache: mb(cacheMb), total: mb(appMb + dataMb + cacheMb) };
}

/** A page of the Settings app. iOS Focus pages name the mode they are about. */
export type SettingsPage =
  | { id: 'root' | 'wifi' | 'cellular' | 'notifications' | 'appNotifications' | 'focus' | 'battery' }
  | { id: 'focusMode' | 'focusApps' | 'focusAddApps'; mode: FocusMode }
  | { id: 'network' | 'apps' | 'appInfo' | 'appStorage' | 'wellbeing' | 'androidFocus' | 'dnd' };

/** A page's title as the phone shows it (the app's name on iOS's page for that app's notifications). */
export function pageTitle(page: SettingsPage, platform: Platform, appName: string): string {
  switch (page.id) {
    case 'root':
      return 'Settings';
    case 'wifi':
      return 'Wi-Fi';
    case 'cellular':
      return 'Cellular';
    case 'notifications':
      return 'Notifications';
    case 'appNotifications':
      return platform === 'ios' ? appName : 'App notifications';
    case 'focus':
      return 'Focus';
    case 'battery':
      return 'Battery';
    case 'focusMode':
      return page.mode;
    case 'focusApps':
      return 'Apps';
    case 'focusAddApps':
      return 'Add Apps';
    case 'network':
      return 'Network & internet';
    case 'apps':
      return 'Apps & notifications';
    case 'appInfo':
      return 'App info';
    case 'appStorage':
      return 'Storage';
    case 'wellbeing':
      return 'Digital Wellbeing & parental controls';
    case 'androidFocus':
      return 'Focus mode';
    case 'dnd':
      return 'Do Not Disturb';
  }
}
