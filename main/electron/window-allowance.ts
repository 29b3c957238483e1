// What each window of the desktop app may call and which host events it receives: the one table, by window role.
//
// The main process enforces it (ipc.ts): a window is told apart by its web contents, not by what its
// page says, so a login window that switches its own hash to #director is still the login window.
// The secrets (live codes, expected responses) stay with the Director, the trainer's console; the
// login window never gets them, as a real login window never would.
//
// The browser host (npm run web) serves every part of the stage from one origin and one session, so
// there this split is not enforced: any page of that session may call every operation.
import type { HostEventType } from '../api/events.js';
import type { OperationName } from '../api/names.js';
import type { PendingView } from '../api/views.js';
import { windowNames, type WindowName } from './store.js';

/** A window's role is the kind of window it is (one of each at most, windows.ts); the stage window plays the Director's. */
export type WindowRole = Exclude<WindowName, 'stage'>;

/**
 * The stage window is the browser host's stage in one window: the login window, the phone, the
 * devices and the docked Director together, the trainer's whole desk, where the autopilot plays a
 * take. It holds what the Director holds (the pending codes, the script), so it has its role.
 */
export function roleOf(name: WindowName): WindowRole {
  return name === 'stage' ? 'director' : name;
}

/** Every role, each a kind of window. */
export const windowRoles: readonly WindowRole[] = windowNames.filter((name): name is WindowRole => name !== 'stage');

/**
 * How a role may call an operation: `full`, or `names` for listPending, whose answer then keeps who
 * waits for which step and drops the codes, challenges and expected responses.
 */
export type Grant = 'full' | 'names';

type OperationGrants = { readonly [N in OperationName]: Readonly<Partial<Record<WindowRole, N extends 'listPending' ? Grant : 'full'>>> };

const F = 'full' as const;
/** Reading the world and the clock: every window shows the scenario's branding and virtual time. */
const everyone = { login: F, phone: F, director: F, fob: F, card: F, portal: F } as const;

/**
 * Which window may call which operation. Keyed by every name of main/api/names.ts, so a new
 * operation does not compile until it is placed here. The Director may call everything.
 */
export const operationGrants: OperationGrants = {
  // The login window's screens; the phone's broker app logs in with the same steps (a "trading device").
  submitCredentials: { login: F, portal: F, phone: F, director: F },
  chooseDevice: { login: F, portal: F, phone: F, director: F },
  changeDevice: { login: F, portal: F, director: F },
  submitCode: { login: F, portal: F, phone: F, director: F },
  requestNewCode: { login: F, portal: F, director: F },
  requestChallenge: { login: F, portal: F, phone: F, director: F },
  submitResponse: { login: F, portal: F, phone: F, director: F },
  continueLogin: { login: F, phone: F, director: F },
  acceptPaperWarning: { login: F, portal: F, phone: F, director: F },
  cancelLogin: { login: F, portal: F, phone: F, director: F },
  logOut: { login: F, portal: F, phone: F, director: F },
  getLogin: { login: F, portal: F, director: F },
  enrolSms: { login: F, portal: F, director: F },
  confirmSmsEnrolment: { login: F, portal: F, director: F },
  finishSmsEnrolment: { login: F, portal: F, director: F },

  // The Client Portal's settings, on a portal login (the login window logs in to the trading platform only).
  verifyMobileNumber: { portal: F, director: F },
  confirmMobileNumber: { portal: F, director: F },
  finishMobileVerification: { portal: F, director: F },
  saveSeamless: { portal: F, director: F },
  optOutOfSls: { portal: F, director: F },

  // The phone: its screens, its settings, IB Key and calls. Its messages carry the codes: not for the login window.
  getPhone: { phone: F, director: F },
  markMessagesRead: { phone: F, director: F },
  dismissNotification: { phone: F, director: F },
  setPhoneState: { phone: F, director: F },
  restartPhone: { phone: F, director: F },
  clearAppData: { phone: F, director: F },
  approvePush: { phone: F, director: F },
  generateResponse: { phone: F, director: F },
  answerCall: { phone: F, director: F },
  endCall: { phone: F, director: F },
  // The app store and the app's IB Key activation (first, again, migration): on the phone.
  installApp: { phone: F, director: F },
  uninstallApp: { phone: F, director: F },
  startIbKeyActivation: { phone: F, director: F },
  resendActivationToken: { phone: F, director: F },
  submitActivationToken: { phone: F, director: F },
  setActivationPin: { phone: F, director: F },

  // The physical devices, each in its own window.
  getFob: { fob: F, director: F },
  fobPress: { fob: F, director: F },
  fobEnter: { fob: F, director: F },
  getCodeCard: { card: F, director: F },

  getWorld: everyone,
  getClock: everyone,

  // The Director's console: faults, time, scenarios, the journal and the secrets.
  setSeamless: { director: F },
  addPhone: { director: F },
  // The Director's language switch; the menu's View → Language calls the simulation in the main process.
  setLocale: { director: F },
  resetFob: { director: F },
  advanceClock: { director: F },
  setClockRunning: { director: F },
  getJournal: { director: F },
  getScenario: { director: F },
  // The script carries the users' passwords (a login step types one): the trainer's console only.
  getScript: { director: F },
  resetWorld: { director: F },
  // A fob or card window opened mid-login shows the device that login waits for: it needs who waits, not the codes.
  listPending: { director: F, fob: 'names', card: 'names' },
  listScenarios: { director: F },
  loadScenario: { director: F },
  getReasons: { director: F },
  // The saved world holds every password and secret of the scenario, as the Director does.
  exportWorld: { director: F },
};

/** Who may ask the main process to save the world to a file it picks (IPC_SAVE_WORLD_CHANNEL): the Director, as for exportWorld. */
export const saveWorldRoles: readonly WindowRole[] = ['director'];

/**
 * Which window receives which host event. Phone events carry the messages with their codes, so the
 * login window does not get them; the journal is the Director's.
 */
export const eventGrants: { readonly [T in HostEventType]: readonly WindowRole[] } = {
  journal: ['director'],
  login: ['login', 'phone', 'director', 'fob', 'card', 'portal'],
  phone: ['phone', 'director'],
  clock: ['login', 'phone', 'director', 'fob', 'card', 'portal'],
  fob: ['fob', 'director'],
  world: ['login', 'phone', 'director', 'fob', 'card', 'portal'],
};

/** How `role` may call `name`, or null when it may not. */
export function grantFor(name: OperationName, role: WindowRole): Grant | null {
  const grants: Partial<Record<WindowRole, Grant>> = operationGrants[name];
  return Object.hasOwn(grants, role) ? (grants[role] ?? null) : null;
}

export function receivesEvent(type: HostEventType, role: WindowRole): boolean {
  return eventGrants[type].includes(role);
}

/**
 * listPending as a fob or card window sees it: who waits for which step, without a secret. Every
 * field is written out, so a field added to PendingView must be decided on here.
 */
export function pendingNamesOnly(pending: readonly PendingView[]): PendingView[] {
  return pending.map((p) => ({
    username: p.username,
    loginId: p.loginId,
    step: p.step,
    kind: p.kind,
    code: null,
    challenge: null,
    cardIndexes: null,
    expectedResponse: null,
    expiresAt: p.expiresAt,
  }));
}
