// The phone's state as the director shows it: every field in plain words, grouped by what it breaks.
import type { Platform, PhoneStatus } from '../../main/api/views';
import { FOCUS_MODES, type FocusMode } from '../../main/api/vocabulary';

export type PhoneField = keyof PhoneStatus;

interface SwitchField {
  kind: 'switch';
  field: PhoneField;
  /** iOS and Android name some settings differently ("Low Power Mode" / "Battery Saver"). */
  label: string | Record<Platform, string>;
  /** What switching it does to delivery, in a few words. */
  hint: string;
  /** Shown only on this platform. */
  only?: Platform;
}

interface ChoiceField {
  kind: 'choice';
  field: PhoneField;
  label: string;
  hint: string;
  options: { value: string; label: string }[];
  /** Shown only on this platform. */
  only?: Platform;
}

/** A set of Focus modes, one switch each (the app allowed in each Focus on its own). */
interface ModesField {
  kind: 'modes';
  field: PhoneField;
  label: string;
  hint: string;
  only?: Platform;
}

export type FieldControl = SwitchField | ChoiceField | ModesField;

export interface FieldGroup {
  name: 'Phone' | 'Voice' | 'SMS' | 'Push';
  note?: string;
  controls: FieldControl[];
}

const minutes = (m: number) => m * 60_000;

export const smsDelays = [0, 30_000, minutes(1), minutes(2), minutes(5), minutes(10), minutes(30)];

export const fieldGroups: FieldGroup[] = [
  {
    name: 'Phone',
    controls: [
      { kind: 'switch', field: 'poweredOn', label: 'Power', hint: 'Off: SMS and pushes wait in the network, calls fail' },
      { kind: 'switch', field: 'airplane', label: 'Airplane mode', hint: 'SMS and pushes wait, calls fail' },
      { kind: 'switch', field: 'doNotDisturb', label: 'Do Not Disturb', hint: 'No banner; the notification stays in the list' },
      {
        kind: 'choice',
        field: 'focus',
        label: 'Focus mode',
        hint: 'Silences apps not allowed through it',
        options: [{ value: '', label: 'Off' }, ...FOCUS_MODES.map((m) => ({ value: m, label: m }))],
      },
      { kind: 'modes', field: 'focusAllowedIn', label: 'App allowed in', hint: 'The app’s notifications pass this Focus only' },
      { kind: 'switch', field: 'lowPower', label: { ios: 'Low Power Mode', android: 'Battery Saver' }, hint: 'Holds background delivery of pushes' },
      {
        kind: 'choice',
        field: 'battery',
        label: 'Battery',
        hint: 'What the status bar shows',
        options: [5, 15, 50, 82, 100].map((b) => ({ value: String(b), label: `${b}%` })),
      },
    ],
  },
  {
    name: 'Voice',
    note: 'A call also needs the phone on and out of airplane mode.',
    controls: [
      {
        kind: 'choice',
        field: 'signal',
        label: 'Signal',
        hint: 'No signal: calls fail, SMS wait',
        options: [0, 1, 2, 3, 4].map((n) => ({ value: String(n), label: n === 0 ? 'No signal' : `${n} bar${n > 1 ? 's' : ''}` })),
      },
    ],
  },
  {
    name: 'SMS',
    controls: [
      { kind: 'switch', field: 'roaming', label: 'Roaming', hint: 'Abroad, on a partner network' },
      { kind: 'switch', field: 'outsideCoverage', label: 'Outside coverage', hint: 'While roaming: some messages are lost' },
      { kind: 'switch', field: 'carrierBlocking', label: 'Carrier blocking', hint: 'The carrier’s spam filter drops the SMS' },
      {
        kind: 'choice',
        field: 'smsDelayMs',
        label: 'SMS delay',
        hint: 'The carrier delivers late',
        options: smsDelays.map((ms) => ({ value: String(ms), label: ms === 0 ? 'None' : durationText(ms) })),
      },
      { kind: 'switch', field: 'smsStuck', label: 'SMS stuck until restart', hint: 'Held until the phone restarts' },
    ],
  },
  {
    name: 'Push',
    controls: [
      { kind: 'switch', field: 'wifi', label: 'Wi-Fi', hint: 'With mobile data off: no internet' },
      { kind: 'switch', field: 'mobileData', label: 'Mobile data', hint: 'With Wi-Fi off: no internet' },
      { kind: 'switch', field: 'poorConnection', label: 'Poor connection', hint: 'Pushes get lost' },
      { kind: 'switch', field: 'appNotifications', label: 'App notifications', hint: 'Allowed for the app in Settings' },
      { kind: 'switch', field: 'appLockScreen', label: { ios: 'Lock Screen alerts', android: 'On the lock screen' }, hint: 'Off: not on the locked screen, still in the list' },
      { kind: 'switch', field: 'appNotificationCenter', label: 'Notification Center', hint: 'Off: not in the list pulled from the top', only: 'ios' },
      { kind: 'switch', field: 'appBanners', label: { ios: 'Banners', android: 'Pop on screen' }, hint: 'Off: no banner, still in the list' },
      {
        kind: 'choice',
        field: 'bannerStyle',
        label: 'Banner Style',
        hint: 'Persistent: the banner stays until touched',
        only: 'ios',
        options: [
          { value: 'temporary', label: 'Temporary' },
          { value: 'persistent', label: 'Persistent' },
        ],
      },
      { kind: 'switch', field: 'appBadges', label: { ios: 'Badges', android: 'Notification dot' }, hint: 'The app icon shows what waits' },
      {
        kind: 'choice',
        field: 'showPreviews',
        label: 'Show Previews',
        hint: 'Hidden: “Notification” instead of the text',
        only: 'ios',
        options: [
          { value: 'always', label: 'Always' },
          { value: 'whenUnlocked', label: 'When Unlocked' },
          { value: 'never', label: 'Never' },
        ],
      },
      { kind: 'switch', field: 'overrideDnd', label: 'Override Do Not Disturb', hint: 'The app’s pushes pass Do Not Disturb', only: 'android' },
      { kind: 'switch', field: 'jailbroken', label: { ios: 'Jailbroken', android: 'Rooted' }, hint: 'IB Key refuses to work' },
      { kind: 'switch', field: 'googleServices', label: 'Google services', hint: 'Unreachable in mainland China', only: 'android' },
      { kind: 'switch', field: 'appOutOfSync', label: 'App out of sync', hint: 'No pushes until one challenge/response login' },
    ],
  },
];

export function controlLabel(control: FieldControl, platform: Platform): string {
  return typeof control.label === 'string' ? control.label : control.label[platform];
}

/** The groups with the controls this platform has. */
export function groupsFor(platform: Platform): FieldGroup[] {
  return fieldGroups.map((g) => ({ ...g, controls: g.controls.filter((c) => !c.only || c.only === platform) }));
}

/** The options of a choice, with the current value added when a scenario set one the list lacks (an SMS delay of 45 s). */
export function optionsWith(control: ChoiceField, value: string): { value: string; label: string }[] {
  if (control.options.some((o) => o.value === value)) return control.options;
  const label = control.field === 'smsDelayMs' ? durationText(Number(value)) : control.field === 'battery' ? `${value}%` : value;
  return [...control.options, { value, label }];
}

/** A control's value as the form element holds it (a string), and back. */
export function toFormValue(value: PhoneStatus[PhoneField]): string {
  return value === null ? '' : String(value);
}

export function fromFormValue(field: PhoneField, text: string): PhoneStatus[PhoneField] {
  if (field === 'focus') return text === '' ? null : (text as FocusMode);
  if (field === 'bannerStyle') return text as PhoneStatus['bannerStyle'];
  if (field === 'showPreviews') return text as PhoneStatus['showPreviews'];
  return Number(text);
}

/** "30 s", "2 min", "1 h 5 min". */
export function durationText(ms: number): string {
  if (ms < 60_000) return `${Math.round(ms / 1000)} s`;
  if (ms < 3_600_000) {
    const s = Math.round(ms / 1000);
    return s % 60 === 0 ? `${s / 60} min` : `${Math.floor(s / 60)} min ${s % 60} s`;
  }
  const m = Math.round(ms / 60_000);
  return m % 60 === 0 ? `${m / 60} h` : `${Math.floor(m / 60)} h ${m % 60} min`;
}

const plainControls = new Map(fieldGroups.flatMap((g) => g.controls.map((c) => [c.field, c] as const)));

/** One change of a phone's state in words: "Do Not Disturb on", "Signal: 1 bar", "SMS delay: 2 min". */
export function describeChange(field: string, value: unknown, platform: Platform = 'ios'): string {
  const control = plainControls.get(field as PhoneField);
  if (!control) return `${field}: ${String(value)}`;
  const label = controlLabel(control, platform);
  if (control.kind === 'switch') {
    if (field === 'poweredOn') return value ? 'switched on' : 'switched off';
    return `${label} ${value ? 'on' : 'off'}`;
  }
  if (control.kind === 'modes') return `${label}: ${Array.isArray(value) && value.length ? value.join(', ') : 'no Focus'}`;
  if (field === 'focus') return value === null ? 'Focus off' : `Focus “${String(value)}” on`;
  const option = optionsWith(control, toFormValue(value as PhoneStatus[PhoneField])).find((o) => o.value === String(value));
  return `${label}: ${option?.label ?? String(value)}`;
}
