// A scripted person for the headless runner: does each step at the login window and on the phone.
//
// The person acts only through the simulation's API (its operations and views), as the windows do:
// what the runner knows besides is what the scenario file told it (a user's password, a mobile number).
import type { Service } from '../api/operations.js';
import type { DeviceChoice, LoginView, PhoneView, PortalView } from '../api/views.js';
import { SimError } from '../api/errors.js';
import { codeOnPhone, type UnlockMethod } from '../api/vocabulary.js';
import type { Scenario, ScriptStep, WorldAction } from './scenario/schema.js';
import { performWorldAction } from './world-actions.js';
import { activationTokenIn, confirmationCodeIn } from './world-text.js';

/** What the runner drives: the API's operations, and virtual time (which a person waits for). */
export type Driver = Service & { advance(ms: number): void };

export interface StepLog {
  index: number;
  at: number;
  /** The step's kind (`login`, `wait`, `setPhone`). */
  step: string;
  /** The step as the scenario file wrote it (`wait: 5s`). */
  written: string;
  ok: boolean;
  detail: string;
}

class StepFailure extends Error {}

/** The person's memory between steps: who is logging in, and the last answer of the login window and of the Client Portal. */
class Person {
  readonly #windows: Record<'platform' | 'portal', LoginView | null> = { platform: null, portal: null };
  /** Where the last login step logged in: the factor steps after it answer that login. */
  window: 'platform' | 'portal' = 'platform';
  username: string | null = null;

  get login(): LoginView | null {
    return this.#windows[this.window];
  }

  set login(view: LoginView | null) {
    this.#windows[this.window] = view;
  }

  /** The Client Portal's login as it stands now, logged in: the only one its settings accept. */
  portal(): LoginView & { loginId: string; portal: PortalView } {
    const known = this.#windows.portal;
    const now = known?.loginId ? this.api.getLogin({ loginId: known.loginId }) : null;
    if (!now?.loginId || now.step !== 'loggedIn' || !now.portal) {
      throw new StepFailure('the Client Portal is not logged in (a login step with portal: true first, and its second factor answered)');
    }
    this.#windows.portal = now;
    return now as LoginView & { loginId: string; portal: PortalView };
  }

  /** The portal's answer to one of its settings. */
  portalAnswered(view: LoginView): LoginView {
    this.#windows.portal = view;
    return view;
  }

  constructor(
    readonly api: Driver,
    readonly users: Scenario['users'],
    private readonly phones: Scenario['phones'] = [],
  ) {}

  /** The app PIN the scenario gives a phone (what its owner knows). */
  phonePin(phoneId: string): string | undefined {
    return this.phones.find((p) => p.id === phoneId)?.pin;
  }

  /** Waits, a second at a time up to the code lifetime's worth, for an SMS the reader recognises. */
  waitForSms(phoneId: string, recognise: (text: string) => boolean): void {
    const seen = this.api.getPhone({ phoneId }).messages.length;
    for (let waited = 0; waited <= 10 * 60; waited++) {
      const fresh = this.api.getPhone({ phoneId }).messages.slice(seen);
      if (fresh.some((m) => recognise(m.text))) return;
      this.api.advance(1_000);
    }
  }

  password(user: string): string {
    return this.users.find((u) => u.username === user)?.password ?? '';
  }

  need(): LoginView & { loginId: string } {
    const login = this.login;
    if (!login?.loginId) throw new StepFailure('no login in progress (add a login step first)');
    return login as LoginView & { loginId: string };
  }

  /** The devices the user logging in holds now (after an enrolment, the new SMS device too). */
  #devices(): DeviceChoice[] {
    if (!this.username) throw new StepFailure('no user logging in');
    const user = this.api.getWorld({}).users.find((u) => u.username === this.username);
    if (!user) throw new StepFailure(`no user "${this.username}" in this scenario`);
    return user.devices;
  }

  device<K extends DeviceChoice['kind']>(kind: K, what: string): DeviceChoice {
    const device = this.#devices().find((d) => d.kind === kind);
    if (!device) throw new StepFailure(`no ${what} for this user`);
    return device;
  }

  /** The phone the user's codes and calls go to, or the one holding the user's IB Key. */
  phone(kind: 'mobile' | 'ibkey'): PhoneView {
    const devices = this.#devices();
    let phoneId = devices.find((d) => d.kind === (kind === 'ibkey' ? 'ibkey' : 'sms'))?.phoneId ?? undefined;
    if (!phoneId && kind === 'mobile') {
      // A mobile number on record without an SMS device (voice, a number not yet verified).
      const number = this.users.find((u) => u.username === this.username)?.mobile?.number;
      phoneId = number ? this.api.getWorld({}).phones.find((p) => p.number === number)?.id : undefined;
    }
    if (!phoneId) throw new StepFailure(`${this.username} has no ${kind === 'ibkey' ? 'IB Key phone' : 'mobile phone'} in this scenario`);
    return this.api.getPhone({ phoneId });
  }

  /** The login window again, after time passed (unless the login has ended meanwhile). */
  refresh(): void {
    if (!this.login?.loginId) return;
    try {
      this.login = this.api.getLogin({ loginId: this.login.loginId });
    } catch (error) {
      if (!(error instanceof SimError && error.code === 'not_found')) throw error;
    }
  }
}

const outcome = (view: LoginView) => `${view.step}${view.error ? ` (${view.error.code})` : ''}`;

const expectStep = (view: LoginView, ...steps: LoginView['step'][]): LoginView => {
  if (!steps.includes(view.step)) throw new StepFailure(`login is at "${view.step}"${view.error ? ` (${view.error.code})` : ''}, expected ${steps.join(' or ')}`);
  return view;
};

/** Enrolment is open: required (the login waits) or offered on the logged-in screen. */
const enrolling = (view: LoginView & { loginId: string }) => {
  if (!view.enrolment || view.enrolment.verified) throw new StepFailure(`login is at "${view.step}", with no SMS enrolment open`);
  return view;
};

type StepHandlers = { [K in ScriptStep['kind']]: (person: Person, step: Extract<ScriptStep, { kind: K }>) => string };

const world = (person: Person, step: WorldAction) => performWorldAction(person.api, step);

/**
 * The app's IB Key activation after its log in, as the person does it: the Activation Token read off
 * the phone with the user's number (or, with a physical device, the fob's response to the challenge
 * the app shows), typed in; on Android, the PIN chosen (or the one set before, for a reactivation).
 */
function activate(p: Person, phoneId: string, user: string, purpose: 'activate' | 'migrate', pin: string | undefined, method: UnlockMethod | undefined): string {
  const phone = p.api.getPhone({ phoneId });
  const started = p.api.startIbKeyActivation({ phoneId, username: user, password: p.password(user), purpose });
  if (started.error || !started.activation) throw new StepFailure(started.error?.code ?? 'no activation');
  let view = started.activation;
  let token: string | undefined;
  if (view.via === 'dscplus') {
    const serial = view.serial!;
    const fobPin = p.users.find((u) => u.username === user)?.devices.find((d) => d.kind === 'dscplus')?.pin ?? '';
    p.api.fobPress({ serial });
    p.api.fobEnter({ serial, digits: fobPin });
    token = p.api.fobEnter({ serial, digits: view.challenge! }).display;
  } else {
    const number = p.users.find((u) => u.username === user)?.mobile?.number;
    const reader = number ? p.api.getWorld({}).phones.find((ph) => ph.number === number) : undefined;
    if (!reader) throw new StepFailure(`no phone in this scenario has ${user}'s number`);
    p.waitForSms(reader.id, (text) => (token = activationTokenIn(text)) !== undefined);
    if (!token) throw new StepFailure(`no Activation Token has reached ${reader.name}`);
  }
  const ownPin = phone.platform === 'android' ? (pin ?? p.phonePin(phoneId)) : undefined;
  view = p.api.submitActivationToken({ phoneId, token, pin: view.asksCurrentPin ? ownPin : undefined, method: view.asksOwner ? (method ?? phone.app.unlock) : undefined }).activation!;
  if (view.step === 'pin') {
    const chosen = ownPin ?? '';
    view = p.api.setActivationPin({ phoneId, pin: chosen, repeat: chosen }).activation!;
  }
  if (view.step !== 'done') throw new StepFailure(view.error?.code ?? view.step);
  return `${user}: IB Key ${view.purpose === 'migrate' ? 'migrated to' : view.purpose === 'reactivate' ? 'reactivated on' : 'activated on'} ${phone.name}`;
}

/** One handler per kind of step; a kind added to the schema without one here does not compile. */
const handlers: StepHandlers = {
  login(p, { user, password, mode, readOnly, elsewhere, phone, portal }) {
    if (portal && (phone || readOnly)) throw new StepFailure('portal: true is the Client Portal\'s own login: no phone, no Read-Only Login');
    // The login window and the Client Portal keep a login each: this step uses the one it names.
    p.window = portal ? 'portal' : 'platform';
    p.refresh();
    p.username = user;
    if (phone) {
      p.login = p.api.submitCredentials({ username: user, password: password ?? p.password(user), mode, phoneId: phone });
      return `${user} (in the app on ${phone}) → ${outcome(p.login)}`;
    }
    // The same window: a person logs out of the session it shows before logging in again.
    if (!elsewhere && p.login?.loginId && p.login.step === 'loggedIn') p.api.logOut({ loginId: p.login.loginId });
    p.login = p.api.submitCredentials({ username: user, password: password ?? p.password(user), mode, ...(readOnly ? { readOnly } : {}), ...(portal ? { surface: 'portal' as const } : {}) });
    return `${user}${portal ? ' (Client Portal)' : ''} → ${outcome(p.login)}`;
  },
  wait(p, { ms }) {
    p.api.advance(ms);
    p.refresh();
    return `${ms / 1000} s`;
  },
  chooseDevice(p, { device }) {
    p.login = p.api.chooseDevice({ loginId: p.need().loginId, deviceId: device });
    return p.login.step;
  },
  enterCode(p, { code }) {
    const loginId = p.need().loginId;
    if (!code) {
      const phone = p.phone('mobile');
      code = codeOnPhone(phone);
      if (!code) throw new StepFailure(`no security code has reached ${phone.name}`);
    }
    p.login = p.api.submitCode({ loginId, code });
    return outcome(p.login);
  },
  requestCode(p, { channel }) {
    p.login = p.api.requestNewCode({ loginId: p.need().loginId, channel });
    if (p.login.error) throw new StepFailure(p.login.error.code);
    return channel;
  },
  answerCall(p) {
    const phone = p.phone('mobile');
    const call = phone.calls.find((c) => c.state === 'ringing');
    if (!call) throw new StepFailure(`${phone.name} is not ringing`);
    p.api.answerCall({ phoneId: phone.id, callId: call.id });
    return 'answered';
  },
  approvePush(p, { method, pin }) {
    const loginId = p.need().loginId;
    const phone = p.phone('ibkey');
    const pending = phone.app.pendingApprovals.find((a) => a.loginId === loginId);
    if (!pending) throw new StepFailure(`no login request has reached ${phone.name}`);
    const result = p.api.approvePush({ phoneId: phone.id, loginId, method, pin });
    if (!result.ok) throw new StepFailure(result.message.code);
    p.login = p.api.getLogin({ loginId });
    return p.login.step;
  },
  challengeResponse(p, { method, pin }) {
    let view: LoginView = p.need();
    if (view.step === 'push') view = p.api.requestChallenge({ loginId: view.loginId! });
    expectStep(view, 'challenge');
    const phone = p.phone('ibkey');
    const app = p.api.generateResponse({ phoneId: phone.id, challenge: view.challenge!, method, pin });
    if (!app.ok) throw new StepFailure(`${phone.name}: ${app.message.code}`);
    p.login = p.api.submitResponse({ loginId: view.loginId!, response: app.response! });
    return outcome(p.login);
  },
  dscplus(p, { pin }) {
    const view = expectStep(p.need(), 'dscplus');
    const serial = p.device('dscplus', 'DSC+').serial!;
    p.api.fobPress({ serial });
    const afterPin = p.api.fobEnter({ serial, digits: pin });
    if (afterPin.state !== 'challenge') throw new StepFailure(`fob shows ${afterPin.display || 'nothing'} after the PIN`);
    const fob = p.api.fobEnter({ serial, digits: view.challenge! });
    p.login = p.api.submitResponse({ loginId: view.loginId!, response: fob.display });
    return p.login.step;
  },
  codeCard(p) {
    const view = expectStep(p.need(), 'codecard');
    const card = p.api.getCodeCard({ serial: p.device('codecard', 'Security Code Card').serial! });
    const [a, b] = view.cardIndexes!;
    const value = (i: number) => card.entries.find((e) => e.index === i)!.value;
    p.login = p.api.submitResponse({ loginId: view.loginId!, response: value(a) + value(b) });
    return p.login.step;
  },
  temporaryPasscode(p, { code }) {
    const { loginId } = p.need();
    expectStep(p.need(), 'temporaryPasscode');
    // What client services said on the phone: the passcode on record for this login.
    const told = p.api.listPending({ username: p.username ?? undefined }).find((e) => e.loginId === loginId && e.kind === 'passcode')?.code;
    const typed = code ?? told;
    if (!typed) throw new StepFailure('no temporary passcode was issued for this user');
    p.login = p.api.submitResponse({ loginId, response: typed });
    return p.login.step;
  },
  enrolSms(p, { number }) {
    p.login = p.api.enrolSms({ loginId: enrolling(p.need()).loginId, number });
    if (p.login.error) throw new StepFailure(p.login.error.code);
    return number;
  },
  confirmEnrolment(p) {
    const view = enrolling(p.need());
    const phoneId = view.enrolment?.phoneId;
    if (!phoneId) throw new StepFailure(`no phone in this scenario answers ${view.enrolment?.number ?? 'the number (press VERIFY first)'}`);
    const phone = p.api.getPhone({ phoneId });
    const code = confirmationCodeIn(phone.messages.at(-1)?.text ?? '');
    if (!code) throw new StepFailure(`no confirmation code has reached ${phone.name}`);
    p.login = p.api.confirmSmsEnrolment({ loginId: view.loginId, code });
    // The green check in "SMS Verified": CONTINUE again finalises (a refused code leaves it unchecked).
    if (p.login.enrolment?.verified) p.login = p.api.finishSmsEnrolment({ loginId: view.loginId });
    return outcome(p.login);
  },
  verifyNumber(p, { number }) {
    const view = p.portalAnswered(p.api.verifyMobileNumber({ loginId: p.portal().loginId, number }));
    if (view.error) throw new StepFailure(view.error.code);
    return number;
  },
  confirmNumber(p, { code }) {
    const { loginId, portal } = p.portal();
    const verifying = portal.verification;
    if (!verifying) throw new StepFailure('no number is being verified (a verifyNumber step first)');
    let typed = code;
    if (!typed) {
      if (!verifying.phoneId) throw new StepFailure(`no phone in this scenario answers ${verifying.number}`);
      const phone = p.api.getPhone({ phoneId: verifying.phoneId });
      typed = confirmationCodeIn(phone.messages.at(-1)?.text ?? '');
      if (!typed) throw new StepFailure(`no Confirm Code has reached ${phone.name}`);
    }
    let view = p.api.confirmMobileNumber({ loginId, code: typed });
    // The green check under "SMS Verified": CONTINUE again finalises (a refused code leaves it unchecked).
    if (view.portal?.verification?.confirmed) view = p.api.finishMobileVerification({ loginId });
    p.portalAnswered(view);
    return view.error ? `refused (${view.error.code})` : `${verifying.number} verified`;
  },
  saveSeamless(p, { enabled }) {
    const view = p.portalAnswered(p.api.saveSeamless({ loginId: p.portal().loginId, enabled }));
    if (view.error) throw new StepFailure(view.error.code);
    return `Seamless Authentication ${enabled ? 'on' : 'off'}`;
  },
  optOut(p) {
    const view = p.portalAnswered(p.api.optOutOfSls({ loginId: p.portal().loginId }));
    return view.error ? `refused (${view.error.code})` : 'opted out';
  },
  acceptPaperWarning(p) {
    p.login = p.api.acceptPaperWarning({ loginId: p.need().loginId });
    return p.login.step;
  },
  continueLogin(p) {
    expectStep(p.need(), 'existingSession');
    p.login = p.api.continueLogin({ loginId: p.need().loginId });
    return outcome(p.login);
  },
  cancel(p) {
    p.login = p.api.cancelLogin({ loginId: p.need().loginId });
    return p.login.step;
  },
  installApp(p, { phone }) {
    p.api.installApp({ phoneId: phone });
    return `the app installed on ${phone}`;
  },
  uninstallApp(p, { phone }) {
    p.api.uninstallApp({ phoneId: phone });
    return `the app removed from ${phone}`;
  },
  activateIbKey: (p, { phone, user, pin, method }) => activate(p, phone, user, 'activate', pin, method),
  migrateIbKey: (p, { phone, user, pin }) => activate(p, phone, user, 'migrate', pin, undefined),
  setPhone: world,
  restart: world,
  clearAppData: world,
  seamless: world,
  setLocale: world,
};

function perform(person: Person, step: ScriptStep): string {
  // The one cast: TypeScript does not relate a step's kind to its handler's parameter.
  return (handlers[step.kind] as (person: Person, step: ScriptStep) => string)(person, step);
}

/** Runs the scenario's script; stops at the first step that cannot be done, saying why. */
export function runScript(api: Driver, scenario: Pick<Scenario, 'script' | 'users'> & Partial<Pick<Scenario, 'phones'>>): StepLog[] {
  const person = new Person(api, scenario.users, scenario.phones);
  const log: StepLog[] = [];
  for (const [index, step] of scenario.script.entries()) {
    const entry = { index, at: api.getClock({}).now, step: step.kind, written: step.written };
    try {
      log.push({ ...entry, ok: true, detail: perform(person, step) });
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      log.push({ ...entry, ok: false, detail });
      break;
    }
  }
  return log;
}
