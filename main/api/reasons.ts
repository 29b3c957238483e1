// Why a message did not reach a phone: each reason in plain words, and the help-article step that fixes it.
// `article` is an article's title and `step` the beginning of one of its headings or notes, both word
// for word (several steps joined by "; "); tests/unit/api/reasons.test.ts holds them to the articles.
import type { Region } from './vocabulary.js';

const SMS_TROUBLE = 'I am not receiving text messages (SMS) from IBKR on my mobile phone';
const SMS_ENROL = 'How to enable and use SMS as Two-Factor Authentication method';
const NOTIFICATIONS_TROUBLE = 'I am not receiving IBKR Mobile notifications.';
const MOBILE_FAQ = 'Secure Login with IBKR Mobile - FAQ';
const PREREQUISITES = 'What are the prerequisites for receiving IBKR Mobile notifications?';

/**
 * The SMS article's step 4, "According to your region, those are the services you can contact to
 * check if a SMS filter is in place for your phone number", region by region. The article's text
 * gives China's advice only; under "In the US:" and "In India:" it names no service in its text, and
 * it has nothing for other regions: said as such, nothing added.
 */
const CARRIER_BLOCKING_BY_REGION = (() => {
  const none = 'The article gives regional advice for the US, India and China only; none for this region.';
  const unnamed = (where: string) => `${where}: the article lists the services to contact here, but its text names none.`;
  return {
    US: unnamed('In the US'),
    CA: none,
    EU: none,
    UK: none,
    CH: none,
    HK: none,
    IN: unnamed('In India'),
    CN: 'In China: Call your phone carrier directly to check whether they are blocking IBKR messages.',
    JP: none,
    SG: none,
    AU: none,
  } as const satisfies Record<Region, string>;
})();

interface ReasonEntry {
  text: string;
  fix: string;
  article: string;
  step: string;
  /** Advice that depends on the region of the phone's carrier. */
  byRegion?: Record<Region, string>;
}

export const reasonCatalog = {
  phone_off: {
    text: 'The phone is switched off.',
    fix: 'Switch the phone on; messages held by the network arrive then.',
    article: SMS_TROUBLE,
    step: '2. Restart your phone',
  },
  no_signal: {
    text: 'The phone has no mobile signal.',
    fix: 'Move to where the phone has coverage, or ask for a voice callback later.',
    article: NOTIFICATIONS_TROUBLE,
    step: "7. Verify your phone's connection and coverage",
  },
  airplane_mode: {
    text: 'The phone is in airplane mode.',
    fix: 'Turn airplane ("Flight") mode off from the quick settings: Control Center on an iPhone, Quick Settings on Android.',
    article: NOTIFICATIONS_TROUBLE,
    step: '3. Check whether your phone is currently in "Airplane," "Flight," or "Do not Disturb" mode',
  },
  no_phone_for_number: {
    text: 'No phone answers to this number.',
    fix: 'Check the mobile number on record in Client Portal.',
    article: SMS_ENROL,
    step: 'How to Enroll into SMS authentication',
  },
  number_not_verified: {
    text: 'The mobile number is not verified, so no SMS is sent to it.',
    fix: 'Client Portal → Settings → User Settings → the gear beside Mobile Number → VERIFY; the Confirm Code into Confirmation Number → CONTINUE.',
    article: SMS_ENROL,
    step: 'How to Enroll into SMS authentication',
  },
  carrier_blocked: {
    text: "The phone carrier's spam filter blocked the message.",
    fix: "Check with the carrier whether an SMS filter is in place for the broker's messages, or use the voice callback.",
    article: SMS_TROUBLE,
    step: '4. Check whether your phone carrier is blocking the SMS from IBKR',
    byRegion: CARRIER_BLOCKING_BY_REGION,
  },
  roaming_lost: {
    text: "The phone is roaming outside its carrier's coverage and the message was lost.",
    fix: 'Ask for a new code or a voice callback (the note on roaming in step 2); activate IB Key to be independent of carriers (step 1).',
    article: SMS_TROUBLE,
    step: '2. Restart your phone',
  },
  sms_stuck: {
    text: 'The phone is not taking in text messages until it restarts.',
    fix: 'Power the phone down completely and turn it back on.',
    article: SMS_TROUBLE,
    step: '2. Restart your phone',
  },
  carrier_delay: {
    text: 'The carrier is delivering messages late.',
    fix: 'Wait: delivery can take a few minutes. A new SMS may only be requested every 2 minutes.',
    article: SMS_ENROL,
    step: 'NOTE: message delivery time may vary',
  },
  app_not_installed: {
    text: "The broker's mobile app is not installed on the phone.",
    fix: 'Install the app and activate IB Key.',
    article: NOTIFICATIONS_TROUBLE,
    step: PREREQUISITES,
  },
  ibkey_not_active: {
    text: 'IB Key is not activated on this phone.',
    fix: 'Activate IB Key in the app on this phone, or migrate it here from the old phone (FAQ: "I have a new smartphone…").',
    article: NOTIFICATIONS_TROUBLE,
    step: PREREQUISITES,
  },
  ibkey_locked: {
    text: 'IB Key on this phone was locked after too many wrong PINs.',
    fix: 'Activate IB Key again in the app (reactivation, as after a reinstall), or log in with another second factor.',
    article: MOBILE_FAQ,
    step: 'I have reinstalled the IBKR Mobile app on the same smartphone. How can I activate IBKR Mobile Authentication (IB Key) again?',
  },
  seamless_disabled: {
    text: 'Seamless Authentication is disabled in Client Portal, so no notification is sent.',
    fix: 'Client Portal → User menu → Settings → User Settings → Secure Login System → Secure Login Settings: the wheel (Configure) beside Seamless Authentication, activate, Save.',
    article: NOTIFICATIONS_TROUBLE,
    step: '1. "Seamless Notification" must be enabled in your Client Portal',
  },
  no_internet: {
    text: 'The phone has no internet connection (Wi-Fi and mobile data off).',
    fix: 'Turn Wi-Fi or mobile data on: the device must be connected to the Internet.',
    article: NOTIFICATIONS_TROUBLE,
    step: PREREQUISITES,
  },
  poor_connection: {
    text: "The phone's connection is poor and the notification was lost.",
    fix: 'Check the Wi-Fi and signal levels, or use challenge/response.',
    article: NOTIFICATIONS_TROUBLE,
    step: "7. Verify your phone's connection and coverage",
  },
  notifications_disabled: {
    text: "Notifications are not allowed for the broker's app.",
    fix: 'Allow notifications for the app in the phone\'s Settings: iOS Settings → Notifications → IBKR; Android Settings → Apps & notifications → IBKR Mobile → App notifications ("How do I enable the Notifications for the IBKR Mobile app").',
    article: NOTIFICATIONS_TROUBLE,
    step: '5. Make sure the notifications are enabled for the IBKR Mobile app',
  },
  dnd_silenced: {
    text: 'Do Not Disturb silenced the notification: no banner, but it is in the notification list.',
    fix: 'Open the notification list, or turn Do Not Disturb off.',
    article: NOTIFICATIONS_TROUBLE,
    step: '2. Open and review the list of all your Notifications; 3. Check whether your phone is currently in "Airplane," "Flight," or "Do not Disturb" mode',
  },
  focus_silenced: {
    text: "A Focus mode silenced the app's notification (still in the list).",
    fix: 'Add the app to the Focus allowed apps (iOS) or remove it from distracting apps (Android).',
    article: NOTIFICATIONS_TROUBLE,
    step: '4. If a "Focus Mode" is active on your phone, make sure that IBKR Mobile app and its notifications are not silenced',
  },
  low_power_held: {
    text: 'Low-power mode is holding background delivery.',
    fix: 'Turn Low Power Mode / Battery Saver off.',
    article: NOTIFICATIONS_TROUBLE,
    step: '6. Confirm that the power saving mode of the phone is not preventing notifications',
  },
  jailbroken: {
    text: 'The phone is jailbroken or rooted; IB Key refuses to work on it.',
    fix: 'Use a phone that is not jailbroken/rooted, or another second factor.',
    article: NOTIFICATIONS_TROUBLE,
    step: '8. Your device must not be jailbroken/rooted',
  },
  google_services_blocked: {
    text: 'Google services are unreachable (Android in mainland China), so the notification cannot arrive.',
    fix: 'Log in with challenge/response.',
    article: NOTIFICATIONS_TROUBLE,
    step: 'A. Access to Google services is blocked within China',
  },
  out_of_sync: {
    text: 'The app is out of sync with the servers: notifications are not sent to it.',
    fix: 'Log in once with challenge/response; notifications resume after that.',
    article: NOTIFICATIONS_TROUBLE,
    step: '9. Force a sync between the IBKR Mobile app and the back-end systems',
  },
} as const satisfies Record<string, ReasonEntry>;

export type DeliveryReason = keyof typeof reasonCatalog;

/** One reason as the director and the control API show it. */
export interface ReasonView {
  reason: DeliveryReason;
  text: string;
  fix: string;
  article: string;
  step: string;
  /** The advice by the region of the phone's carrier, where the article gives it region by region. */
  byRegion: Record<Region, string> | null;
}

export function reasonList(): ReasonView[] {
  return (Object.keys(reasonCatalog) as DeliveryReason[]).map((reason) => {
    const entry: ReasonEntry = reasonCatalog[reason];
    return { reason, text: entry.text, fix: entry.fix, article: entry.article, step: entry.step, byRegion: entry.byRegion ?? null };
  });
}
