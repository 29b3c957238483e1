// The autopilot's planner: each script step as what a person does at the windows (taps, typing, pauses), on a fixed schedule.
//
// Pure: a step in, a list of UI actions out. What only the screen can tell (the code in the SMS, the
// challenge, the app's response) is named as a `read`, which the player resolves when it gets there.
import type { ScriptStepView } from '../../main/api/script-view';
import { LOCALE_NAMES, type UnlockMethod } from '../../main/api/vocabulary';
import type { MessageId } from '../i18n/keys';
import { isBiometric, unlockLabelId } from './unlock';

/**
 * Where on the stage an element is: the login the stage shows (the login window, or the Client Portal
 * on its tab: a factor step answers whichever login the step before started), the Client Portal, the
 * phone, the broker's app on it, a call, the fob, the card.
 */
export type Area = 'login' | 'portal' | 'phone' | 'app' | 'call' | 'fob' | 'card';

/**
 * What an element is called, whatever the windows' language: a catalogue message (rendered in the
 * active catalogue when the player looks for it, so a take plays in French as in English), words the
 * same in every language (a key printed on the fob), or what the phone shows (the push's title, in
 * its owner's language, which need not be the windows').
 */
export type Words = { id: MessageId } | { literal: string } | { shown: 'pushTitle' };

/** An element found as a person (and the end-to-end tests) find it: by its role and accessible name, or a text it shows. */
export interface Target {
  area: Area;
  role: 'button' | 'textbox' | 'link' | 'combobox' | 'checkbox' | 'menuitem' | 'switch';
  /** The exact accessible name; or, for `contains`, any element of the role whose text includes it. */
  name?: Words;
  contains?: Words;
  /** A switch only in this state (aria-checked). */
  checked?: boolean;
}

/** What the person reads off a screen before typing it. */
export type Reading = 'phoneCode' | 'challenge' | 'appResponse' | 'fobResponse' | 'cardValues' | 'passcode' | 'confirmationCode';
export type Text = { literal: string } | { read: Reading };

/** The caption strip's words: the scenario's own, or a kind's default (worded by the UI in its language). */
export type Caption = { text: string } | { kind: ScriptStepView['kind']; values: Record<string, string | number> };

export type UiAction =
  | { do: 'caption'; caption: Caption }
  /** The stage's tab (the login window's, or the Client Portal's): tapped when the stage shows the other one. */
  | { do: 'tab'; tab: 'platform' | 'portal' }
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

const login = (role: Target['role'], id: MessageId): Target => ({ area: 'login', role, name: { id } });
const portal = (role: Target['role'], id: MessageId): Target => ({ area: 'portal', role, name: { id } });
/** User menu → Settings, in the Client Portal. */
const portalSettings: UiAction[] = [
  { do: 'tap', target: portal('button', 'portal.userMenu') },
  { do: 'tap', target: portal('menuitem', 'portal.menu.settings') },
];
const app = (role: Target['role'], id: MessageId): Target => ({ area: 'app', role, name: { id } });
const phone = (id: MessageId): Target => ({ area: 'phone', role: 'button', name: { id } });
/** A biometric's button: in the app, except Touch ID, which may be the phone's own Home button (the iPhone SE's). */
const biometric = (method: UnlockMethod): Target => (method === 'touchid' ? phone(unlockLabelId(method)) : app('button', unlockLabelId(method)));

/** The step's caption: the scenario's words when it has them, else the kind's default with the step's values. */
export function captionOf(step: ScriptStepView): Caption {
  if (step.caption) return { text: step.caption };
  switch (step.kind) {
    case 'login':
      return { kind: step.kind, values: { user: step.user, mode: step.mode, ...(step.portal ? { portal: 'yes' } : {}) } };
    case 'verifyNumber':
      return { kind: step.kind, values: { number: step.number } };
    case 'saveSeamless':
      return { kind: step.kind, values: { enabled: step.enabled ? 'on' : 'off' } };
    case 'wait':
      return { kind: step.kind, values: { seconds: Math.round(step.ms / 1000) } };
    case 'chooseDevice':
      return { kind: step.kind, values: { device: step.device } };
    case 'requestCode':
      return { kind: step.kind, values: { channel: step.channel } };
    case 'approvePush':
    case 'challengeResponse':
      // The method's name is worded with the caption, in the language the strip shows then.
      return { kind: step.kind, values: { method: step.method } };
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
  if (method.method === 'passcode') return [{ do: 'tap', target: app('button', 'ibkr.enterPasscode') }];
  return [
    // A phone with a fingerprint offers the PIN behind "Use PIN".
    { do: 'tap', target: app('button', 'ibkr.usePin'), ifPresent: true },
    { do: 'type', target: app('textbox', 'ibkr.pin'), text: { literal: method.pin ?? '' } },
    { do: 'tap', target: app('button', 'ibkr.confirm') },
  ];
}

/** The step's actions after its caption, before the pause that ends it. */
function actionsOf(step: ScriptStepView): UiAction[] {
  switch (step.kind) {
    case 'login':
      if (step.portal)
        return [
          { do: 'tab', tab: 'portal' },
          // A portal still logged in from the step before is logged out first: User menu → Log Out.
          { do: 'tap', target: portal('button', 'portal.userMenu'), ifPresent: true },
          { do: 'tap', target: portal('menuitem', 'portal.menu.logOut'), ifPresent: true },
          { do: 'type', target: portal('textbox', 'login.username'), text: { literal: step.user } },
          { do: 'type', target: portal('textbox', 'login.password'), text: { literal: step.password ?? '' } },
          { do: 'tap', target: portal('button', 'login.logIn') },
        ];
      return [
        { do: 'tab', tab: 'platform' },
        // A window still logged in from the step before is logged out first, as a person would.
        ...(step.elsewhere ? [] : [{ do: 'tap', target: login('button', 'login.logOut'), ifPresent: true } as const]),
        // The window opens on Live Trading: a person switches only for a paper login.
        ...(step.mode === 'paper' ? [{ do: 'tap', target: login('button', 'login.mode.paper') } as const] : []),
        ...(step.readOnly ? [{ do: 'tap', target: login('checkbox', 'login.readOnly.option') } as const] : []),
        { do: 'type', target: login('textbox', 'login.username'), text: { literal: step.user } },
        { do: 'type', target: login('textbox', 'login.password'), text: { literal: step.password ?? '' } },
        { do: 'tap', target: login('button', 'login.logIn') },
      ];
    case 'wait':
      return [{ do: 'advance', ms: step.ms, showMs: shownWait(step.ms) }];
    case 'chooseDevice':
      return [
        { do: 'select', target: login('combobox', 'login.selectDevice.label'), value: step.device },
        { do: 'tap', target: login('button', 'login.continue') },
      ];
    case 'enterCode':
      return [
        ...(step.code ? [] : [{ do: 'pause', ms: PACE.read } as const]),
        { do: 'type', target: login('textbox', 'login.securityCode'), text: step.code ? { literal: step.code } : { read: 'phoneCode' } },
        { do: 'tap', target: login('button', 'login.logIn') },
      ];
    case 'requestCode':
      return [
        { do: 'tap', target: login('link', 'login.resend.link'), unless: login('button', step.channel === 'voice' ? 'login.resend.voice' : 'login.resend.sms') },
        { do: 'tap', target: login('button', step.channel === 'voice' ? 'login.resend.voice' : 'login.resend.sms') },
      ];
    case 'answerCall':
      return [{ do: 'tap', target: { area: 'call', role: 'button', name: { id: 'phone.call.accept' } } }];
    case 'approvePush':
      return [{ do: 'tap', target: { area: 'phone', role: 'button', contains: { shown: 'pushTitle' } } }, ...unlock(step)];
    case 'challengeResponse':
      return [
        // The login window's link, or the Client Portal's (the re-sync article's words).
        { do: 'tap', target: login('link', 'login.push.fallback'), ifPresent: true },
        { do: 'tap', target: login('link', 'login.push.fallbackPortal'), ifPresent: true },
        { do: 'pause', ms: PACE.read },
        { do: 'tap', target: phone('phone.home') },
        { do: 'tap', target: { area: 'phone', role: 'button', name: { literal: 'IBKR Mobile' } } },
        // Android keeps Authenticate under Services; iOS shows it on the app's first screen.
        { do: 'tap', target: app('button', 'ibkr.services'), unless: app('button', 'ibkr.authenticate') },
        { do: 'tap', target: app('button', 'ibkr.authenticate') },
        ...(step.method === 'pin' ? [{ do: 'type', target: app('textbox', 'ibkr.pin'), text: { literal: step.pin ?? '' } } as const] : []),
        { do: 'type', target: app('textbox', 'ibkr.challenge'), text: { read: 'challenge' } },
        // The PIN is typed on Android, whose button is "Generate Passcode" (FAQ); iOS's is "Generate Response".
        { do: 'tap', target: app('button', step.method === 'pin' ? 'ibkr.generate.android' : 'ibkr.generate.ios') },
        ...(isBiometric(step.method) ? [{ do: 'tap', target: biometric(step.method) } as const] : []),
        { do: 'pause', ms: PACE.read },
        { do: 'type', target: login('textbox', 'login.challenge.response'), text: { read: 'appResponse' } },
        { do: 'tap', target: login('button', 'login.ok') },
      ];
    case 'dscplus':
      return [
        { do: 'tap', target: { area: 'fob', role: 'button', name: { id: 'devices.fob.press' } } },
        { do: 'keys', area: 'fob', text: { literal: step.pin } },
        { do: 'keys', area: 'fob', text: { read: 'challenge' } },
        { do: 'pause', ms: PACE.read },
        { do: 'type', target: login('textbox', 'login.challenge.response'), text: { read: 'fobResponse' } },
        { do: 'tap', target: login('button', 'login.ok') },
      ];
    case 'codeCard':
      return [
        { do: 'tap', target: login('button', 'login.card.view') },
        { do: 'pause', ms: PACE.read },
        { do: 'type', target: login('textbox', 'login.card.values'), text: { read: 'cardValues' } },
        { do: 'tap', target: login('button', 'login.ok') },
      ];
    case 'temporaryPasscode':
      return [
        { do: 'type', target: login('textbox', 'login.passcode.field'), text: step.code ? { literal: step.code } : { read: 'passcode' } },
        { do: 'tap', target: login('button', 'login.ok') },
      ];
    case 'acceptPaperWarning':
      return [{ do: 'tap', target: login('button', 'login.paper.accept') }];
    case 'continueLogin':
      return [{ do: 'tap', target: login('button', 'login.existing.continue') }];
    case 'cancel':
      // Cancel on a dialog, or Re-login on "Re-login is required": whichever the screen shows.
      return [{ do: 'tap', target: login('button', 'login.cancel'), unless: login('button', 'login.relogin.button') }, { do: 'tap', target: login('button', 'login.relogin.button'), ifPresent: true }];
    case 'enrolSms':
      return [
        { do: 'type', target: login('textbox', 'login.enrol.mobileNumber'), text: { literal: step.number } },
        { do: 'tap', target: login('button', 'login.enrol.verify') },
      ];
    case 'confirmEnrolment':
      return [
        { do: 'pause', ms: PACE.read },
        { do: 'type', target: login('textbox', 'login.enrol.confirmationNumber'), text: { read: 'confirmationCode' } },
        { do: 'tap', target: login('button', 'login.enrol.continue') },
        // The green check in "SMS Verified", then CONTINUE again to finalise.
        { do: 'pause', ms: PACE.read },
        { do: 'tap', target: login('button', 'login.enrol.continue') },
      ];
    case 'verifyNumber':
      return [
        ...portalSettings,
        { do: 'tap', target: portal('button', 'portal.settings.configureMobile') },
        { do: 'type', target: portal('textbox', 'portal.mobile.number'), text: { literal: step.number } },
        { do: 'tap', target: portal('button', 'portal.mobile.verify') },
      ];
    case 'confirmNumber':
      return [
        { do: 'pause', ms: PACE.read },
        { do: 'type', target: portal('textbox', 'portal.mobile.confirmation'), text: step.code ? { literal: step.code } : { read: 'confirmationCode' } },
        { do: 'tap', target: portal('button', 'portal.mobile.continue') },
        // The code read off the phone: the green check under "SMS Verified", then CONTINUE again to finalise.
        ...(step.code ? [] : [{ do: 'pause', ms: PACE.read } as const, { do: 'tap', target: portal('button', 'portal.mobile.continue') } as const]),
      ];
    case 'saveSeamless':
      return [
        ...portalSettings,
        { do: 'tap', target: portal('button', 'portal.settings.sls') },
        // The wheel (Configure) beside Seamless Authentication, the switch turned only if it is not as wanted, then Save.
        { do: 'tap', target: portal('button', 'portal.sls.configure') },
        { do: 'tap', target: { ...portal('switch', 'portal.sls.seamless'), checked: !step.enabled }, ifPresent: true },
        { do: 'tap', target: portal('button', 'portal.sls.save') },
      ];
    case 'optOut':
      return [...portalSettings, { do: 'tap', target: portal('button', 'portal.settings.sls') }, { do: 'tap', target: portal('button', 'portal.sls.optOut') }, { do: 'pause', ms: PACE.read }];
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
    case 'tab':
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
