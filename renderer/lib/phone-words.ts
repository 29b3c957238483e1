// The phone's names for its own switches and Focuses, in the windows' language: what the phone's
// always-present parts (the status bar, the power menu, the pull-down panels) say, apart from the
// Settings app's pages (phone-settings.ts), which come with the app.
import type { Platform } from '../../main/api/views';
import type { FocusMode } from '../../main/api/vocabulary';
import type { MessageId } from '../i18n/keys';
import { t } from './i18n.svelte';

/** What each platform calls the same thing (the articles' words, as on the phones): message ids, for `t()`. */
export const words = {
  ios: {
    panel: 'settings.ios.panel',
    powerKey: 'settings.ios.powerKey',
    airplane: 'settings.ios.airplane',
    wifi: 'settings.wifi',
    mobileData: 'settings.ios.mobileData',
    doNotDisturb: 'settings.ios.doNotDisturb',
    lowPower: 'settings.ios.lowPower',
    focus: 'settings.ios.focus',
  },
  android: {
    panel: 'settings.android.panel',
    powerKey: 'settings.android.powerKey',
    airplane: 'settings.android.airplane',
    wifi: 'settings.wifi',
    mobileData: 'settings.android.mobileData',
    doNotDisturb: 'settings.android.doNotDisturb',
    lowPower: 'settings.android.lowPower',
    focus: 'settings.android.focus',
  },
} as const satisfies Record<Platform, Record<string, MessageId>>;

/** Each Focus's name on the phone ("Do Not Disturb" is iOS's Focus of that name). */
const focusNames: Record<FocusMode, MessageId> = {
  'Do Not Disturb': 'settings.focus.doNotDisturb',
  Personal: 'settings.focus.personal',
  Sleep: 'settings.focus.sleep',
  Work: 'settings.focus.work',
  Driving: 'settings.focus.driving',
};

/** A Focus as the phone names it, in the windows' language ("Work", "Travail"). */
export function focusName(mode: FocusMode): string {
  return t(focusNames[mode]);
}
