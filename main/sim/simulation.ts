// The simulation as a service: every API operation, and the events the hosts push to windows.
import type { HostEvent } from '../api/events.js';
import type { RequestOf, ResponseOf, Service } from '../api/operations.js';
import type { ClockView, ScenarioView, WorldView } from '../api/views.js';
import { SimError } from '../api/dispatch.js';
import { LoginServer } from './login.js';
import type { Phone } from './phone.js';
import type { Scenario } from './scenario/schema.js';
import { World } from './world.js';

type Listener = (event: HostEvent) => void;

export class Simulation implements Service {
  #world!: World;
  #logins!: LoginServer;
  #running = true;
  #listeners = new Set<Listener>();
  #lastClockSecond = -1;
  #unsubscribeJournal: () => void = () => {};

  constructor(scenario: Scenario) {
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
    this.#world = new World(scenario);
    this.#logins = new LoginServer(this.#world);
    this.#unsubscribeJournal = this.#world.journal.onEntry((entry) => this.#emit({ type: 'journal', entry }));
    this.#lastClockSecond = -1;
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
    for (const attempt of w.dirtyLogins) if (w.logins.has(attempt.id)) this.#emit({ type: 'login', login: this.#logins.view(attempt) });
    w.dirtyLogins.clear();
    for (const phone of w.dirtyPhones) this.#emit({ type: 'phone', phone: phone.view(w.clock.now()) });
    w.dirtyPhones.clear();
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

  submitCredentials(r: RequestOf<'submitCredentials'>): ResponseOf<'submitCredentials'> {
    return this.#op(() => this.#logins.submitCredentials(r.username, r.password, r.mode));
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
    return this.#logins.view(this.#logins.get(r.loginId));
  }

  getPhone(r: RequestOf<'getPhone'>) {
    return this.#phone(r.phoneId).view(this.#world.clock.now());
  }
  markMessagesRead(r: RequestOf<'markMessagesRead'>) {
    return this.#op(() => {
      const phone = this.#phone(r.phoneId);
      phone.markMessagesRead();
      this.#world.touchPhone(phone);
      return phone.view(this.#world.clock.now());
    });
  }
  dismissNotification(r: RequestOf<'dismissNotification'>) {
    return this.#op(() => {
      const phone = this.#phone(r.phoneId);
      if (!phone.dismissNotification(r.notificationId)) throw new SimError('not_found', `No notification "${r.notificationId}"`);
      this.#world.touchPhone(phone);
      return phone.view(this.#world.clock.now());
    });
  }

  getScenario(): ScenarioView {
    const { name, title, description, seed, branding } = this.#world.scenario;
    return { name, title, description, seed, branding: { ...branding } };
  }
  getClock(): ClockView {
    const { clock } = this.#world;
    return { now: clock.now(), running: this.#running, elapsed: clock.now() - clock.startedAt };
  }
  getWorld(): WorldView {
    const w = this.#world;
    const now = w.clock.now();
    return {
      scenario: this.getScenario(),
      clock: this.getClock(),
      users: w.directory.all().map((account) => ({
        username: account.spec.username,
        region: account.spec.region,
        devices: account.spec.devices.map((d) => w.directory.describeDevice(account, d)),
        lockedUntil: account.lockout.lockedUntil(now),
        recentFailures: account.lockout.recentFailures(now),
      })),
      phones: [...w.phones.values()].map(({ spec }) => ({ id: spec.id, name: spec.name, platform: spec.platform, model: spec.model })),
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
  resetWorld(): WorldView {
    this.load(this.#world.scenario);
    return this.getWorld();
  }
}
