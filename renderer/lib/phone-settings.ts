// The phone's own settings as its owner meets them: each platform's words (in the windows' language), and what each control changes.
import type { PhoneStatePatch } from '../../main/api/phone-state';
import type { MobileAppView, Platform, PhoneStatus } from '../../main/api/views';
import type { FocusMode } from '../../main/api/vocabulary';
import { language, t } from './i18n.svelte';
import { megabytes } from './time';
import { focusName, words } from './phone-words';

/** The Focus an Android phone's Digital Wellbeing "Focus mode" stands for in the simulation. */
export const ANDROID_FOCUS: FocusMode = 'Work';

/** "On" / "Off" as each platform writes a setting's state (iOS French "Oui" / "Non", Android "Activé" / "Désactivé"). */
export function onOff(platform: Platform, on: boolean): string {
  return t(on ? (platform === 'ios' ? 'settings.ios.on' : 'settings.android.on') : platform === 'ios' ? 'settings.ios.off' : 'settings.android.off');
}

export type ToggleKey = 'airplane' | 'wifi' | 'mobileData' | 'doNotDisturb' | 'focus' | 'lowPower';

export interface Toggle {
  key: ToggleKey;
  /** In the windows' language. */
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
 * of that name, so that its own "Allowed Apps" (focusAllowedIn) can let the app through, as the article's step 4 says.
 * Choosing the active one turns it off, and with it the plain do-not-disturb.
 */
export function focusPatch(s: PhoneStatus, mode: FocusMode): PhoneStatePatch {
  return activeFocus(s) === mode ? { focus: null, doNotDisturb: false } : { focus: mode, doNotDisturb: false };
}

/** The app added to (or taken off) one Focus's Allowed Apps; the other modes keep their own lists. */
export function allowPatch(s: PhoneStatus, mode: FocusMode, allowed: boolean): PhoneStatePatch {
  const others = s.focusAllowedIn.filter((m) => m !== mode);
  return { focusAllowedIn: allowed ? [...others, mode] : others };
}

/** Android: Digital Wellbeing's Focus mode, on or off (Do Not Disturb is a setting of its own there). */
export function androidFocusPatch(s: PhoneStatus): PhoneStatePatch {
  return { focus: s.focus === null ? ANDROID_FOCUS : null };
}

export function toggle(platform: Platform, s: PhoneStatus, key: ToggleKey): Toggle {
  const label = t(words[platform][key]);
  switch (key) {
    case 'airplane':
      return { key, label, on: s.airplane, disabled: false, patch: { airplane: !s.airplane } };
    case 'wifi':
      return { key, label, on: s.wifi && !s.airplane, disabled: s.airplane, patch: { wifi: !s.wifi } };
    case 'mobileData':
      return { key, label, on: s.mobileData && !s.airplane, disabled: s.airplane, patch: { mobileData: !s.mobileData } };
    case 'doNotDisturb': {
      if (platform === 'ios') return { key, label, on: activeFocus(s) === 'Do Not Disturb', disabled: false, patch: focusPatch(s, 'Do Not Disturb') };
      return { key, label, on: s.doNotDisturb, disabled: false, patch: { doNotDisturb: !s.doNotDisturb } };
    }
    case 'focus':
      // iOS's Focus tile opens the list of modes (focusPatch); tapped while one is on, it turns that one off.
      if (platform === 'ios') return { key, label, on: activeFocus(s) !== null, disabled: false, patch: { focus: null, doNotDisturb: false } };
      return { key, label, on: s.focus !== null, disabled: false, patch: androidFocusPatch(s) };
    case 'lowPower':
      return { key, label, on: s.lowPower, disabled: false, patch: { lowPower: !s.lowPower } };
  }
}

/** The tiles of the quick-settings panel, in the order each platform shows them. */
export function quickTiles(platform: Platform, s: PhoneStatus): Toggle[] {
  const keys: ToggleKey[] = platform === 'ios' ? ['airplane', 'mobileData', 'wifi', 'focus', 'lowPower'] : ['wifi', 'mobileData', 'airplane', 'doNotDisturb', 'lowPower', 'focus'];
  return keys.map((key) => toggle(platform, s, key));
}

/** The Wi-Fi network a phone joins when Wi-Fi is on (decor, but the same every take). */
export const WIFI_NETWORK = 'Home-5G';

/** Beside "Wi-Fi" in iOS Settings: the network joined, or "Off". */
export function wifiValue(s: PhoneStatus): string {
  return s.wifi && !s.airplane ? WIFI_NETWORK : onOff('ios', false);
}

/** Android's Network & internet row: what is connected now. */
export function networkSummary(s: PhoneStatus, carrier: string): string {
  if (s.airplane) return t('settings.android.networkAirplane');
  const parts = [s.wifi ? WIFI_NETWORK : null, s.mobileData && s.signal > 0 ? carrier : null].filter(Boolean);
  return parts.length ? parts.join(', ') : t('settings.android.notConnected');
}

/** iOS Settings → Notifications: the line under each app; Android: the app's Notifications row. */
export function notificationSummary(platform: Platform, allowed: boolean): string {
  if (platform === 'android') return onOff('android', allowed);
  return t(allowed ? 'settings.ios.notificationsAllowed' : 'settings.ios.notificationsOff');
}

/** Android Settings → Apps → the app → Storage: sizes the screen shows (IB Key's keys are the user data), "148.2 MB", "148,2 Mo". */
export function storageFigures(app: MobileAppView, cacheCleared: boolean): { app: string; data: string; cache: string; total: string } {
  const appMb = 148.2;
  const dataMb = app.ibkeyUser ? 6.4 : 0;
  const cacheMb = app.ibkeyUser && !cacheCleared ? 21.7 : 0;
  const mb = (n: number) => (n === 0 ? t('settings.android.zeroBytes') : megabytes(n, language.tag));
  return { app: mb(appMb), data: mb(dataMb), cache: mb(cacheMb), total: mb(appMb + dataMb + cacheMb) };
}

/** A page of the Settings app. iOS Focus pages name the mode they are about. */
export type SettingsPage =
  | { id: 'root' | 'wifi' | 'cellular' | 'notifications' | 'appNotifications' | 'bannerStyle' | 'showPreviews' | 'focus' | 'battery' }
  | { id: 'focusMode' | 'focusApps' | 'focusAddApps'; mode: FocusMode }
  | { id: 'network' | 'apps' | 'appInfo' | 'appStorage' | 'wellbeing' | 'androidFocus' | 'dnd' };

/** A page's title as the phone shows it (the app's name on iOS's page for that app's notifications). */
export function pageTitle(page: SettingsPage, platform: Platform, appName: string): string {
  const ios = platform === 'ios';
  switch (page.id) {
    case 'root':
      return t(ios ? 'settings.ios.title.root' : 'settings.android.title.root');
    case 'wifi':
      return t('settings.wifi');
    case 'cellular':
      return t('settings.ios.title.cellular');
    case 'notifications':
      return t('settings.ios.title.notifications');
    case 'appNotifications':
      return ios ? appName : t('settings.android.title.appNotifications');
    case 'bannerStyle':
      return t('settings.ios.bannerStyle');
    case 'showPreviews':
      return t('settings.ios.showPreviews');
    case 'focus':
      return t('settings.ios.focus');
    case 'battery':
      return t('settings.ios.title.battery');
    case 'focusMode':
      return focusName(page.mode);
    case 'focusApps':
      return t('settings.ios.title.focusApps');
    case 'focusAddApps':
      return t('settings.ios.title.focusAddApps');
    case 'network':
      return t('settings.android.title.network');
    case 'apps':
      return t('settings.android.title.apps');
    case 'appInfo':
      return t('settings.android.title.appInfo');
    case 'appStorage':
      return t('settings.android.title.appStorage');
    case 'wellbeing':
      return t('settings.android.title.wellbeing');
    case 'androidFocus':
      return t('settings.android.focus');
    case 'dnd':
      return t('settings.android.doNotDisturb');
  }
}
