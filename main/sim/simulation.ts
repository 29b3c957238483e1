// The simulation as a service: every API operation, and the events the hosts push to windows.
import type { HostEvent } from '../api/events.js';
import type { RequestOf, ResponseOf, Service } from '../api/operations.js';
import type { AddPhoneAnswer, ClockView, LoadScenarioResult, MobileAppView, PendingView, PhoneView, ScenarioSummary, ScenarioView, WorldExportView, WorldView } from '../api/views.js';
import type { ScriptView } from '../api/script-view.js';
import { parseScenario, type ScenarioResult } from './scenario/load.js';
import type { Fob } from './fob.js';
import { SimError } from '../api/errors.js';
import { LoginServer } from './login.js';
import { IbKeyActivations } from './ibkey-activation.js';
import { enrolmentOf, pushReachedPhone, type LoginAttempt } from './login-attempt.js';
import { factorPending } from './factors/registry.js';
import type { Phone } from './phone.js';
import type { Scenario, TimelineEntry } from './scenario/schema.js';
import { World } from './world.js';
import { addedPhone } from './added-phone.js';
import { reasonList, type ReasonView } from '../api/reasons.js';
import { worldActionHandler } from './world-actions.js';
import { exportFileName, exportWorldYaml } from './world-export.js';
import type { Locale } from '../api/vocabulary.js';

type Listener = (event: HostEvent) => void;

/** Where built-in scenarios come from: handed in by the host, like the clock (the simulation reads no files). */
export interface ScenarioLibrary {
  list(): ScenarioSummary[];
  read(name: string): ScenarioResult | null;
}

export interface SimulationOptions {
  library?: ScenarioLibrary;
  /** Told after a scenario was loaded through the API (Electron remembers the last one). */
  onLoaded?: (source: { name: string } | { fileName: string }) => void;
  /** The windows' language when the first scenario names none (the desktop app's remembered one); default en. */
  locale?: Locale;
}

export class Simulation implements Service {
  #world!: World;
  /** The scenario as loaded: a reset starts from it again (what the run added, e.g. a phone, goes). */
  #loaded!: Scenario;
  #logins!: LoginServer;
  #activations!: IbKeyActivations;
  #running = true;
  /** The windows' language: the scenario's `locale` when it sets one, else the one already shown. */
  #locale: Locale;
  #listeners = new Set<Listener>();
  #lastClockSecond = -1;
  #unsubscribeJournal: () => void = () => {};

  constructor(
    scenario: Scenario,
    private readonly options: SimulationOptions = {},
  ) {
    this.#locale = options.locale ?? 'en';
    this.#start(scenario);
  }

  get scenario(): Scenario {
    return this.#world.scenario;
  }

  get world(): World {
    return this.#world;
  }

  /** Whether the real-time pacer of a host should move the clock. */
  get running(): boolean {
    return this.#running;
  }

  on(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Replaces the running scenario; windows get a fresh world view. */
  load(scenario: Scenario): void {
    this.#start(scenario);
    this.#emit({ type: 'world', world: this.getWorld() });
  }

  /** Moves virtual time; hosts call this from their pacer, tests and the director through advanceClock. */
  advance(ms: number): void {
    this.#world.clock.advance(ms);
    this.#flush();
  }

  #start(scenario: Scenario): void {
    this.#unsubscribeJournal();
    this.#loaded = scenario;
    // The run's own list of phones: "Add a phone" adds to it, not to the scenario a reset starts from.
    this.#world = new World({ ...scenario, phones: [...scenario.phones] });
    // A file that sets a language wins; one that does not keeps the windows as they are.
    if (scenario.locale) this.#locale = scenario.locale;
    this.#logins = new LoginServer(this.#world);
    const logins = this.#logins;
    this.#activations = new IbKeyActivations(this.#world, (username, password) => logins.verifyPassword(username, password));
    this.#unsubscribeJournal = this.#world.journal.onEntry((entry) => this.#emit({ type: 'journal', entry }));
    this.#lastClockSecond = -1;
    const { clock } = this.#world;
    scenario.timeline.forEach((entry, index) => clock.at(clock.startedAt + entry.at, () => this.#fireTimeline(entry, index)));
  }

  /** A timeline entry acts through the same operations (and the same handlers) as the runner's script. */
  #fireTimeline(entry: TimelineEntry, index: number): void {
    const handler = worldActionHandler(entry.action);
    this.#world.firedTimeline.add(index);
    this.#world.journal.record({ type: 'timeline.fired', index, description: entry.note ?? handler.describe(entry.action) });
    handler.run(this, entry.action);
  }

  #emit(event: HostEvent): void {
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch {
        // One broken window must not stop the others, nor the simulation.
      }
    }
  }

  /** Pushes what changed since the last operation or clock step. */
  #flush(): void {
    const w = this.#world;
    // Nobody listening (the headless runner, a control-API-only host): no views to build.
    if (this.#listeners.size === 0) {
      w.dirtyLogins.clear();
      w.announcedLogins.length = 0;
      w.dirtyPhones.clear();
      w.dirtyFobs.clear();
      return;
    }
    for (const login of w.announcedLogins.splice(0)) this.#emit({ type: 'login', login });
    for (const attempt of w.dirtyLogins) {
      if (w.logins.has(attempt.id)) this.#emit({ type: 'login', login: this.#logins.view(attempt) });
      // A login changing can change what a phone's app shows: its pending approvals (a phone holding
      // the user's IB Key) and the app's own login (the phone it comes from). No other phone.
      for (const phone of this.#phonesShowing(attempt)) w.dirtyPhones.add(phone);
    }
    w.dirtyLogins.clear();
    for (const phone of w.dirtyPhones) this.#emit({ type: 'phone', phone: this.#phoneView(phone) });
    w.dirtyPhones.clear();
    for (const fob of w.dirtyFobs) this.#emit({ type: 'fob', fob: fob.view() });
    w.dirtyFobs.clear();
    const second = Math.floor(w.clock.now() / 1000);
    if (second !== this.#lastClockSecond) {
      this.#lastClockSecond = second;
      this.#emit({ type: 'clock', clock: this.getClock() });
    }
  }

  #op<T>(run: () => T): T {
    try {
      return run();
    } finally {
      this.#flush();
    }
  }

  #phone(phoneId: string): Phone {
    const phone = this.#world.phones.get(phoneId);
    if (!phone) throw new SimError('not_found', `No phone "${phoneId}" in this scenario`);
    return phone;
  }

  /** The phones whose view may show this login: its own phone (the app's login) and those holding its user's IB Key. */
  #phonesShowing(attempt: LoginAttempt): Phone[] {
    const w = this.#world;
    const ids = new Set<string>();
    if (attempt.fromPhone) ids.add(attempt.fromPhone);
    for (const device of attempt.account.spec.devices) if (device.kind === 'ibkey') ids.add(device.phone);
    const phones: Phone[] = [];
    for (const id of ids) {
      const phone = w.phones.get(id);
      if (phone) phones.push(phone);
    }
    return phones;
  }

  #phoneView(phone: Phone): PhoneView {
    const w = this.#world;
    const now = w.clock.now();
    const pendingApprovals: MobileAppView['pendingApprovals'] = [];
    for (const attempt of w.logins.values()) {
      // Only requests that actually reached the phone can be answered from it (the server checks the same).
      if (!pushReachedPhone(attempt, phone.id)) continue;
      pendingApprovals.push({
        loginId: attempt.id,
        username: attempt.account.spec.username,
        product: w.scenario.branding.product,
        at: now,
        expiresAt: attempt.push.expiresAt,
      });
    }
    const appLoginId = w.appLogins.get(phone.id);
    const appLogin = appLoginId ? w.logins.get(appLoginId) : undefined;
    const { app } = phone;
    return phone.view(now, {
      installed: app.installed,
      ibkeyUser: app.ibkey?.username ?? null,
      needsReactivation: app.needsReactivation,
      unlock: app.unlock,
      asksPin: app.asksPin,
      pendingApprovals,
      login: appLogin ? this.#logins.view(appLogin) : null,
      migratedAway: app.migratedAway !== null && app.ibkey === null,
      activation: this.#activations.view(phone.id),
    });
  }

  /** A phone's state changed: journal it, and let the network retry what it held for the phone. */
  #phoneChanged(phone: Phone, changes: Record<string, unknown>): void {
    this.#world.journal.record({ type: 'phone.changed', phoneId: phone.id, changes });
    phone.retryHeld();
    this.#world.touchPhone(phone);
  }

  #fob(serial: string): Fob {
    const fob = this.#world.fobs.get(serial);
    if (!fob) throw new SimError('not_found', `No Digital Security Card+ "${serial}" in this scenario`);
    return fob;
  }

  submitCredentials(r: RequestOf<'submitCredentials'>): ResponseOf<'submitCredentials'> {
    return this.#op(() => {
      if (r.phoneId) this.#phone(r.phoneId);
      return this.#logins.submitCredentials(r.username, r.password, r.mode, r.phoneId ?? null, r.readOnly ?? false, r.surface ?? 'tws');
    });
  }
  requestChallenge(r: RequestOf<'requestChallenge'>) {
    return this.#op(() => this.#logins.requestChallenge(r.loginId));
  }
  submitResponse(r: RequestOf<'submitResponse'>) {
    return this.#op(() => this.#logins.submitResponse(r.loginId, r.response));
  }
  setPhoneState(r: RequestOf<'setPhoneState'>) {
    return this.#op(() => {
      const phone = this.#phone(r.phoneId);
      const changes = Object.fromEntries(Object.entries(r.patch).filter(([k, v]) => v !== undefined && phone.status[k as keyof typeof phone.status] !== v));
      Object.assign(phone.status, changes);
      this.#phoneChanged(phone, changes);
      return this.#phoneView(phone);
    });
  }
  restartPhone(r: RequestOf<'restartPhone'>) {
    return this.#op(() => {
      const phone = this.#phone(r.phoneId);
      // What a restart clears: the stuck SMS stack and an unstable connection; settings stay.
      Object.assign(phone.status, { poweredOn: true, smsStuck: false, poorConnection: false });
      this.#world.journal.record({ type: 'phone.restarted', phoneId: phone.id });
      this.#phoneChanged(phone, { poweredOn: true, smsStuck: false, poorConnection: false });
      return this.#phoneView(phone);
    });
  }
  clearAppData(r: RequestOf<'clearAppData'>) {
    return this.#op(() => {
      const phone = this.#phone(r.phoneId);
      if (phone.spec.platform !== 'android') throw new SimError('wrong_state', 'Clear data is an Android setting; on iOS, reinstall the app');
      phone.app.clearData();
      this.#activations.forget(phone.id);
      this.#world.journal.record({ type: 'app.data_cleared', phoneId: phone.id });
      this.#world.touchPhone(phone);
      return this.#phoneView(phone);
    });
  }
  /** The Director's "Add a phone": every window sees the world with it (a `world` event of change `phones`, which keeps what they show). */
  addPhone(r: RequestOf<'addPhone'>): AddPhoneAnswer {
    return this.#op(() => {
      const w = this.#world;
      const added = addedPhone(w, r);
      if (!added.ok) {
        w.journal.record({ type: 'phone.add_refused', phoneId: added.phoneId, owner: r.owner, reason: added.reason });
        return { phone: null, error: added.error };
      }
      const { spec } = added;
      w.addPhone(spec);
      w.journal.record({ type: 'phone.added', phoneId: spec.id, platform: spec.platform, model: spec.model, owner: r.owner, role: r.role });
      const world = this.getWorld();
      this.#emit({ type: 'world', world, change: 'phones' });
      return { phone: world.phones.find((p) => p.id === spec.id) ?? null, error: null };
    });
  }
  installApp(r: RequestOf<'installApp'>) {
    return this.#op(() => {
      const phone = this.#phone(r.phoneId);
      if (phone.app.installed) throw new SimError('wrong_state', `The app is already installed on "${phone.id}"`);
      phone.app.install();
      this.#world.journal.record({ type: 'app.installed', phoneId: phone.id });
      this.#world.touchPhone(phone);
      return this.#phoneView(phone);
    });
  }
  uninstallApp(r: RequestOf<'uninstallApp'>) {
    return this.#op(() => {
      const phone = this.#phone(r.phoneId);
      if (!phone.app.installed) throw new SimError('wrong_state', `The app is not installed on "${phone.id}"`);
      // The app's own login and its activation go with it, as do its notifications.
      const appLogin = this.#world.appLogins.get(phone.id);
      if (appLogin && this.#world.logins.has(appLogin)) this.#logins.cancel(appLogin);
      this.#world.appLogins.delete(phone.id);
      phone.app.uninstall();
      this.#activations.forget(phone.id);
      this.#world.journal.record({ type: 'app.uninstalled', phoneId: phone.id });
      this.#world.touchPhone(phone);
      return this.#phoneView(phone);
    });
  }
  startIbKeyActivation(r: RequestOf<'startIbKeyActivation'>) {
    return this.#op(() => this.#activations.start(this.#phone(r.phoneId), r.username, r.password, r.purpose));
  }
  resendActivationToken(r: RequestOf<'resendActivationToken'>) {
    return this.#op(() => this.#activations.resend(this.#phone(r.phoneId)));
  }
  submitActivationToken(r: RequestOf<'submitActivationToken'>) {
    return this.#op(() => this.#activations.submitToken(this.#phone(r.phoneId), r.token, r.pin, r.method));
  }
  setActivationPin(r: RequestOf<'setActivationPin'>) {
    return this.#op(() => this.#activations.setPin(this.#phone(r.phoneId), r.pin, r.repeat));
  }
  setSeamless(r: RequestOf<'setSeamless'>) {
    return this.#op(() => {
      if (!this.#world.directory.get(r.username)) throw new SimError('not_found', `No user "${r.username}"`);
      this.#world.setSeamless(r.username, r.enabled);
      this.#world.journal.record({ type: 'user.seamless', username: r.username, enabled: r.enabled });
      return this.getWorld();
    });
  }
  /** The windows' language: every window re-reads the world (its `world` event) and follows it; a login in progress stays. */
  setLocale(r: RequestOf<'setLocale'>): WorldView {
    return this.#op(() => {
      this.#locale = r.locale;
      this.#world.journal.record({ type: 'locale.changed', locale: r.locale });
      const world = this.getWorld();
      this.#emit({ type: 'world', world, change: 'locale' });
      return world;
    });
  }
  approvePush(r: RequestOf<'approvePush'>) {
    return this.#op(() => this.#logins.approvePush(r.phoneId, r.loginId, r.method, r.pin));
  }
  generateResponse(r: RequestOf<'generateResponse'>) {
    return this.#op(() => {
      const phone = this.#phone(r.phoneId);
      const { reason, ...view } = phone.app.generateResponse(r.challenge, r.method, r.pin);
      this.#world.journal.record({ type: 'app.response', phoneId: phone.id, ok: view.ok, reason });
      return view;
    });
  }
  answerCall(r: RequestOf<'answerCall'>) {
    return this.#op(() => {
      const phone = this.#phone(r.phoneId);
      if (!phone.answer(r.callId)) throw new SimError('wrong_state', `Call "${r.callId}" is not ringing`);
      this.#world.journal.record({ type: 'call.answered', callId: r.callId, phoneId: phone.id });
      this.#world.touchPhone(phone);
      return this.#phoneView(phone);
    });
  }
  endCall(r: RequestOf<'endCall'>) {
    return this.#op(() => {
      const phone = this.#phone(r.phoneId);
      if (!phone.end(r.callId)) throw new SimError('wrong_state', `Call "${r.callId}" is not in progress`);
      this.#world.touchPhone(phone);
      return this.#phoneView(phone);
    });
  }
  getFob(r: RequestOf<'getFob'>) {
    return this.#fob(r.serial).view();
  }
  fobPress(r: RequestOf<'fobPress'>) {
    return this.#op(() => {
      const fob = this.#fob(r.serial);
      fob.press();
      this.#world.dirtyFobs.add(fob);
      return fob.view();
    });
  }
  fobEnter(r: RequestOf<'fobEnter'>) {
    return this.#op(() => {
      const fob = this.#fob(r.serial);
      const outcome = fob.enter(r.digits);
      if (outcome === 'wrong_pin') this.#world.journal.record({ type: 'fob.pin_rejected', serial: fob.serial, wrongPins: fob.wrongPins });
      if (outcome === 'locked') this.#world.journal.record({ type: 'fob.locked', serial: fob.serial });
      this.#world.dirtyFobs.add(fob);
      return fob.view();
    });
  }
  resetFob(r: RequestOf<'resetFob'>) {
    return this.#op(() => {
      const fob = this.#fob(r.serial);
      fob.reset();
      this.#world.journal.record({ type: 'fob.reset', serial: fob.serial });
      this.#world.dirtyFobs.add(fob);
      return fob.view();
    });
  }
  getCodeCard(r: RequestOf<'getCodeCard'>) {
    const card = this.#world.cards.get(r.serial);
    if (!card) throw new SimError('not_found', `No Security Code Card "${r.serial}" in this scenario`);
    return card.view();
  }
  chooseDevice(r: RequestOf<'chooseDevice'>) {
    return this.#op(() => this.#logins.chooseDevice(r.loginId, r.deviceId));
  }
  changeDevice(r: RequestOf<'changeDevice'>) {
    return this.#op(() => this.#logins.changeDevice(r.loginId));
  }
  submitCode(r: RequestOf<'submitCode'>) {
    return this.#op(() => this.#logins.submitCode(r.loginId, r.code));
  }
  requestNewCode(r: RequestOf<'requestNewCode'>) {
    return this.#op(() => this.#logins.requestNewCode(r.loginId, r.channel));
  }
  enrolSms(r: RequestOf<'enrolSms'>) {
    return this.#op(() => this.#logins.enrolSms(r.loginId, r.number));
  }
  confirmSmsEnrolment(r: RequestOf<'confirmSmsEnrolment'>) {
    return this.#op(() => this.#logins.confirmSmsEnrolment(r.loginId, r.code));
  }
  continueLogin(r: RequestOf<'continueLogin'>) {
    return this.#op(() => this.#logins.continueLogin(r.loginId));
  }

  finishSmsEnrolment(r: RequestOf<'finishSmsEnrolment'>) {
    return this.#op(() => this.#logins.finishSmsEnrolment(r.loginId));
  }
  verifyMobileNumber(r: RequestOf<'verifyMobileNumber'>) {
    return this.#op(() => this.#logins.verifyMobileNumber(r.loginId, r.number));
  }
  confirmMobileNumber(r: RequestOf<'confirmMobileNumber'>) {
    return this.#op(() => this.#logins.confirmMobileNumber(r.loginId, r.code));
  }
  finishMobileVerification(r: RequestOf<'finishMobileVerification'>) {
    return this.#op(() => this.#logins.finishMobileVerification(r.loginId));
  }
  saveSeamless(r: RequestOf<'saveSeamless'>) {
    return this.#op(() => this.#logins.saveSeamless(r.loginId, r.enabled));
  }
  optOutOfSls(r: RequestOf<'optOutOfSls'>) {
    return this.#op(() => this.#logins.optOutOfSls(r.loginId));
  }
  acceptPaperWarning(r: RequestOf<'acceptPaperWarning'>) {
    return this.#op(() => this.#logins.acceptPaperWarning(r.loginId));
  }
  cancelLogin(r: RequestOf<'cancelLogin'>) {
    return this.#op(() => this.#logins.cancel(r.loginId));
  }
  logOut(r: RequestOf<'logOut'>) {
    return this.#op(() => this.#logins.logOut(r.loginId));
  }
  getLogin(r: RequestOf<'getLogin'>) {
    return this.#logins.viewOf(r.loginId);
  }

  getPhone(r: RequestOf<'getPhone'>) {
    return this.#phoneView(this.#phone(r.phoneId));
  }
  markMessagesRead(r: RequestOf<'markMessagesRead'>) {
    return this.#op(() => {
      const phone = this.#phone(r.phoneId);
      phone.markMessagesRead();
      this.#world.touchPhone(phone);
      return this.#phoneView(phone);
    });
  }
  dismissNotification(r: RequestOf<'dismissNotification'>) {
    return this.#op(() => {
      const phone = this.#phone(r.phoneId);
      if (!phone.dismissNotification(r.notificationId)) throw new SimError('not_found', `No notification "${r.notificationId}"`);
      this.#world.touchPhone(phone);
      return this.#phoneView(phone);
    });
  }

  getScenario(_r?: RequestOf<'getScenario'>): ScenarioView {
    const { name, title, description, seed, branding, article, readOnlyLogin } = this.#world.scenario;
    return { name, title, description, seed, branding: { ...branding }, article: article ?? null, readOnlyLogin };
  }
  getScript(_r?: RequestOf<'getScript'>): ScriptView {
    const { name, title, article, script, users } = this.#world.scenario;
    // A login step without a password types the user's own, as the runner does (script.ts).
    const own = (user: string) => users.find((u) => u.username === user)?.password ?? '';
    const steps = script.map((step) => {
      if (step.kind === 'login') return { ...step, password: step.password ?? own(step.user) };
      // The app's log in for IB Key types the user's own password too.
      if (step.kind === 'activateIbKey' || step.kind === 'migrateIbKey') return { ...step, password: own(step.user) };
      return { ...step };
    });
    return { name, title, article: article ?? null, steps };
  }
  getClock(_r?: RequestOf<'getClock'>): ClockView {
    const { clock } = this.#world;
    return { now: clock.now(), running: this.#running, elapsed: clock.now() - clock.startedAt };
  }
  getWorld(_r?: RequestOf<'getWorld'>): WorldView {
    const w = this.#world;
    const now = w.clock.now();
    return {
      scenario: this.getScenario(),
      locale: this.#locale,
      clock: this.getClock(),
      users: w.directory.all().map((account) => ({
        username: account.spec.username,
        region: account.spec.region,
        devices: account.spec.devices.map((d) => w.directory.describeDevice(account, d)),
        lockedUntil: account.lockout.lockedUntil(now),
        recentFailures: account.lockout.recentFailures(now),
        seamless: w.seamless(account.spec.username),
        language: account.spec.language,
      })),
      phones: [...w.phones.values()].map(({ spec, app }) => ({
        id: spec.id,
        name: spec.name,
        platform: spec.platform,
        model: spec.model,
        number: spec.number,
        region: spec.region,
        ibkeyUser: app.ibkey?.username ?? null,
        owner: spec.owner ?? null,
      })),
      fobs: [...w.fobs.values()].map((f) => ({ serial: f.serial, owner: f.owner })),
      cards: [...w.cards.values()].map((c) => ({ serial: c.serial, owner: c.owner })),
    };
  }
  advanceClock(r: RequestOf<'advanceClock'>): ClockView {
    this.#world.journal.record({ type: 'clock.advanced', byMs: r.ms });
    this.advance(r.ms);
    return this.getClock();
  }
  setClockRunning(r: RequestOf<'setClockRunning'>): ClockView {
    this.#running = r.running;
    this.#emit({ type: 'clock', clock: this.getClock() });
    return this.getClock();
  }
  getJournal(r: RequestOf<'getJournal'>) {
    const { journal } = this.#world;
    return { entries: journal.since(r.afterSeq ?? 0), lastSeq: journal.lastSeq };
  }
  listPending(r: RequestOf<'listPending'>): PendingView[] {
    const out: PendingView[] = [];
    for (const attempt of this.#world.logins.values()) {
      const username = attempt.account.spec.username;
      if (r.username !== undefined && r.username !== username) continue;
      const base = { username, loginId: attempt.id, step: attempt.step };
      for (const entry of factorPending(attempt, this.#world)) out.push({ ...base, ...entry });
      // A Confirm Code out for enrolment is a code waiting like a security code.
      const code = enrolmentOf(attempt)?.codes?.current;
      if (code && !code.used) out.push({ ...base, kind: 'code', code: code.value, challenge: null, cardIndexes: null, expectedResponse: null, expiresAt: code.expiresAt });
      // So is a Confirm Code out for a mobile number verified in the Client Portal.
      const verifying = attempt.surface === 'portal' ? this.#world.mobileVerifications.get(username) : undefined;
      const confirm = verifying && !verifying.done && !verifying.confirmed && !verifying.stopped ? verifying.codes.current : null;
      if (confirm && !confirm.used) out.push({ ...base, kind: 'code', code: confirm.value, challenge: null, cardIndexes: null, expectedResponse: null, expiresAt: confirm.expiresAt });
    }
    return out;
  }
  /** The running world as a scenario file (world-export.ts): a login in progress is not saved. */
  exportWorld(_r?: RequestOf<'exportWorld'>): WorldExportView {
    return { fileName: exportFileName(this.#world), text: exportWorldYaml(this.#world, this.#locale) };
  }
  getReasons(_r?: RequestOf<'getReasons'>): ReasonView[] {
    return reasonList();
  }
  listScenarios(_r?: RequestOf<'listScenarios'>): ScenarioSummary[] {
    return this.options.library?.list() ?? [];
  }
  loadScenario(r: RequestOf<'loadScenario'>): LoadScenarioResult {
    let result: ScenarioResult | null;
    if ('name' in r) {
      result = this.options.library?.read(r.name) ?? null;
      if (!result) throw new SimError('not_found', `No built-in scenario "${r.name}"`);
    } else {
      result = parseScenario(r.text, r.fileName.split(/[\\/]/).pop()!);
    }
    // A bad file reports every problem and leaves the running scenario untouched.
    if (!result.ok) return { ok: false, problems: result.problems };
    this.load(result.scenario);
    this.options.onLoaded?.('name' in r ? { name: r.name } : { fileName: r.fileName });
    return { ok: true, world: this.getWorld() };
  }
  resetWorld(_r?: RequestOf<'resetWorld'>): WorldView {
    this.load(this.#loaded);
    return this.getWorld();
  }
}
