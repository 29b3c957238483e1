// The SLS server's login state machine: credentials → (device choice) → second factor → logged in.
import type { FactorFailure, LoginFailure } from '../api/events.js';
import type { LoginStep, LoginView, TradingMode } from '../api/views.js';
import { SimError } from '../api/dispatch.js';
import type { Account } from './directory.js';
import { OobCodeBox } from './oob-code.js';
import { maskNumber } from './phone.js';
import type { DeviceSpec } from './scenario/schema.js';
import { sendSms } from './sms.js';
import { placeCall } from './voice.js';
import { sendPush } from './push.js';
import { checkResponse, type ChallengeFactor } from './challenge.js';
import { issueIbKeyChallenge, resync, startCodeCard, startDscPlus } from './factors.js';
import type { TimerId } from './clock.js';
import type { AppRefusal } from '../api/events.js';
import type { AppResponseView } from '../api/views.js';
import { IBKEY_LOCKED, type UnlockMethod } from './mobile-app.js';
import type { World } from './world.js';

import { formatWait, INVALID_CREDENTIALS, LOGIN_FAILED, loginView, refusedView } from './login-view.js';
import { mustEnrol } from './regulation.js';
import { canEnrol, completeEnrolment, offerEnrolment, refuseOfferedCode, requireEnrolment, sendConfirmationCode, verifiedNotice, type Enrolment } from './enrolment.js';

export { INVALID_CREDENTIALS, LOGIN_FAILED };

/** Open login attempts kept; beyond that the oldest is abandoned, so a scripted loop cannot grow memory without end. */
export const MAX_OPEN_LOGINS = 2000;

export interface LoginAttempt {
  id: string;
  account: Account;
  mode: TradingMode;
  step: LoginStep;
  device: DeviceSpec | null;
  codes: OobCodeBox | null;
  /** IB Key push waiting for approval on a phone; `delivered` once it is on the phone (shown or silenced). */
  push: { phoneId: string; expiresAt: number; timer: TimerId; delivered: boolean } | null;
  /** The push went unanswered for the whole window; a late approval is told so. */
  pushExpired: boolean;
  challenge: ChallengeFactor | null;
  /** Set when the login comes from the mobile app on a phone (the trading device). */
  fromPhone: string | null;
  wrongAnswers: number;
  /**
   * The attempt has counted its failed login. That happens at its first wrong second-factor answer,
   * not when it ends: however it ends (cancelled, abandoned, evicted, never), it cannot escape the count.
   */
  failureCounted: boolean;
  /** The SMS/voice codes of this login by number: the resend clock belongs to the login and the number, not to the device choice. */
  codeBoxes: Map<string, OobCodeBox>;
  /** Enrolment in SMS authentication of a user with no device: required (Hong Kong, India) or offered. */
  enrol: Enrolment | null;
  /** The factor that completed the login, for the journal. */
  factor: DeviceSpec['kind'] | 'voice' | 'none' | null;
  error: string | null;
  notice: string | null;
}

/** Only a push that reached the phone (shown, or silently in the notification list) can be approved. */
export function pushReachedPhone(attempt: LoginAttempt, phoneId: string): attempt is LoginAttempt & { push: NonNullable<LoginAttempt['push']> } {
  return attempt.step === 'push' && attempt.push?.phoneId === phoneId && attempt.push.delivered;
}

export class LoginServer {
  constructor(private readonly world: World) {}

  view(attempt: LoginAttempt): LoginView {
    return loginView(this.world, attempt);
  }

  refusedView(mode: TradingMode): LoginView {
    return refusedView(mode, this.world.clock.now());
  }

  get(loginId: string): LoginAttempt {
    const attempt = this.world.logins.get(loginId);
    if (!attempt) throw new SimError('not_found', `No login ${loginId}: it ended or never started`);
    return attempt;
  }

  submitCredentials(username: string, password: string, mode: TradingMode, fromPhone: string | null = null): LoginView {
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
      push: null,
      pushExpired: false,
      challenge: null,
      fromPhone,
      enrol: null,
      wrongAnswers: 0,
      failureCounted: false,
      codeBoxes: new Map(),
      factor: null,
      error: null,
      notice: null,
    };
    // The phone's app shows one login: a new one abandons the unfinished one before it.
    if (fromPhone) this.#abandonAppLogin(fromPhone);
    this.#remember(attempt);
    if (fromPhone) this.world.appLogins.set(fromPhone, attempt.id);
    journal.record({ type: 'login.started', loginId: attempt.id, username, mode });
    journal.record({ type: 'password.accepted', loginId: attempt.id, username });

    const devices = account.spec.devices;
    if (mode === 'paper' && !this.world.scenario.paper.asksSecondFactor) this.#complete(attempt, 'none');
    else if (devices.length === 0 && mustEnrol(account.spec.region)) requireEnrolment(this.world, attempt);
    else if (devices.length === 0) {
      this.#complete(attempt, 'none');
      // Offered, not required (Hong Kong and India excepted): the logged-in screen says how.
      offerEnrolment(this.world, attempt);
    }
    else if (devices.length === 1) this.#startFactor(attempt, devices[0]!);
    else attempt.step = 'selectDevice';
    // Every window showing this login hears of it, the drop-down included.
    this.world.touchLogin(attempt);
    return this.view(attempt);
  }

  chooseDevice(loginId: string, deviceId: string): LoginView {
    const attempt = this.#expect(loginId, ['selectDevice']);
    if (this.#lockedMeanwhile(attempt)) return this.view(attempt);
    const device = attempt.account.spec.devices.find((d) => d.id === deviceId);
    if (!device) throw new SimError('not_found', `No device "${deviceId}" for this user`);
    this.#startFactor(attempt, device);
    return this.view(attempt);
  }

  /** Back to the drop-down; the factor in progress is abandoned, the wrong-answer count kept. */
  changeDevice(loginId: string): LoginView {
    const attempt = this.#expect(loginId, ['securityCode', 'push', 'challenge', 'dscplus', 'codecard']);
    if (attempt.account.spec.devices.length < 2) throw new SimError('wrong_state', 'This user has only one device');
    if (this.#lockedMeanwhile(attempt)) return this.view(attempt);
    this.#endFactor(attempt);
    attempt.step = 'selectDevice';
    attempt.device = null;
    attempt.error = null;
    attempt.notice = null;
    this.world.touchLogin(attempt);
    return this.view(attempt);
  }

  submitCode(loginId: string, code: string): LoginView {
    const attempt = this.#expect(loginId, ['securityCode']);
    if (this.#lockedMeanwhile(attempt)) return this.view(attempt);
    const { journal, clock } = this.world;
    const result = attempt.codes!.verify(clock.now(), code);
    if (result.ok) {
      journal.record({ type: 'code.accepted', loginId, username: attempt.account.spec.username });
      this.#complete(attempt, attempt.codes!.current?.channel ?? 'sms');
    } else {
      this.#wrongAnswer(attempt, result.reason);
    }
    return this.view(attempt);
  }

  requestNewCode(loginId: string, channel: 'sms' | 'voice'): LoginView {
    const attempt = this.#expect(loginId, ['securityCode']);
    if (this.#lockedMeanwhile(attempt)) return this.view(attempt);
    const wait = attempt.codes!.retryAfter(this.world.clock.now());
    if (wait > 0) {
      this.world.journal.record({ type: 'resend.refused', loginId, retryAfterMs: wait });
      attempt.error = `A new code can be requested in ${formatWait(wait)}`;
    } else {
      this.#sendCode(attempt, channel);
      attempt.error = null;
    }
    this.world.touchLogin(attempt);
    return this.view(attempt);
  }

  /** VERIFY: a confirmation code by SMS to the number typed, under the same rules as a security code. */
  enrolSms(loginId: string, number: string): LoginView {
    const attempt = this.#enrolling(loginId);
    if (this.#lockedMeanwhile(attempt)) return this.view(attempt);
    sendConfirmationCode(this.world, attempt, number);
    this.world.touchLogin(attempt);
    return this.view(attempt);
  }

  /** Confirm Code → CONTINUE: the number is verified, SMS becomes the user's second factor, a required login goes on. */
  confirmSmsEnrolment(loginId: string, code: string): LoginView {
    const attempt = this.#enrolling(loginId);
    if (!attempt.codes || attempt.enrol!.number === null) throw new SimError('wrong_state', 'Enter your mobile number and press VERIFY first');
    if (this.#lockedMeanwhile(attempt)) return this.view(attempt);
    const result = attempt.codes.verify(this.world.clock.now(), code);
    if (!result.ok) {
      // Required: a wrong second-factor answer like any other. Offered: the session is not at stake.
      if (attempt.step === 'enrolRequired') this.#wrongAnswer(attempt, result.reason);
      else refuseOfferedCode(this.world, attempt, result.reason);
      this.world.touchLogin(attempt);
      return this.view(attempt);
    }
    completeEnrolment(this.world, attempt);
    if (attempt.step === 'enrolRequired') this.#complete(attempt, 'sms');
    attempt.error = null;
    attempt.notice = verifiedNotice(attempt);
    this.world.touchLogin(attempt);
    return this.view(attempt);
  }

  /** "Click here if you do not receive the notification": the challenge/response path. */
  requestChallenge(loginId: string): LoginView {
    const attempt = this.#expect(loginId, ['push']);
    if (this.#lockedMeanwhile(attempt)) return this.view(attempt);
    this.#endFactor(attempt);
    issueIbKeyChallenge(this.world, attempt, null);
    return this.view(attempt);
  }

  submitResponse(loginId: string, response: string): LoginView {
    const attempt = this.#expect(loginId, ['challenge', 'dscplus', 'codecard']);
    if (this.#lockedMeanwhile(attempt)) return this.view(attempt);
    const factor = attempt.challenge!;
    const username = attempt.account.spec.username;
    const outcome = checkResponse(factor, response);
    if (outcome === 'ok') {
      this.world.journal.record({ type: 'response.accepted', loginId, username });
      if (factor.device === 'ibkey') resync(this.world, attempt);
      this.#complete(attempt, factor.device);
    } else {
      attempt.wrongAnswers++;
      this.world.journal.record({
        type: 'response.rejected',
        loginId,
        username,
        reason: outcome === 'malformed' ? 'malformed' : 'wrong',
        wrongAttempts: attempt.wrongAnswers,
      });
      this.#afterWrongAnswer(attempt, 'too_many_wrong_responses');
    }
    return this.view(attempt);
  }

  /** The phone's IB Key approving a pending login (push notification tapped, owner verified). */
  approvePush(phoneId: string, loginId: string, method: UnlockMethod, pin: string | undefined): AppResponseView {
    const { world } = this;
    const refuse = (reason: AppRefusal, message: string): AppResponseView => {
      world.journal.record({ type: 'push.refused', loginId, phoneId, reason });
      return { ok: false, response: null, message };
    };
    const attempt = world.logins.get(loginId);
    const phone = world.phones.get(phoneId);
    if (!phone) throw new SimError('not_found', `No phone "${phoneId}" in this scenario`);
    if (!attempt || attempt.step !== 'push' || attempt.push?.phoneId !== phoneId) {
      const expired = attempt?.pushExpired === true;
      phone.clearPush(loginId);
      world.touchPhone(phone);
      return expired
        ? refuse('expired', 'This login request has expired. Use the challenge shown on the login screen.')
        : refuse('not_pending', 'This login request is no longer waiting for approval.');
    }
    // A request held by the network (airplane mode, phone off…) or lost on the way is not on the phone.
    if (!attempt.push.delivered) return refuse('not_delivered', 'No login request has reached this phone.');
    if (world.clock.now() >= attempt.push.expiresAt) return refuse('expired', 'This login request has expired.');
    if (this.#lockedMeanwhile(attempt)) return refuse('account_locked', LOGIN_FAILED);
    const { app } = phone;
    if (app.ibkey?.username !== attempt.account.spec.username) {
      return app.lockedFor === attempt.account.spec.username ? refuse('ibkey_locked', IBKEY_LOCKED) : refuse('ibkey_not_active', 'IB Key is not activated on this phone.');
    }
    const problem = app.unlockWith(method, pin);
    if (problem === 'wrong_pin') return refuse('wrong_pin', 'Incorrect PIN.');
    if (problem === 'ibkey_locked') return refuse('ibkey_locked', IBKEY_LOCKED);
    if (problem) return refuse(problem, 'Authentication was not completed.');
    world.journal.record({ type: 'push.approved', loginId, phoneId, method });
    phone.clearPush(loginId);
    world.touchPhone(phone);
    this.#complete(attempt, 'ibkey');
    return { ok: true, response: null, message: 'Login approved.' };
  }

  acceptPaperWarning(loginId: string): LoginView {
    const attempt = this.#expect(loginId, ['paperWarning']);
    if (this.#lockedMeanwhile(attempt)) return this.view(attempt);
    this.#finish(attempt);
    return this.view(attempt);
  }

  cancel(loginId: string): LoginView {
    const attempt = this.get(loginId);
    this.#endFactor(attempt);
    this.#forget(attempt);
    if (attempt.step !== 'loggedIn' && attempt.step !== 'failed') {
      this.world.journal.record({ type: 'login.cancelled', loginId, username: attempt.account.spec.username });
    }
    return { ...this.view(attempt), loginId: null, step: 'credentials', error: null, notice: null };
  }

  logOut(loginId: string): LoginView {
    const attempt = this.#expect(loginId, ['loggedIn']);
    this.#forget(attempt);
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

  #forget(attempt: LoginAttempt): void {
    this.world.logins.delete(attempt.id);
    if (attempt.fromPhone && this.world.appLogins.get(attempt.fromPhone) === attempt.id) this.world.appLogins.delete(attempt.fromPhone);
  }

  #remember(attempt: LoginAttempt): void {
    const { logins } = this.world;
    logins.set(attempt.id, attempt);
    // Bounded: a scripted loop of logins must not grow memory without end.
    if (logins.size > MAX_OPEN_LOGINS) {
      const oldest = logins.values().next().value;
      if (oldest) this.#abandon(oldest, 'evicted');
    }
  }

  /** An unfinished login of the phone's app, replaced by a new one from the same phone. */
  #abandonAppLogin(phoneId: string): void {
    const previous = this.world.appLogins.get(phoneId);
    const attempt = previous ? this.world.logins.get(previous) : undefined;
    if (attempt) this.#abandon(attempt, 'new_login');
  }

  /** Ends an attempt nobody cancelled. Its wrong answers were counted when made (failureCounted). */
  #abandon(attempt: LoginAttempt, reason: 'new_login' | 'evicted'): void {
    this.#endFactor(attempt);
    this.#forget(attempt);
    if (attempt.step === 'loggedIn' || attempt.step === 'failed') return;
    this.world.journal.record({ type: 'login.abandoned', loginId: attempt.id, username: attempt.account.spec.username, reason });
  }

  /**
   * A login in progress finishes nothing once its account is locked (by wrong passwords or other
   * attempts' wrong answers): whatever it is asked next, right answer or wrong, it fails with the
   * generic "Login failed", and the journal says why.
   */
  #lockedMeanwhile(attempt: LoginAttempt): boolean {
    // A session already logged in (enrolling from the logged-in screen) is not a login in progress.
    if (attempt.step === 'loggedIn' || attempt.step === 'failed') return false;
    if (!attempt.account.lockout.isLocked(this.world.clock.now())) return false;
    this.#fail(attempt, 'account_locked');
    return true;
  }

  #fail(attempt: LoginAttempt, reason: LoginFailure): void {
    this.#endFactor(attempt);
    attempt.step = 'failed';
    attempt.error = LOGIN_FAILED;
    attempt.notice = null;
    this.world.journal.record({ type: 'login.failed', loginId: attempt.id, username: attempt.account.spec.username, reason });
    this.world.touchLogin(attempt);
  }

  #startFactor(attempt: LoginAttempt, device: DeviceSpec): void {
    const { world } = this;
    attempt.device = device;
    attempt.error = null;
    attempt.notice = null;
    world.journal.record({ type: 'device.selected', loginId: attempt.id, deviceId: device.id, kind: device.kind });
    switch (device.kind) {
      case 'sms': {
        attempt.step = 'securityCode';
        // The same login coming back to SMS (after "change device") keeps its codes and its resend clock.
        const number = attempt.account.spec.mobile!.number;
        let box = attempt.codeBoxes.get(number);
        if (!box) {
          box = new OobCodeBox({ lifetimeMs: world.scenario.timing.codeLifetime, resendIntervalMs: world.scenario.timing.resendInterval });
          attempt.codeBoxes.set(number, box);
        }
        attempt.codes = box;
        const wait = box.retryAfter(world.clock.now());
        if (wait > 0) {
          world.journal.record({ type: 'resend.refused', loginId: attempt.id, retryAfterMs: wait });
          attempt.notice = `A security code was sent to your mobile phone ${maskNumber(number)}. A new code can be requested in ${formatWait(wait)}.`;
        } else this.#sendCode(attempt, 'sms');
        break;
      }
      case 'ibkey': {
        const phone = world.phones.get(device.phone)!;
        const expiresAt = world.clock.now() + world.scenario.timing.pushWindow;
        const timer = world.clock.at(expiresAt, () => this.#pushExpired(attempt));
        attempt.step = 'push';
        attempt.push = { phoneId: device.phone, expiresAt, timer, delivered: false };
        attempt.notice = `A notification has been sent to your phone (${phone.spec.model}). Tap it and authenticate to continue.`;
        sendPush(world, attempt.account, device.phone, attempt.id, expiresAt);
        break;
      }
      case 'dscplus':
        startDscPlus(world, attempt, device);
        break;
      case 'codecard':
        startCodeCard(world, attempt, device);
        break;
    }
    world.touchLogin(attempt);
  }

  #enrolling(loginId: string): LoginAttempt {
    const attempt = this.get(loginId);
    if (!canEnrol(attempt)) {
      throw new SimError('wrong_state', `Login ${loginId} is at "${attempt.step}": no SMS enrolment is open (it is for users with no device, until verified)`);
    }
    return attempt;
  }

  /** After the push window the request is refused, and the login offers challenge/response. */
  #pushExpired(attempt: LoginAttempt): void {
    if (attempt.step !== 'push' || !attempt.push) return;
    const { world } = this;
    world.journal.record({ type: 'push.expired', loginId: attempt.id });
    attempt.pushExpired = true;
    this.#endFactor(attempt);
    issueIbKeyChallenge(this.world, attempt, 'The notification was not approved in time. Use the challenge below with IBKR Mobile.');
  }

  /** Stops whatever the current factor had running (push timer, pending notification). */
  #endFactor(attempt: LoginAttempt): void {
    const { world } = this;
    if (attempt.push) {
      world.clock.cancel(attempt.push.timer);
      const phone = world.phones.get(attempt.push.phoneId);
      if (phone?.clearPush(attempt.id)) world.touchPhone(phone);
      attempt.push = null;
    }
    attempt.codes = null;
    attempt.challenge = null;
  }

  #sendCode(attempt: LoginAttempt, channel: 'sms' | 'voice'): void {
    const { world } = this;
    const code = world.random.digits(6);
    const issued = attempt.codes!.issue(world.clock.now(), code, channel);
    const { number, verified } = attempt.account.spec.mobile!;
    const minutes = Math.round(world.scenario.timing.codeLifetime / 60_000);
    const username = attempt.account.spec.username;
    world.journal.record({ type: 'code.issued', loginId: attempt.id, username, channel, expiresAt: issued.expiresAt });
    if (channel === 'voice') {
      placeCall(world, number, code, attempt.id);
      attempt.notice = `You will receive a call at ${maskNumber(number)} with your security code.`;
      return;
    }
    const { company } = world.scenario.branding;
    const text = `${company}: Your security code is ${code}. It expires in ${minutes} minutes. Do not share this code.`;
    sendSms(world, number, text, attempt.id, verified);
    attempt.notice = `A security code has been sent to your mobile phone ${maskNumber(number)}.`;
  }

  #wrongAnswer(attempt: LoginAttempt, reason: FactorFailure): void {
    attempt.wrongAnswers++;
    const username = attempt.account.spec.username;
    this.world.journal.record({ type: 'code.rejected', loginId: attempt.id, username, reason, wrongAttempts: attempt.wrongAnswers });
    this.#afterWrongAnswer(attempt, 'too_many_wrong_codes');
  }

  /**
   * Every wrong second-factor answer says "Login failed". The first one counts the attempt as one
   * failed login at once (so no way of ending it escapes the count); the last allowed one ends it.
   */
  #afterWrongAnswer(attempt: LoginAttempt, reason: 'too_many_wrong_codes' | 'too_many_wrong_responses'): void {
    const { journal, scenario, clock } = this.world;
    attempt.error = LOGIN_FAILED;
    if (!attempt.failureCounted) {
      attempt.failureCounted = true;
      const { account } = attempt;
      // Journalled first, so that an account.locked it causes follows it.
      const recentFailures = account.lockout.recentFailures(clock.now()) + 1;
      journal.record({ type: 'login.failure_counted', loginId: attempt.id, username: account.spec.username, recentFailures });
      this.#countFailure(account);
    }
    if (attempt.wrongAnswers >= scenario.timing.maxWrongCodes) this.#fail(attempt, reason);
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

  #complete(attempt: LoginAttempt, factor: LoginAttempt['factor'] & string): void {
    this.#endFactor(attempt);
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
