// Why a message did not reach a phone: each reason in plain words, and the help-article step that fixes it.

export const reasonCatalog = {
  phone_off: {
    text: 'The phone is switched off.',
    fix: 'Switch the phone on; messages held by the network arrive then.',
    article: 'I am not receiving text messages (SMS)',
    step: '2. Restart your phone',
  },
  no_signal: {
    text: 'The phone has no mobile signal.',
    fix: 'Move to where the phone has coverage, or ask for a voice callback later.',
    article: 'I am not receiving IBKR Mobile notifications',
    step: "7. Verify your phone's connection and coverage",
  },
  airplane_mode: {
    text: 'The phone is in airplane mode.',
    fix: 'Turn airplane mode off: Control Center on an iPhone, Quick Settings on Android.',
    article: 'I am not receiving IBKR Mobile notifications',
    step: '3. Check whether your phone is in "Airplane" or "Do not Disturb" mode',
  },
  no_phone_for_number: {
    text: 'No phone answers to this number.',
    fix: 'Check the mobile number on record in Client Portal.',
    article: 'How to enable and use SMS as Two-Factor Authentication method',
    step: 'How to Enroll into SMS authentication',
  },
  number_not_verified: {
    text: 'The mobile number is not verified, so no SMS is sent to it.',
    fix: 'Client Portal → Settings → User Settings → Mobile Number → VERIFY, then enter the Confirm Code.',
    article: 'How to enable and use SMS as Two-Factor Authentication method',
    step: 'How to Enroll into SMS authentication',
  },
  carrier_blocked: {
    text: "The phone carrier's spam filter blocked the message.",
    fix: "Ask the carrier to lift the filter for the broker's messages, or use the voice callback.",
    article: 'I am not receiving text messages (SMS)',
    step: '4. Check whether your phone carrier is blocking the SMS',
  },
  roaming_lost: {
    text: "The phone is roaming outside its carrier's coverage and the message was lost.",
    fix: 'Ask for a new code or a voice callback; activate IB Key to be independent of carriers.',
    article: 'I am not receiving text messages (SMS)',
    step: '2. Restart your phone (note on roaming)',
  },
  sms_stuck: {
    text: 'The phone is not taking in text messages until it restarts.',
    fix: 'Power the phone down completely and turn it back on.',
    article: 'I am not receiving text messages (SMS)',
    step: '2. Restart your phone',
  },
  carrier_delay: {
    text: 'The carrier is delivering messages late.',
    fix: 'Wait: delivery can take a few minutes. A new SMS may only be requested every 2 minutes.',
    article: 'How to enable and use SMS as Two-Factor Authentication method',
    step: 'NOTE: message delivery time may vary',
  },
  app_not_installed: {
    text: "The broker's mobile app is not installed on the phone.",
    fix: 'Install the app and activate IB Key.',
    article: 'I am not receiving IBKR Mobile notifications',
    step: 'Prerequisites: the app must be installed and activated',
  },
  ibkey_not_active: {
    text: 'IB Key is not activated on this phone.',
    fix: 'Activate IB Key in the app (or migrate it from the old phone).',
    article: 'How to Migrate IBKR Mobile Authentication (IB Key) to a New Smartphone',
    step: 'Activation',
  },
  ibkey_locked: {
    text: 'IB Key on this phone was locked after too many wrong PINs.',
    fix: 'Activate IB Key again in the app (reactivation), or log in with another second factor.',
    article: 'How to Migrate IBKR Mobile Authentication (IB Key) to a New Smartphone',
    step: 'Activation',
  },
  seamless_disabled: {
    text: 'Seamless Authentication is disabled in Client Portal, so no notification is sent.',
    fix: 'Client Portal → Settings → Secure Login System → Seamless Authentication: Enabled.',
    article: 'I am not receiving IBKR Mobile notifications',
    step: '1. "Seamless Notification" must be enabled in your Client Portal',
  },
  no_internet: {
    text: 'The phone has no internet connection (Wi-Fi and mobile data off).',
    fix: 'Turn Wi-Fi or mobile data on.',
    article: 'I am not receiving IBKR Mobile notifications',
    step: 'Prerequisites: the device must be connected to the Internet',
  },
  poor_connection: {
    text: "The phone's connection is poor and the notification was lost.",
    fix: 'Check the Wi-Fi and signal levels, or use challenge/response.',
    article: 'I am not receiving IBKR Mobile notifications',
    step: "7. Verify your phone's connection and coverage",
  },
  notifications_disabled: {
    text: "Notifications are not allowed for the broker's app.",
    fix: "Allow notifications for the app in the phone's Settings.",
    article: 'How do I enable the Notifications for the IBKR Mobile app',
    step: '5. Make sure the notifications are enabled for the app',
  },
  dnd_silenced: {
    text: 'Do Not Disturb silenced the notification: no banner, but it is in the notification list.',
    fix: 'Open the notification list, or turn Do Not Disturb off.',
    article: 'I am not receiving IBKR Mobile notifications',
    step: '2. Open and review the list of all your Notifications; 3. "Do not Disturb" mode',
  },
  focus_silenced: {
    text: "A Focus mode silenced the app's notification (still in the list).",
    fix: 'Add the app to the Focus allowed apps (iOS) or remove it from distracting apps (Android).',
    article: 'I am not receiving IBKR Mobile notifications',
    step: '4. If a "Focus Mode" is active, make sure the app is not silenced',
  },
  low_power_held: {
    text: 'Low-power mode is holding background delivery.',
    fix: 'Turn Low Power Mode / Battery Saver off.',
    article: 'I am not receiving IBKR Mobile notifications',
    step: '6. Confirm that the power saving mode is not preventing notifications',
  },
  jailbroken: {
    text: 'The phone is jailbroken or rooted; IB Key refuses to work on it.',
    fix: 'Use a phone that is not jailbroken/rooted, or another second factor.',
    article: 'I am not receiving IBKR Mobile notifications',
    step: '8. Your device must not be jailbroken/rooted',
  },
  google_services_blocked: {
    text: 'Google services are unreachable (Android in mainland China), so the notification cannot arrive.',
    fix: 'Log in with challenge/response.',
    article: 'I am not receiving IBKR Mobile notifications',
    step: 'Note A. Access to Google services is blocked within China',
  },
  out_of_sync: {
    text: 'The app is out of sync with the servers: notifications are not sent to it.',
    fix: 'Log in once with challenge/response; notifications resume after that.',
    article: 'I am not receiving IBKR Mobile notifications',
    step: '9. Force a sync between the app and the back-end systems',
  },
} as const satisfies Record<string, { text: string; fix: string; article: string; step: string }>;

export type DeliveryReason = keyof typeof reasonCatalog;

/** One reason as the director and the control API show it. */
export interface ReasonView {
  reason: DeliveryReason;
  text: string;
  fix: string;
  article: string;
  step: string;
}

export function reasonList(): ReasonView[] {
  return (Object.keys(reasonCatalog) as DeliveryReason[]).map((reason) => ({ reason, ...reasonCatalog[reason] }));
}
