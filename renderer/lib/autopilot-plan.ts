// The autopilot's planner: each script step as what a person does at the windows (taps, typing, pauses), on a fixed schedule.
//
// Pure: a step in, a list of UI actions out. What only the screen can tell (the code in the SMS, the
// challenge, the app's response) is named as a `read`, which the player resolves when it gets there.
import type { ScriptStepView } from '../../main/api/script-view';
import { LOCALE_NAMES, type UnlockMethod } from '../../main/api/vocabulary';
import { isBiometric, unlockLabel } from './unlock';

/** Where on the stage an element is: the login window, the phone, the broker's app on it, a call, the fob, the card. */
export type Area = 'login' | 'phone' | 'app' | 'call' | 'fob' | 'card';

/** An element found as a person (and the end-to-end tests) find it: by its role and accessible name, or a text it shows. */
export interface Target {
  area: Area;
  role: 'button' | 'textbox' | 'link' | 'combobox' | 'checkbox';
  /** The exact accessible name; or, for `contains`, any element of the role whose text includes it. */
  name?: string;
  contains?: string;
}

/** What the person reads off a screen before typing it. */
export type Reading = 'phoneCode' | 'challenge' | 'appResponse' | 'fobResponse' | 'cardValues' | 'passcode' | 'confirmationCode';
export type Text = { literal: string } | { read: Reading };

/** The caption strip's words: the scenario's own, or a kind's default (worded by the UI in its language). */
export type Caption = { text: string } | { kind: ScriptStepView['kind']; values: Record<string, string | number> };

export type UiAction =
  | { do: 'caption'; caption: Caption }
  /** A tap (or click), shown by the touch indicator. `unless`: skipped when that element is on screen already. */
  | { do: 'tap'; target: Target; unless?: Target; ifPresent?: boolean }
  /** Taps the field, clears it and types the text a key at a time. */
  | { do: 'type'; target: Target; text: Text }
  /** Presses keys one at a time on a keypad (the fob's). */
  | { do: 'keys'; area: Area; text: Text }
  | { do: 'select'; target: Target; value: string }
  /** Nothing happens on screen: the person looks, reads, thinks. */
  | { do: 'pause'; ms: number }
  /** The simulation's virtual time moves on (a script's `wait`), shown over `showMs` of the take. */
  | { do: 'advance'; ms: number; showMs: number }
  /** What the trainer changes in the world (a phone's fault, Seamless): done through the API, as the Director does. */
  | { do: 'world'; step: Extract<ScriptStepView, { kind: WorldStepKind }> };

/**
 * The steps the autopilot does through the API under their caption: the trainer's changes to the
 * world, the app store, and IB Key's activation in the app (whose screens the e2e tests walk).
 */
type WorldStepKind = 'setPhone' | 'restart' | 'clearAppData' | 'seamless' | 'setLocale' | 'installApp' | 'uninstallApp' | 'activateIbKey' | 'migrateIbKey';

/** The human pace, in milliseconds of the take. */
export const PACE = {
  /** One key typed. */
  key: 110,
  /** A tap: the indicator shows, the screen answers. */
  tap: 600,
  /** Reading the caption before acting. */
  caption: 900,
  /** Between two steps. */
  between: 700,
  /** Glancing at the phone to read a code. */
  read: 800,
} as const;

const login = (role: Target['role'], name: string): Target => ({ area: 'login', role, name });
const app = (role: Target['role'], name: string): Target => ({ area: 'app', role, name });
/** A biometric's button: in the app, except Touch ID, which may be the phone's own Home button (the iPhone SE's). */
const biometric = (method: UnlockMethod): Target => (method === 'touchid' ? { area: 'phone', role: 'button', name: unlockLabel(method) } : app('button', unlockLabel(method)));

/** The step's caption: the scenario's words when it has them, else the kind's default with the step's values. */
export function captionOf(step: ScriptStepView): Caption {
  if (step.caption) return { text: step.caption };
  switch (step.kind) {
    case 'login':
      return { kind: step.kind, values: { user: step.user, mode: step.mode } };
    case 'wait':
      return { kind: step.kind, values: { seconds: Math.round(step.ms / 1000) } };
    case 'chooseDevice':
      return { kind: step.kind, values: { device: step.device } };
    case 'requestCode':
      return { kind: step.kind, values: { channel: step.channel } };
    case 'approvePush':
    case 'challengeResponse':
      return { kind: step.kind, values: { method: unlockLabel(step.method) } };
    case 'enrolSms':
      return { kind: step.kind, values: { number: step.number } };
    case 'setPhone':
    case 'restart':
    case 'clearAppData':
    case 'installApp':
    case 'uninstallApp':
      return { kind: step.kind, values: { phone: step.phone } };
    case 'activateIbKey':
    case 'migrateIbKey':
      return { kind: step.kind, values: { phone: step.phone, user: step.user } };
    case 'seamless':
      return { kind: step.kind, values: { user: step.user, enabled: step.enabled ? 'on' : 'off' } };
    case 'setLocale':
      return { kind: step.kind, values: { language: LOCALE_NAMES[step.locale] } };
    default:
      return { kind: step.kind, values: {} };
  }
}

/** How long a wait is shown on the take: short waits as they are, long ones compressed to a few seconds. */
export function shownWait(ms: number): number {
  return Math.min(Math.max(ms, 1000), 3000);
}

/** IB Key's owner check in the app: the biometric, the passcode, or the PIN typed and confirmed. */
function unlock(method: ScriptStepView & { kind: 'approvePush' | 'challengeResponse' }): UiAction[] {
  if (isBiometric(method.method)) return [{ do: 'tap', target: biometric(method.method) }];
  if (method.method === 'passcode') return [{ do: 'tap', target: app('button', 'Enter Passcode') }];
  return [
    // A phone with a fingerprint offers the PIN behind "Use PIN".
    { do: 'tap', target: app('button', 'Use PIN'), ifPresent: true },
    { do: 'type', target: app('textbox', 'PIN'), text: { literal: method.pin ?? '' } },
    { do: 'tap', target: app('button', 'Confirm') },
  ];
}

/** The step's actions after its caption, before the pause that ends it. */
function actionsOf(step: ScriptStepView): UiAction[] {
  switch (step.kind) {
    case 'login':
      return [
        // A window still logged in from the step before is logged out first, as a person would.
        ...(step.elsewhere ? [] : [{ do: 'tap', target: login('button', 'Log Out'), ifPresent: true } as const]),
        // The window opens on Live Trading: a person switches only for a paper login.
        ...(step.mode === 'paper' ? [{ do: 'tap', target: login('button', 'Paper Trading') } as const] : []),
        ...(step.readOnly ? [{ do: 'tap', target: login('checkbox', 'Read-Only Login') } as const] : []),
        { do: 'type', target: login('textbox', 'Username'), text: { literal: step.user } },
        { do: 'type', target: login('textbox', 'Password'), text: { literal: step.password ?? '' } },
        { do: 'tap', target: login('button', 'Log In') },
      ];
    case 'wait':
      return [{ do: 'advance', ms: step.ms, showMs: shownWait(step.ms) }];
    case 'chooseDevice':
      return [
        { do: 'select', target: login('combobox', 'Select Second Factor Device'), value: step.device },
        { do: 'tap', target: login('button', 'Continue') },
      ];
    case 'enterCode':
      return [
        ...(step.code ? [] : [{ do: 'pause', ms: PACE.read } as const]),
        { do: 'type', target: login('textbox', 'Security Code'), text: step.code ? { literal: step.code } : { read: 'phoneCode' } },
        { do: 'tap', target: login('button', 'Log In') },
      ];
    case 'requestCode':
      return [
        { do: 'tap', target: login('link', "Didn't receive a security code?"), unless: login('button', step.channel === 'voice' ? 'Voice' : 'SMS') },
        { do: 'tap', target: login('button', step.channel === 'voice' ? 'Voice' : 'SMS') },
      ];
    case 'answerCall':
      return [{ do: 'tap', target: { area: 'call', role: 'button', name: 'Accept' } }];
    case 'approvePush':
      return [{ do: 'tap', target: { area: 'phone', role: 'button', contains: 'Login request' } }, ...unlock(step)];
    case 'challengeResponse':
      return [
        { do: 'tap', target: login('link', 'Click here if you do not receive the notification'), ifPresent: true },
        { do: 'pause', ms: PACE.read },
        { do: 'tap', target: { area: 'phone', role: 'button', name: 'Home' } },
        { do: 'tap', target: { area: 'phone', role: 'button', name: 'IBKR Mobile' } },
        // Android keeps Authenticate under Services; iOS shows it on the app's first screen.
        { do: 'tap', target: app('button', 'Services'), unless: app('button', 'Authenticate') },
        { do: 'tap', target: app('button', 'Authenticate') },
        ...(step.method === 'pin' ? [{ do: 'type', target: app('textbox', 'PIN'), text: { literal: step.pin ?? '' } } as const] : []),
        { do: 'type', target: app('textbox', 'Challenge'), text: { read: 'challenge' } },
        { do: 'tap', target: app('button', 'Generate Response') },
        ...(isBiometric(step.method) ? [{ do: 'tap', target: biometric(step.method) } as const] : []),
        { do: 'pause', ms: PACE.read },
        { do: 'type', target: login('textbox', 'Enter response code'), text: { read: 'appResponse' } },
        { do: 'tap', target: login('button', 'OK') },
      ];
    case 'dscplus':
      return [
        { do: 'tap', target: { area: 'fob', role: 'button', name: 'Press' } },
        { do: 'keys', area: 'fob', text: { literal: step.pin } },
        { do: 'keys', area: 'fob', text: { read: 'challenge' } },
        { do: 'pause', ms: PACE.read },
        { do: 'type', target: login('textbox', 'Enter response code'), text: { read: 'fobResponse' } },
        { do: 'tap', target: login('button', 'OK') },
      ];
    case 'codeCard':
      return [
        { do: 'tap', target: login('button', 'View Security Code Card') },
        { do: 'pause', ms: PACE.read },
        { do: 'type', target: login('textbox', 'Card Values'), text: { read: 'cardValues' } },
        { do: 'tap', target: login('button', 'OK') },
      ];
    case 'temporaryPasscode':
      return [
        { do: 'type', target: login('textbox', 'Temporary passcode'), text: step.code ? { literal: step.code } : { read: 'passcode' } },
        { do: 'tap', target: login('button', 'OK') },
      ];
    case 'acceptPaperWarning':
      return [{ do: 'tap', target: login('button', 'I understand and accept') }];
    case 'continueLogin':
      return [{ do: 'tap', target: login('button', 'Continue Login') }];
    case 'cancel':
      // Cancel on a dialog, or Re-login on "Re-login is required": whichever the screen shows.
      return [{ do: 'tap', target: login('button', 'Cancel'), unless: login('button', 'Re-login') }, { do: 'tap', target: login('button', 'Re-login'), ifPresent: true }];
    case 'enrolSms':
      return [
        { do: 'type', target: login('textbox', 'Mobile Number'), text: { literal: step.number } },
        { do: 'tap', target: login('button', 'VERIFY') },
      ];
    case 'confirmEnrolment':
      return [
        { do: 'pause', ms: PACE.read },
        { do: 'type', target: login('textbox', 'Confirmation Number'), text: { read: 'confirmationCode' } },
        { do: 'tap', target: login('button', 'CONTINUE') },
        // The green check in "SMS Verified", then CONTINUE again to finalise.
        { do: 'pause', ms: PACE.read },
        { do: 'tap', target: login('button', 'CONTINUE') },
      ];
    case 'setPhone':
    case 'restart':
    case 'clearAppData':
    case 'seamless':
    case 'setLocale':
    case 'installApp':
    case 'uninstallApp':
    case 'activateIbKey':
    case 'migrateIbKey':
      return [{ do: 'world', step }];
  }
}

/** One script step as the autopilot plays it: the caption, a moment to read it, the actions, a pause. */
export function planStep(step: ScriptStepView): UiAction[] {
  return [{ do: 'caption', caption: captionOf(step) }, { do: 'pause', ms: PACE.caption }, ...actionsOf(step), { do: 'pause', ms: PACE.between }];
}

/** How long an action takes on the take once its text is known (a typed text: a key each). */
export function durationOf(action: UiAction, typed = 0): number {
  switch (action.do) {
    case 'caption':
    case 'select':
      return action.do === 'select' ? PACE.tap : 0;
    case 'tap':
      return PACE.tap;
    case 'type':
      // The tap into the field, then one key per character.
      return PACE.tap + typed * PACE.key;
    case 'keys':
      return typed * PACE.tap;
    case 'pause':
      return action.ms;
    case 'advance':
      return action.showMs;
    case 'world':
      return PACE.tap;
  }
}
