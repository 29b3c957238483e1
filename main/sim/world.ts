// The state one scenario run holds, shared by the parts of the simulation that act on it.
import type { PhoneSpec, Scenario } from './scenario/schema.js';
import { VirtualClock } from './clock.js';
import { deriveRandom, type Random } from './random.js';
import { Journal } from './journal.js';
import { Directory } from './directory.js';
import { Phone } from './phone.js';
import type { Connecting, LoginAttempt, TemporaryPasscode } from './login-attempt.js';
import type { LoginView } from '../api/views.js';
import { issuePasscode } from './passcode.js';
import { Fob } from './fob.js';
import { CodeCard } from './code-card.js';
import { deriveKey } from './keys.js';
import { ibKeyDeviceKey, iosAppSecret, type IbKeySecret } from './mobile-app.js';
import type { DeviceSpec } from './scenario/schema.js';
import type { OobCodeBox } from './oob-code.js';

/** A mobile number being verified in the Client Portal (portal.ts). */
export interface MobileVerification {
  number: string;
  codes: OobCodeBox;
  /** Wrong Confirmation Numbers since the last VERIFY. */
  wrong: number;
  /** Too many wrong ones: VERIFY again for a new code. */
  stopped: boolean;
  /** The green check under "SMS Verified". */
  confirmed: boolean;
  /** CONTINUE finalised it: the number is on record, verified. */
  done: boolean;
}

export class World {
  readonly clock: VirtualClock;
  readonly journal: Journal;
  readonly directory: Directory;
  readonly phones = new Map<string, Phone>();
  readonly logins = new Map<string, LoginAttempt>();
  readonly dirtyLogins = new Set<LoginAttempt>();
  /** Logins the window is still connecting, by the id their attempt will have (login.ts). */
  readonly connections = new Map<string, Connecting>();
  /** Views of logins that are no attempt (connecting, or refused once connected), for the windows following them. */
  readonly announcedLogins: LoginView[] = [];
  readonly dirtyPhones = new Set<Phone>();
  readonly dirtyFobs = new Set<Fob>();
  readonly fobs = new Map<string, Fob>();
  readonly cards = new Map<string, CodeCard>();
  /** Client Portal's Seamless Authentication switch, by user. */
  readonly #seamless = new Map<string, boolean>();
  /** The login of the mobile app on a phone used as trading device, by phone id. */
  readonly appLogins = new Map<string, string>();
  /** The timeline entries that have fired, by index in the scenario's timeline (a saved world drops them). */
  readonly firedTimeline = new Set<number>();
  /** Client Portal: the mobile number each user is verifying, with its Confirm Codes (the resend clock is the user's). */
  readonly mobileVerifications = new Map<string, MobileVerification>();
  /** Client Portal: when each user with no active SLS device is enrolled in SMS, once the number is verified. */
  readonly autoEnrolments = new Map<string, number>();
  /** Users who opted out of the Secure Login System in the Client Portal (where the broker allows it). */
  readonly slsOptOuts = new Set<string>();
  /**
   * IB Key's secrets the server registered when the app activated it (activation, reactivation,
   * migration), by user: the phone, the key and the PIN its responses bind. A user absent here has the
   * scenario's (derived from the seed, the device and the phone's PIN).
   */
  readonly ibkeySecrets = new Map<string, IbKeySecret & { phoneId: string }>();
  /** Temporary passcodes client services issued, by user. */
  readonly temporaryPasscodes = new Map<string, TemporaryPasscode>();
  #counters = new Map<string, number>();
  /** Each user's logins counted, and each login's number and draws per purpose, for `randomFor`. */
  readonly #userLogins = new Map<string, number>();
  readonly #loginDraws = new WeakMap<LoginAttempt, { n: number; draws: Map<string, number> }>();

  constructor(readonly scenario: Scenario) {
    this.clock = new VirtualClock(Date.parse(scenario.start));
    this.journal = new Journal(this.clock);
    const { lockout } = scenario.timing;
    this.directory = new Directory(
      scenario.users,
      { failures: lockout.failures, windowMs: lockout.window, durationMs: lockout.duration },
      scenario.phones,
    );
    for (const spec of scenario.phones) this.#place(spec);
    const now = this.clock.startedAt;
    for (const user of scenario.users) {
      this.#seamless.set(user.username, user.seamless);
      const passcode = user.temporaryPasscode;
      if (passcode) this.temporaryPasscodes.set(user.username, issuePasscode(scenario.seed, user.username, this.clock.startedAt - passcode.issued, passcode.code));
      for (const device of user.devices) {
        if (device.kind === 'ibkey') this.phones.get(device.phone)!.app.activate(user.username, device.id);
        if (device.kind === 'dscplus') {
          const key = deriveKey(scenario.seed, `dscplus:${device.serial}`);
          const fob = new Fob(device.serial, user.username, key, device.pin, this.clock, (f) => this.dirtyFobs.add(f));
          fob.restore(device.wrongPins);
          this.fobs.set(device.serial, fob);
        }
        if (device.kind === 'codecard') this.cards.set(device.serial, new CodeCard(device.serial, user.username, scenario.seed));
      }
      // A saved world's wrong passwords and lock (world-export.ts), as times before and after the start.
      const { lockout: saved } = user;
      if (saved) this.directory.get(user.username)!.lockout.restore(saved.failures.map((ago) => now - ago), saved.lockedFor > 0 ? now + saved.lockedFor : null);
    }
    // After every device has activated IB Key: a saved world's app state (Clear data, a lock by wrong PINs).
    for (const spec of scenario.phones) if (spec.app) this.phones.get(spec.id)!.app.restore(spec.app.ibkey, spec.app.wrongPins);
    for (const [prefix, n] of Object.entries(scenario.resume?.ids ?? {})) this.#counters.set(prefix, n);
    for (const [username, n] of Object.entries(scenario.resume?.logins ?? {})) this.#userLogins.set(username, n);
    this.journal.record({ type: 'scenario.loaded', name: scenario.name, seed: scenario.seed });
  }

  /** A phone on the desk: its app's PIN rule journals wrong PINs and a lock. */
  #place(spec: PhoneSpec): Phone {
    const phoneId = spec.id;
    const pinRule = {
      tries: this.scenario.timing.appPinTries,
      onWrongPin: (wrongPins: number) => this.journal.record({ type: 'app.pin_rejected', phoneId, wrongPins }),
      onLocked: (username: string, wrongPins: number) => {
        this.journal.record({ type: 'app.ibkey_locked', phoneId, username, wrongPins });
        const phone = this.phones.get(phoneId);
        if (phone) this.touchPhone(phone);
      },
    };
    const phone = new Phone(spec, this.scenario.seed, pinRule);
    this.phones.set(spec.id, phone);
    return phone;
  }

  /**
   * A phone added to this run (the Director's "Add a phone"): also into this run's copy of the
   * scenario, so the directory finds it by number and an export writes it; a reset starts from the file.
   */
  addPhone(spec: PhoneSpec): Phone {
    this.scenario.phones.push(spec);
    return this.#place(spec);
  }

  /**
   * The random source for one value of a login: from the seed, the user, the user's login number
   * (1 for their first login of the run), what the value is for ("sms-code", "ibkey-challenge"…) and
   * how many of those this login drew before. So each flow shows codes of its own (smsuser's first
   * code is not ibkeyios's first challenge), and every take of a flow repeats them, whatever other
   * users did before it.
   */
  randomFor(attempt: LoginAttempt, purpose: string): Random {
    const username = attempt.account.spec.username;
    let login = this.#loginDraws.get(attempt);
    if (!login) {
      const n = (this.#userLogins.get(username) ?? 0) + 1;
      this.#userLogins.set(username, n);
      login = { n, draws: new Map() };
      this.#loginDraws.set(attempt, login);
    }
    const draw = (login.draws.get(purpose) ?? 0) + 1;
    login.draws.set(purpose, draw);
    return deriveRandom(this.scenario.seed, purpose, username, login.n, draw);
  }

  /** Ids count per world, so a replayed run names everything the same way. */
  nextId(prefix: string): string {
    const n = (this.#counters.get(prefix) ?? 0) + 1;
    this.#counters.set(prefix, n);
    return `${prefix}${n}`;
  }

  /** The counters a saved world keeps (the scenario's `resume`), so the loaded one continues them. */
  counters(): { ids: Record<string, number>; logins: Record<string, number> } {
    return { ids: Object.fromEntries(this.#counters), logins: Object.fromEntries(this.#userLogins) };
  }

  seamless(username: string): boolean {
    return this.#seamless.get(username) ?? true;
  }

  setSeamless(username: string, enabled: boolean): void {
    this.#seamless.set(username, enabled);
  }

  /** What the server checks IB Key's responses against for this user's device: the app's own activation's, else the scenario's. */
  ibkeySecret(username: string, device: Extract<DeviceSpec, { kind: 'ibkey' }>): IbKeySecret {
    const registered = this.ibkeySecrets.get(username);
    if (registered?.phoneId === device.phone) return registered;
    const { seed } = this.scenario;
    const phone = this.phones.get(device.phone);
    const pin = phone?.spec.platform === 'android' ? (phone.spec.pin ?? '') : iosAppSecret(seed, device.phone);
    return { key: ibKeyDeviceKey(seed, username, device.id), pin };
  }

  phoneByNumber(number: string): Phone | undefined {
    for (const phone of this.phones.values()) if (phone.spec.number === number) return phone;
    return undefined;
  }

  announceLogin(view: LoginView): void {
    this.announcedLogins.push(view);
  }

  touchLogin(attempt: LoginAttempt): void {
    this.dirtyLogins.add(attempt);
  }

  touchPhone(phone: Phone): void {
    this.dirtyPhones.add(phone);
  }
}
