// How a delivered notification shows on the phone: its banner, the lock screen, the list, its text, the
// app icon's badge — the broker's app's notification settings (iOS Settings → Notifications → the app;
// Android Settings → Apps → the app → Notifications). Whether it arrives at all is delivery.ts's rule.
import type { PhoneStatus } from '../api/phone-state.js';
import type { NotificationView } from '../api/views.js';
import type { Platform } from '../api/vocabulary.js';

export type Banner = NotificationView['banner'];

/** Where a notification of the broker's app shows now, by its settings; the other apps keep the phone's defaults. */
export type Presentation = Pick<NotificationView, 'lockScreen' | 'centre' | 'preview'>;

const DEFAULT_PRESENTATION: Presentation = { lockScreen: true, centre: true, preview: 'always' };

/**
 * The banner a notification raises on arrival: none when silenced (Do Not Disturb, a Focus) or when the
 * app's banners are off ("Pop on screen" on Android); iOS's Banner Style makes it temporary or persistent.
 * Android's heads-up notification goes up after a few seconds, as iOS's temporary banner does.
 */
export function bannerFor(platform: Platform, s: PhoneStatus, silenced: boolean, brokerApp: boolean): Banner {
  if (silenced) return null;
  if (!brokerApp) return 'temporary';
  if (!s.appBanners) return null;
  return platform === 'ios' ? s.bannerStyle : 'temporary';
}

/**
 * Where the broker app's notification shows now: the settings apply at once to what is already there,
 * as on a real phone. Android always keeps it in the shade (there is no "Notification Center" switch),
 * and has no Show Previews setting of the app's own.
 */
export function presentation(platform: Platform, s: PhoneStatus, brokerApp: boolean): Presentation {
  if (!brokerApp) return DEFAULT_PRESENTATION;
  if (platform === 'android') return { lockScreen: s.appLockScreen, centre: true, preview: 'always' };
  return { lockScreen: s.appLockScreen, centre: s.appNotificationCenter, preview: s.showPreviews };
}

/** The broker app's icon badge: its notifications waiting, when Badges (iOS) or the notification dot (Android) is on. */
export function appBadge(s: PhoneStatus, notifications: readonly Pick<NotificationView, 'source'>[]): number {
  if (!s.appBadges) return 0;
  return notifications.filter((n) => n.source.kind === 'push').length;
}
