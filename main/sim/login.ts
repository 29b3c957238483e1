// The SLS server's login state machine: credentials → (device choice) → second factor → logged in.
import type { FactorFailure } from '../api/events.js';
import type { DeviceChoice, LoginStep, LoginView, TradingMode } from '../api/views.js';
import { SimError } from '../api/dispatch.js';
import type { Account } from './directory.js';
import { OobCodeBox } from './oob-code.js';
import { maskNumber } from './phone.js';
import type { DeviceSpec } from './scenario/schema.js';
import { sendSms } from './sms.js';
import type { World } from './world.js';

/** The only two things a refused user is told (no enumeration, ASVS 6.3.8). */
export const INVALID_CREDENTIALS = 'Invalid user name password combination';
export const LOGIN_FAILED = 'Login failed';

export interface LoginAttempt {
  id: string;
  account: Account;
  mode: TradingMode;
  step: LoginStep;
  device: DeviceSpec | null;
  codes: OobCodeBox | null;
  wrongAnswers: number;
  /** The factor that completed the login, for the journal. */
  factor: DeviceSpec['kind'] | 'none' | null;
  error: string | null;
  notice: string | null;
}

function formatWait(ms: number): string {
  const s = Math.ceil(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export class LoginServer {
  constructor(private readonly world: World) {}

  view(attempt: LoginAttempt): LoginView {
    const { directory, clock } = this.world;
    const devices = attempt.account.spec.devices.map((d) => directory.describeDevice(attempt.account, d));
    const device: DeviceChoice | null = attempt.device ? directory.describeDevice(attempt.account, attempt.device) : null;
    const resendAt = attempt.codes?.nextSendAt() ?? null;
    return {
      loginId: attempt.id,
      step: attempt.step,
      mode: attempt.mode,
      username: attempt.account.spec.username,
      error: attempt.error,
      notice: attempt.notice,
      devices,
      device,
      resendAvailableAt: attempt.step === 'securityCode' ? resendAt : null,
      // Voice callback arrives with the devices issue; until then the UI shows it disabled.
      resendChannels: { sms: attempt.step === 'securityCode', voice: false },
      challenge: null,
      cardIndexes: null,
      now: clock.now(),
    };
  }

  /** The answer to refused credentials: identical whatever the reason. */
  refusedView(mode: TradingMode): LoginView {
    return {
      loginId: null,
      step: 'credentials',
      mode,
      username: '',
      error: INVALID_CREDENTIALS,
      notice: null,
      devices: [],
      device: null,
      resendAvailableAt: null,
      resendChannels: { sms: false, voice: false },
      challenge: null,
      cardIndexes: null,
      now: this.world.clock.now(),
    };
  }

  get(loginId: string): LoginAttempt {
    const attempt = this.world.logins.get(loginId);
    if (!attempt) throw new SimError('not_found', `No login ${loginId}: it ended or never started`);
    return attempt;
  }

  submitCredentials(username: string, password: string, mode: TradingMode): LoginView {
    const { directory, journal, clock } = this.world;
    const now = clock.now();
    const { account, passwordOk } = directory.checkPassword(username, password);
    if (!account) {
      journal.record({ type: 'login.rejected', username, reason: 'unknown_user' });
      return this.refusedView(mode);
    }
    if (account.lockout.isLocked(now)) {
      journal.record({ type: 'login.rejected', username, reason: 'locked' });
      return this.refusedView(mode);
    }
    if (!passwordOk) {
      journal.record({ type: 'login.rejected', username, reason: 'wrong_password' });
      this.#countFailure(account);
      return this.refusedView(mode);
    }
    const attempt: LoginAttempt = {
      id: this.world.nextId('L'),
      account,
      mode,
      step: 'credentials',
      device: null,
      codes: null,
      wrongAnswers: 0,
      factor: null,
      error: null,
      notice: null,
    };
    this.#remember(attempt);
    journal.record({ type: 'login.started', loginId: attempt.id, username, mode });
    journal.record({ type: 'password.accepted', loginId: attempt.id, username });

    const devices = account.spec.devices;
    if (mode === 'paper' && !this.world.scenario.paper.asksSecondFactor) this.#complete(attempt, 'none');
    else if (devices.length === 0) this.#complete(attempt, 'none');
    else if (devices.length === 1) this.#startFactor(attempt, devices[0]!);
    else attempt.step = 'selectDevice';
    return this.view(attempt);
  }

  chooseDevice(loginId: string, deviceId: string): LoginView {
    const attempt = this.#expect(loginId, ['selectDevice']);
    const device = attempt.account.spec.devices.find((d) => d.id === deviceId);
    if (!device) throw new SimError('not_found', `No device "${deviceId}" for this user`);
    this.#startFactor(attempt, device);
    return this.view(attempt);
  }

  /** Back to the drop-down; the factor in progress is abandoned, the wrong-answer count kept. */
  changeDevice(loginId: string): LoginView {
    const attempt = this.#expect(loginId, ['securityCode', 'unavailable']);
    if (attempt.account.spec.devices.length < 2) throw new SimError('wrong_state', 'This user has only one device');
    attempt.step = 'selectDevice';
    attempt.device = null;
    attempt.codes = null;
    attempt.error = null;
    attempt.notice = null;
    this.world.touchLogin(attempt);
    return this.view(attempt);
  }

  submitCode(loginId: string, code: string): LoginView {
    const attempt = this.#expect(loginId, ['securityCode']);
    const { journal, clock } = this.world;
    const result = attempt.codes!.verify(clock.now(), code);
    if (result.ok) {
      journal.record({ type: 'code.accepted', loginId, username: attempt.account.spec.username });
      this.#complete(attempt, 'sms');
    } else {
      this.#wrongAnswer(attempt, result.reason);
    }
    return this.view(attempt);
  }

  requestNewCode(loginId: string, channel: 'sms' | 'voice'): LoginView {
    const attempt = this.#expect(loginId, ['securityCode']);
    if (channel === 'voice') throw new SimError('wrong_state', 'Voice callback is not available in this version');
    const wait = attempt.codes!.retryAfter(this.world.clock.now());
    if (wait > 0) {
      this.world.journal.record({ type: 'resend.refused', loginId, retryAfterMs: wait });
      attempt.error = `A new code can be requested in ${formatWait(wait)}`;
    } else {
      this.#sendCode(attempt, 'sms');
      attempt.error = null;
    }
    this.world.touchLogin(attempt);
    return this.view(attempt);
  }

  acceptPaperWarning(loginId: string): LoginView {
    const attempt = this.#expect(loginId, ['paperWarning']);
    this.#finish(attempt);
    return this.view(attempt);
  }

  cancel(loginId: string): LoginView {
    const attempt = this.get(loginId);
    this.world.logins.delete(loginId);
    if (attempt.step !== 'loggedIn' && attempt.step !== 'failed') {
      this.world.journal.record({ type: 'login.cancelled', loginId, username: attempt.account.spec.username });
    }
    return { ...this.view(attempt), loginId: null, step: 'credentials', error: null, notice: null };
  }

  logOut(loginId: string): LoginView {
    const attempt = this.#expect(loginId, ['loggedIn']);
    this.world.logins.delete(loginId);
    this.world.journal.record({ type: 'logout', loginId, username: attempt.account.spec.username });
    return { ...this.view(attempt), loginId: null, step: 'credentials', error: null, notice: null };
  }

  #expect(loginId: string, steps: LoginStep[]): LoginAttempt {
    const attempt = this.get(loginId);
    if (!steps.includes(attempt.step)) {
      throw new SimError('wrong_state', `Login ${loginId} is at "${attempt.step}", not ${steps.map((s) => `"${s}"`).join(' or ')}`);
    }
    return attempt;
  }

  #remember(attempt: LoginAttempt): void {
    const { logins } = this.world;
    logins.set(attempt.id, attempt);
    // Bounded: a scripted loop of logins must not grow memory without end.
    if (logins.size > 2000) {
      const oldest = logins.keys().next().value;
      if (oldest !== undefined) logins.delete(oldest);
    }
  }

  #startFactor(attempt: LoginAttempt, device: DeviceSpec): void {
    attempt.device = device;
    attempt.error = null;
    this.world.journal.record({ type: 'device.selected', loginId: attempt.id, deviceId: device.id, kind: device.kind });
    if (device.kind === 'sms') {
      attempt.step = 'securityCode';
      attempt.codes = new OobCodeBox({
        lifetimeMs: this.world.scenario.timing.codeLifetime,
        resendIntervalMs: this.world.scenario.timing.resendInterval,
      });
      this.#sendCode(attempt, 'sms');
    } else {
      // IB Key, DSC+ and the card arrive with the devices issue: say so instead of pretending.
      attempt.step = 'unavailable';
      attempt.notice = `${this.world.directory.describeDevice(attempt.account, device).label} is not simulated in this version yet.`;
    }
    this.world.touchLogin(attempt);
  }

  #sendCode(attempt: LoginAttempt, channel: 'sms'): void {
    const { world } = this;
    const now = world.clock.now();
    const code = world.random.digits(6);
    const issued = attempt.codes!.issue(now, code, channel);
    const number = attempt.account.spec.mobile!.number;
    const minutes = Math.round(world.scenario.timing.codeLifetime / 60_000);
    world.journal.record({ type: 'code.issued', loginId: attempt.id, username: attempt.account.spec.username, channel, expiresAt: issued.expiresAt });
    const { company } = world.scenario.branding;
    sendSms(world, number, `${company}: Your security code is ${code}. It expires in ${minutes} minutes. Do not share this code.`, attempt.id);
    attempt.notice = `A security code has been sent to your mobile phone ${maskNumber(number)}.`;
  }

  #wrongAnswer(attempt: LoginAttempt, reason: FactorFailure): void {
    const { journal, scenario } = this.world;
    attempt.wrongAnswers++;
    const username = attempt.account.spec.username;
    journal.record({ type: 'code.rejected', loginId: attempt.id, username, reason, wrongAttempts: attempt.wrongAnswers });
    attempt.error = LOGIN_FAILED;
    if (attempt.wrongAnswers >= scenario.timing.maxWrongCodes) {
      attempt.step = 'failed';
      attempt.codes = null;
      journal.record({ type: 'login.failed', loginId: attempt.id, username, reason: 'too_many_wrong_codes' });
      this.#countFailure(attempt.account);
    }
    this.world.touchLogin(attempt);
  }

  #countFailure(account: Account): void {
    const { clock, journal, scenario } = this.world;
    const now = clock.now();
    if (account.lockout.recordFailure(now) === 'locked') {
      const until = account.lockout.lockedUntil(now)!;
      journal.record({ type: 'account.locked', username: account.spec.username, until, failures: scenario.timing.lockout.failures });
      clock.at(until, () => journal.record({ type: 'account.unlocked', username: account.spec.username }));
    }
  }

  #complete(attempt: LoginAttempt, factor: DeviceSpec['kind'] | 'none'): void {
    attempt.codes = null;
    attempt.error = null;
    attempt.notice = null;
    attempt.factor = factor;
    if (attempt.mode === 'paper') attempt.step = 'paperWarning';
    else this.#finish(attempt);
    this.world.touchLogin(attempt);
  }

  #finish(attempt: LoginAttempt): void {
    attempt.step = 'loggedIn';
    attempt.error = null;
    attempt.account.lockout.reset();
    const { username } = attempt.account.spec;
    this.world.journal.record({ type: 'login.succeeded', loginId: attempt.id, username, mode: attempt.mode, factor: attempt.factor ?? 'none' });
    this.world.touchLogin(attempt);
  }
}
