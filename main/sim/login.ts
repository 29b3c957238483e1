// The SLS server's login state machine: credentials → (device choice) → second factor → logged in.
// The one owner of an attempt's step: every operation passes the transition table's guard (#accepting),
// and every change of step goes through #enter, which also announces it to the windows.
import type { LoginFailure } from '../api/events.js';
import { message, type Message } from '../api/messages.js';
import type { LoginSurface, LoginView, TradingMode } from '../api/views.js';
import { SimError } from '../api/errors.js';
import { blankLoginView } from '../api/blank-login-view.js';
import type { Account } from './directory.js';
import type { DeviceSpec } from './scenario/schema.js';
import type { AppRefusal } from '../api/events.js';
import type { AppResponseView } from '../api/views.js';
import { IBKEY_LOCKED, type UnlockMethod } from './mobile-app.js';
import type { World } from './world.js';
import {
  accepts,
  deviceOf,
  STEP_FIELD_NAMES,
  stepsAccepting,
  type AttemptAccepting,
  type AttemptAt,
  type CompletedBy,
  type LoginAttempt,
  type LoginOp,
  type StepEntry,
  type StepFields,
} from './login-attempt.js';
import { FACTORS, startDevice } from './factors/registry.js';
import type { Answer, FactorStep, Started, WrongAnswerEnd } from './factors/factor.js';
import { assertNever } from '../api/exhaustive.js';
import { confirmsNumber, rejectCode } from './factors/security-code.js';
import { maskNumber } from './phone.js';

import { connectingView, LOGIN_FAILED, loginView, refusedView } from './login-view.js';
import type { Connecting } from './login-attempt.js';
import { mustEnrol, regulationFor } from './regulation.js';
import { confirmMobileNumber, finishMobileVerification, optOutOfSls, saveSeamless, verifyMobileNumber, type PortalSession } from './portal.js';
import { completeEnrolment, enrolledNotice, enrolmentOpen, enrolmentVerified, offerEnrolment, refuseOfferedCode, requireEnrolment, sendConfirmationCode, verifyNumber, type Enrolling } from './enrolment.js';

export { LOGIN_FAILED };

/** The steps at which no login is in progress any more: the session is open, or it ended. */
const SESSION_ENDED: ReadonlySet<LoginAttempt['step']> = new Set(['loggedIn', 'reloginRequired', 'failed']);

/** A trading session, one at a time per user: not a read-only login, nor a Client Portal login (its settings trade nothing). */
function isTradingSession(attempt: LoginAttempt): boolean {
  return !attempt.readOnly && attempt.surface === 'tws';
}

/** Open login attempts kept; beyond that the oldest is abandoned, so a scripted loop cannot grow memory without end. */
export const MAX_OPEN_LOGINS = 2000;

/** What the phone says when IB Key itself refuses an approval; any other refusal is "not completed". */
const APPROVAL_REFUSED: Partial<Record<AppRefusal, Message>> = {
  wrong_pin: message('wrong_pin'),
  ibkey_locked: IBKEY_LOCKED,
  ibkey_not_active: message('ibkey_not_active'),
  ibkey_migrated: message('ibkey_migrated'),
};

export class LoginServer {
  constructor(private readonly world: World) {}

  view(attempt: LoginAttempt): LoginView {
    return loginView(this.world, attempt);
  }

  refusedView(mode: TradingMode, surface: LoginSurface = 'tws'): LoginView {
    return refusedView(mode, this.world.clock.now(), surface);
  }

  get(loginId: string): LoginAttempt {
    const attempt = this.world.logins.get(loginId);
    if (!attempt) {
      const connecting = this.world.connections.get(loginId);
      if (connecting) throw new SimError('wrong_state', `Login ${loginId} is still connecting (attempt #${connecting.attempt}): only Cancel is possible`);
      throw new SimError('not_found', `No login ${loginId}: it ended or never started`);
    }
    return attempt;
  }

  /** What the window shows of a login: an attempt's view, or "Log in progress" while it still connects. */
  viewOf(loginId: string): LoginView {
    const connecting = this.world.connections.get(loginId);
    return connecting ? connectingView(connecting, this.world.clock.now()) : this.view(this.get(loginId));
  }

  submitCredentials(username: string, password: string, mode: TradingMode, fromPhone: string | null = null, readOnly = false, surface: LoginSurface = 'tws'): LoginView {
    const { directory, scenario } = this.world;
    // Refused whoever asks: a scenario that does not offer it must not let an API caller skip the second factor.
    if (readOnly && !scenario.readOnlyLogin) throw new SimError('wrong_state', 'This scenario does not offer Read-Only Login (readOnlyLogin)');
    // The portal's settings (Seamless, the mobile number, opting out) must never be reached on the password alone.
    if (readOnly && surface === 'portal') throw new SimError('wrong_state', 'Read-Only Login is the trading platform\'s; the Client Portal always asks for the second factor');
    // Checked now, in constant time, whatever comes next; the password itself is not kept.
    const check = directory.checkPassword(username, password);
    // The login window first connects (the app on a phone and the Client Portal's page connect at once): the server hears of the login only once connected.
    if (!fromPhone && surface === 'tws' && scenario.connection.failedAttempts > 0) return this.#connect({ username, mode, readOnly, check });
    return this.#admit({ username, mode, readOnly, check, surface }, fromPhone, null);
  }

  /** "Log in progress (attempt #1)": the connection retries on the clock before the credentials reach the server. */
  #connect(login: Omit<Connecting, 'id' | 'attempt' | 'timer'>): LoginView {
    const { world } = this;
    const id = world.nextId('L');
    const connecting: Connecting = { ...login, id, attempt: 1, timer: world.clock.after(world.scenario.connection.retryInterval, () => this.#connectionFailed(id)) };
    world.connections.set(id, connecting);
    return connectingView(connecting, world.clock.now());
  }

  /** One connection attempt failed: the next begins, or after the scenario's failed attempts the connection is made. */
  #connectionFailed(id: string): void {
    const { world } = this;
    const connecting = world.connections.get(id);
    if (!connecting) return;
    world.journal.record({ type: 'connection.failed', loginId: id, attempt: connecting.attempt });
    const { failedAttempts, retryInterval } = world.scenario.connection;
    if (connecting.attempt < failedAttempts) {
      connecting.attempt += 1;
      connecting.timer = world.clock.after(retryInterval, () => this.#connectionFailed(id));
      world.announceLogin(connectingView(connecting, world.clock.now()));
      return;
    }
    world.connections.delete(id);
    world.journal.record({ type: 'connection.established', loginId: id, attempts: connecting.attempt + 1 });
    const view = this.#admit({ ...connecting, surface: 'tws' }, null, id);
    // Refused credentials start no attempt: the window that waited on this connection is told under its id.
    if (view.loginId === null) world.announceLogin({ ...view, loginId: id });
  }

  /** The credentials reach the server: refused (generic words), or a login attempt starts (under `id` when a connection reserved it). */
  #admit(login: Omit<Connecting, 'id' | 'attempt' | 'timer'> & { surface: LoginSurface }, fromPhone: string | null, id: string | null): LoginView {
    const { journal, clock } = this.world;
    const now = clock.now();
    const { username, mode, surface } = login;
    const { account, passwordOk } = login.check;
    if (!account) {
      journal.record({ type: 'login.rejected', username, reason: 'unknown_user' });
      return this.refusedView(mode, surface);
    }
    if (account.lockout.isLocked(now)) {
      journal.record({ type: 'login.rejected', username, reason: 'locked' });
      return this.refusedView(mode, surface);
    }
    if (!passwordOk) {
      journal.record({ type: 'login.rejected', username, reason: 'wrong_password' });
      this.#countFailure(account);
      return this.refusedView(mode, surface);
    }
    const devices = account.spec.devices;
    const attempt: LoginAttempt = {
      id: id ?? this.world.nextId('L'),
      account,
      mode,
      surface,
      step: 'credentials',
      fromPhone,
      // Read-only is for users enrolled in the Secure Login System; one with no device logs in as usual.
      readOnly: login.readOnly && devices.length > 0,
      wrongAnswers: 0,
      failureCounted: false,
      codeBoxes: new Map(),
      pushExpired: false,
      error: null,
      notice: null,
    };
    // The phone's app shows one login: a new one abandons the unfinished one before it.
    if (fromPhone) this.#abandonAppLogin(fromPhone);
    this.#remember(attempt);
    if (fromPhone) this.world.appLogins.set(fromPhone, attempt.id);
    journal.record({ type: 'login.started', loginId: attempt.id, username, mode, surface });
    journal.record({ type: 'password.accepted', loginId: attempt.id, username });

    const [only] = devices;
    // A user whose device was lost holds a temporary passcode from client services: the login asks for it instead.
    const passcode = this.world.temporaryPasscodes.get(username);
    if (mode === 'paper' && !this.world.scenario.paper.asksSecondFactor) this.#complete(attempt, 'none', null);
    // "Read-Only Login": the password was the whole check; orders stay disabled in the workspace.
    else if (attempt.readOnly) this.#complete(attempt, 'none', null);
    // Opted out of the Secure Login System in the Client Portal (where the broker allows it): no second factor, nothing offered.
    else if (this.world.slsOptOuts.has(username)) this.#complete(attempt, 'none', null);
    else if (passcode) this.#enterStarted(attempt, FACTORS.temporaryPasscode.start(this.world, attempt, passcode));
    else if (devices.length === 0 && mustEnrol(account.spec.region)) {
      const enrol = requireEnrolment(this.world, attempt);
      this.#enter(attempt, { step: 'enrolRequired', enrol }).notice = regulationFor(account.spec.region);
    } else if (!only) {
      // Offered, not required (Hong Kong and India excepted): the logged-in screen says how.
      const { enrol, notice } = offerEnrolment(this.world);
      const done = this.#complete(attempt, 'none', null);
      done.enrol = enrol;
      done.notice = notice;
    } else if (devices.length === 1) this.#startFactor(attempt, only);
    else this.#enter(attempt, { step: 'selectDevice' });
    return this.view(attempt);
  }

  /**
   * The password check of a log in that is not a login to the platform (IBKR Mobile's log in for IB
   * Key's activation): the same rules, the same journal lines, wrong passwords counted toward the
   * same lockout. The account when the password is right and the account not locked, else null.
   */
  verifyPassword(username: string, password: string): Account | null {
    const { directory, journal, clock } = this.world;
    const { account, passwordOk } = directory.checkPassword(username, password);
    if (!account) {
      journal.record({ type: 'login.rejected', username, reason: 'unknown_user' });
      return null;
    }
    if (account.lockout.isLocked(clock.now())) {
      journal.record({ type: 'login.rejected', username, reason: 'locked' });
      return null;
    }
    if (!passwordOk) {
      journal.record({ type: 'login.rejected', username, reason: 'wrong_password' });
      this.#countFailure(account);
      return null;
    }
    return account;
  }

  chooseDevice(loginId: string, deviceId: string): LoginView {
    const attempt = this.#accepting(loginId, 'chooseDevice');
    if (this.#lockedMeanwhile(attempt)) return this.view(attempt);
    const device = attempt.account.spec.devices.find((d) => d.id === deviceId);
    if (!device) throw new SimError('not_found', `No device "${deviceId}" for this user`);
    this.#startFactor(attempt, device);
    return this.view(attempt);
  }

  /** Back to the drop-down; the factor in progress is abandoned, the wrong-answer count kept. */
  changeDevice(loginId: string): LoginView {
    const attempt = this.#accepting(loginId, 'changeDevice');
    if (attempt.account.spec.devices.length < 2) throw new SimError('wrong_state', 'This user has only one device');
    if (this.#lockedMeanwhile(attempt)) return this.view(attempt);
    const back = this.#enter(attempt, { step: 'selectDevice' });
    back.error = null;
    back.notice = null;
    return this.view(attempt);
  }

  submitCode(loginId: string, code: string): LoginView {
    const attempt = this.#accepting(loginId, 'submitCode');
    if (this.#lockedMeanwhile(attempt)) return this.view(attempt);
    // Either channel's module checks the code the same way: one box, whichever channel carried it.
    // A portal login's Confirm Code to a number not verified yet verifies it too (factors/security-code.ts).
    const confirming = confirmsNumber(attempt) ? attempt.account.spec.mobile?.number : undefined;
    const answer = FACTORS.sms.answer(this.world, attempt, code);
    if (answer.ok) {
      const done = this.#complete(attempt, answer.by, attempt.device);
      if (confirming && attempt.account.spec.mobile?.verified) done.notice = message('portal_number_verified', { number: maskNumber(confirming), autoEnrol: false });
    } else this.#afterWrongAnswer(attempt, answer.refusal);
    return this.view(attempt);
  }

  requestNewCode(loginId: string, channel: 'sms' | 'voice'): LoginView {
    const attempt = this.#accepting(loginId, 'requestNewCode');
    if (this.#lockedMeanwhile(attempt)) return this.view(attempt);
    const wait = attempt.codes.retryAfter(this.world.clock.now(), channel);
    if (wait > 0) {
      this.world.journal.record({ type: 'resend.refused', loginId, retryAfterMs: wait });
      attempt.error = message('resend_wait', { waitMs: wait });
    } else {
      attempt.notice = FACTORS[channel].send(this.world, attempt);
      attempt.error = null;
    }
    this.world.touchLogin(attempt);
    return this.view(attempt);
  }

  /** VERIFY: a confirmation code by SMS to the number typed, under the same rules as a security code. */
  enrolSms(loginId: string, number: string): LoginView {
    const attempt = this.#enrolling(loginId, 'enrolSms');
    if (this.#lockedMeanwhile(attempt)) return this.view(attempt);
    sendConfirmationCode(this.world, attempt, number);
    this.world.touchLogin(attempt);
    return this.view(attempt);
  }

  /** The Confirm Code in "Confirmation Number" → CONTINUE: the number is verified ("SMS Verified"); the login waits for the second CONTINUE. */
  confirmSmsEnrolment(loginId: string, code: string): LoginView {
    const attempt = this.#enrolling(loginId, 'confirmSmsEnrolment');
    const { codes, number } = attempt.enrol;
    if (!codes || number === null) throw new SimError('wrong_state', 'Enter your mobile number and press VERIFY first');
    if (this.#lockedMeanwhile(attempt)) return this.view(attempt);
    const result = codes.verify(this.world.clock.now(), code);
    if (!result.ok) {
      // Required: a wrong second-factor answer like any other. Offered: the session is not at stake.
      if (attempt.step === 'enrolRequired') {
        rejectCode(this.world, attempt, result.reason);
        this.#afterWrongAnswer(attempt, 'too_many_wrong_codes');
      } else refuseOfferedCode(this.world, attempt, result.reason);
      this.world.touchLogin(attempt);
      return this.view(attempt);
    }
    verifyNumber(this.world, attempt, number);
    this.world.touchLogin(attempt);
    return this.view(attempt);
  }

  /** The second CONTINUE, once "SMS Verified" is checked: SMS becomes the user's second factor, a required login goes on. */
  finishSmsEnrolment(loginId: string): LoginView {
    const attempt = this.get(loginId);
    if (!accepts(attempt, 'finishSmsEnrolment') || !enrolmentVerified(attempt)) {
      throw new SimError('wrong_state', `Login ${loginId} is at "${attempt.step}": no verified number waits for CONTINUE (enter the Confirm Code first)`);
    }
    if (this.#lockedMeanwhile(attempt)) return this.view(attempt);
    const { number } = attempt.enrol;
    if (number === null) throw new SimError('wrong_state', 'Enter your mobile number and press VERIFY first');
    const device = completeEnrolment(this.world, attempt, number);
    const done = attempt.step === 'enrolRequired' ? this.#complete(attempt, 'sms', device, attempt.enrol) : attempt;
    done.device = device;
    done.error = null;
    done.notice = enrolledNotice(number);
    this.world.touchLogin(attempt);
    return this.view(attempt);
  }

  /** Client Portal → Mobile Number → VERIFY: a Confirm Code by SMS (portal.ts). */
  verifyMobileNumber(loginId: string, number: string): LoginView {
    return this.#inPortal(loginId, 'verifyMobileNumber', (session) => verifyMobileNumber(this.world, session, number));
  }

  /** Client Portal: "Confirmation Number" → CONTINUE. */
  confirmMobileNumber(loginId: string, code: string): LoginView {
    return this.#inPortal(loginId, 'confirmMobileNumber', (session) => confirmMobileNumber(this.world, session, code));
  }

  /** Client Portal: CONTINUE again, once "SMS Verified" shows its check. */
  finishMobileVerification(loginId: string): LoginView {
    return this.#inPortal(loginId, 'finishMobileVerification', (session) => finishMobileVerification(this.world, session));
  }

  /** Client Portal → Secure Login Settings → Seamless Authentication → Save. */
  saveSeamless(loginId: string, enabled: boolean): LoginView {
    return this.#inPortal(loginId, 'saveSeamless', (session) => saveSeamless(this.world, session, enabled));
  }

  /** Client Portal → Secure Login System: opt out, where the broker allows it. */
  optOutOfSls(loginId: string): LoginView {
    return this.#inPortal(loginId, 'optOutOfSls', (session) => optOutOfSls(this.world, session));
  }

  /** The Client Portal's settings: a portal login, logged in (the table's guard, and the surface). */
  #inPortal(loginId: string, op: 'verifyMobileNumber' | 'confirmMobileNumber' | 'finishMobileVerification' | 'saveSeamless' | 'optOutOfSls', act: (session: PortalSession) => void): LoginView {
    const attempt = this.#accepting(loginId, op);
    if (attempt.surface !== 'portal') throw new SimError('wrong_state', `Login ${loginId} is a trading-platform login: these settings are in the Client Portal (log in there)`);
    act(attempt);
    this.world.touchLogin(attempt);
    return this.view(attempt);
  }

  /** "Click here if you do not receive the notification": the challenge/response path. */
  requestChallenge(loginId: string): LoginView {
    const attempt = this.#accepting(loginId, 'requestChallenge');
    if (this.#lockedMeanwhile(attempt)) return this.view(attempt);
    this.#startIbKeyChallenge(attempt, null);
    return this.view(attempt);
  }

  submitResponse(loginId: string, response: string): LoginView {
    const attempt = this.#accepting(loginId, 'submitResponse');
    if (this.#lockedMeanwhile(attempt)) return this.view(attempt);
    const answer = this.#answerResponse(attempt, response);
    if (answer.ok) this.#complete(attempt, answer.by, deviceOf(attempt));
    else this.#afterWrongAnswer(attempt, answer.refusal);
    return this.view(attempt);
  }

  #answerResponse(attempt: AttemptAccepting<'submitResponse'>, response: string): Answer<WrongAnswerEnd> {
    switch (attempt.step) {
      case 'challenge':
        return FACTORS.ibkeyChallenge.answer(this.world, attempt, response);
      case 'dscplus':
        return FACTORS.dscplus.answer(this.world, attempt, response);
      case 'codecard':
        return FACTORS.codecard.answer(this.world, attempt, response);
      case 'temporaryPasscode':
        return FACTORS.temporaryPasscode.answer(this.world, attempt, response);
      default:
        return assertNever(attempt, 'response step');
    }
  }

  /** The phone's IB Key approving a pending login (push notification tapped, owner verified). */
  approvePush(phoneId: string, loginId: string, method: UnlockMethod, pin: string | undefined): AppResponseView {
    const { world } = this;
    const refuse = (reason: AppRefusal, said: Message): AppResponseView => {
      world.journal.record({ type: 'push.refused', loginId, phoneId, reason });
      return { ok: false, response: null, message: said };
    };
    const attempt = world.logins.get(loginId);
    const phone = world.phones.get(phoneId);
    if (!phone) throw new SimError('not_found', `No phone "${phoneId}" in this scenario`);
    if (!attempt || !accepts(attempt, 'approvePush') || attempt.push.phoneId !== phoneId) {
      const expired = attempt?.pushExpired === true;
      phone.clearPush(loginId);
      world.touchPhone(phone);
      return expired
        ? refuse('expired', message('approval_expired_use_challenge'))
        : refuse('not_pending', message('approval_not_pending'));
    }
    // A request held by the network (airplane mode, phone off…) or lost on the way is not on the phone.
    if (!attempt.push.delivered) return refuse('not_delivered', message('approval_not_delivered'));
    if (world.clock.now() >= attempt.push.expiresAt) return refuse('expired', message('approval_expired'));
    if (this.#lockedMeanwhile(attempt)) return refuse('account_locked', LOGIN_FAILED);
    const answer = FACTORS.ibkeyPush.answer(world, attempt, { phone, method, pin });
    if (!answer.ok) return refuse(answer.refusal, APPROVAL_REFUSED[answer.refusal] ?? message('authentication_not_completed'));
    this.#complete(attempt, answer.by, attempt.device);
    return { ok: true, response: null, message: message('login_approved') };
  }

  /**
   * "Continue Login" on "Existing session detected": every other trading session of the user ends
   * (its window says "Re-login is required"; the scenario's session elsewhere is gone), and this
   * login goes on (the paper warning, or logged in).
   */
  continueLogin(loginId: string): LoginView {
    const attempt = this.#accepting(loginId, 'continueLogin');
    if (this.#lockedMeanwhile(attempt)) return this.view(attempt);
    const { device, factor, enrol } = attempt;
    this.#disconnectOthers(attempt);
    // What the logged-in screen is to say (an enrolment offer) is kept past the dialog.
    const kept = attempt.notice;
    this.#afterSession(attempt, { device, factor, enrol }).notice = kept;
    return this.view(attempt);
  }

  acceptPaperWarning(loginId: string): LoginView {
    const attempt = this.#accepting(loginId, 'acceptPaperWarning');
    if (this.#lockedMeanwhile(attempt)) return this.view(attempt);
    this.#finish(attempt, { device: attempt.device, factor: attempt.factor, enrol: attempt.enrol });
    return this.view(attempt);
  }

  cancel(loginId: string): LoginView {
    const connecting = this.world.connections.get(loginId);
    if (connecting) {
      // Cancel while connecting: the credentials never reached the server, so nothing counts.
      this.world.connections.delete(loginId);
      this.world.clock.cancel(connecting.timer);
      this.world.journal.record({ type: 'login.cancelled', loginId, username: connecting.username });
      return { ...blankLoginView(connecting.mode, this.world.clock.now()), username: connecting.username };
    }
    const attempt = this.get(loginId);
    const unfinished = !SESSION_ENDED.has(attempt.step);
    this.#forget(attempt);
    this.#enter(attempt, { step: 'credentials' });
    if (unfinished) this.world.journal.record({ type: 'login.cancelled', loginId, username: attempt.account.spec.username });
    return { ...this.view(attempt), loginId: null, error: null, notice: null };
  }

  logOut(loginId: string): LoginView {
    const attempt = this.#accepting(loginId, 'logOut');
    this.#forget(attempt);
    this.#enter(attempt, { step: 'credentials' });
    this.world.journal.record({ type: 'logout', loginId, username: attempt.account.spec.username });
    return { ...this.view(attempt), loginId: null, error: null, notice: null };
  }

  /** The one guard of the transition table: the attempt, narrowed to the steps that accept the operation. */
  #accepting<O extends LoginOp>(loginId: string, op: O): AttemptAccepting<O> {
    const attempt = this.get(loginId);
    if (!accepts(attempt, op)) {
      throw new SimError('wrong_state', `Login ${loginId} is at "${attempt.step}", not ${stepsAccepting(op).map((s) => `"${s}"`).join(' or ')}`);
    }
    return attempt;
  }

  /** SMS enrolment: the table's guard, and the enrolment itself open (required or offered, not verified yet). */
  #enrolling(loginId: string, op: 'enrolSms' | 'confirmSmsEnrolment'): Enrolling {
    const attempt = this.get(loginId);
    if (!accepts(attempt, op) || !enrolmentOpen(attempt)) {
      throw new SimError('wrong_state', `Login ${loginId} is at "${attempt.step}": no SMS enrolment is open (it is for users with no device, until verified)`);
    }
    return attempt;
  }

  /**
   * The only writer of an attempt's step. Leaving a step stops what it had running (push timer,
   * pending notification) and drops its fields; the new step's fields come in, and every window
   * showing the login hears of it.
   */
  #enter<E extends StepEntry>(attempt: LoginAttempt, entry: E): AttemptAt<E['step']> {
    this.#endFactor(attempt);
    const held = attempt as unknown as Record<string, unknown>;
    for (const name of STEP_FIELD_NAMES) delete held[name];
    Object.assign(held, entry);
    this.world.touchLogin(attempt);
    return attempt as unknown as AttemptAt<E['step']>;
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
    if (SESSION_ENDED.has(attempt.step)) return;
    this.world.journal.record({ type: 'login.abandoned', loginId: attempt.id, username: attempt.account.spec.username, reason });
  }

  /**
   * A login in progress finishes nothing once its account is locked (by wrong passwords or other
   * attempts' wrong answers): whatever it is asked next, right answer or wrong, it fails with the
   * generic "Login failed", and the journal says why.
   */
  #lockedMeanwhile(attempt: LoginAttempt): boolean {
    // A session already logged in (enrolling from the logged-in screen) is not a login in progress.
    if (SESSION_ENDED.has(attempt.step)) return false;
    if (!attempt.account.lockout.isLocked(this.world.clock.now())) return false;
    this.#fail(attempt, 'account_locked');
    return true;
  }

  #fail(attempt: LoginAttempt, reason: LoginFailure): void {
    const device = 'device' in attempt ? attempt.device : null;
    // The failed screen still shows the enrolment it failed in, with no code out any more.
    const enrol = 'enrol' in attempt && attempt.enrol ? { ...attempt.enrol, codes: null } : null;
    const failed = this.#enter(attempt, { step: 'failed', device, enrol });
    failed.error = LOGIN_FAILED;
    failed.notice = null;
    this.world.journal.record({ type: 'login.failed', loginId: attempt.id, username: attempt.account.spec.username, reason });
  }

  #startFactor(attempt: LoginAttempt, device: DeviceSpec): void {
    const { world } = this;
    attempt.error = null;
    attempt.notice = null;
    world.journal.record({ type: 'device.selected', loginId: attempt.id, deviceId: device.id, kind: device.kind });
    const loginId = attempt.id;
    if (device.kind === 'ibkey' && !world.seamless(attempt.account.spec.username)) {
      // Seamless Authentication off in the Client Portal: no notification is sent, the challenge is asked at once.
      world.journal.record({ type: 'push.suppressed', loginId, phoneId: device.phone, reason: 'seamless_disabled' });
      const notice = message('seamless_off_challenge', { app: world.scenario.branding.mobileApp });
      this.#enterStarted(attempt, FACTORS.ibkeyChallenge.start(world, attempt, { device, notice }));
      return;
    }
    this.#enterStarted(attempt, startDevice(world, attempt, device, () => this.#pushExpired(loginId)));
  }

  #enterStarted(attempt: LoginAttempt, started: Started<FactorStep>): void {
    this.#enter(attempt, started.entry).notice = started.notice;
  }

  /** IB Key's challenge/response, after the push (asked for, or expired). */
  #startIbKeyChallenge(attempt: AttemptAt<'push'>, notice: Message | null): void {
    const started = FACTORS.ibkeyChallenge.start(this.world, attempt, { device: attempt.device, notice });
    const shown = this.#enter(attempt, started.entry);
    shown.notice = started.notice;
    shown.error = null;
  }

  /** After the push window the request is refused, and the login offers challenge/response. */
  #pushExpired(loginId: string): void {
    const attempt = this.world.logins.get(loginId);
    if (attempt?.step !== 'push') return;
    this.world.journal.record({ type: 'push.expired', loginId });
    attempt.pushExpired = true;
    this.#startIbKeyChallenge(attempt, message('push_expired', { app: this.world.scenario.branding.mobileApp }));
  }

  /** Stops whatever the current factor had running (push timer, pending notification). */
  #endFactor(attempt: LoginAttempt): void {
    if (attempt.step !== 'push') return;
    const { world } = this;
    world.clock.cancel(attempt.push.timer);
    const phone = world.phones.get(attempt.push.phoneId);
    if (phone?.clearPush(attempt.id)) world.touchPhone(phone);
  }

  /**
   * Every wrong second-factor answer says "Login failed". The first one counts the attempt as one
   * failed login at once (so no way of ending it escapes the count); the last allowed one ends it.
   */
  #afterWrongAnswer(attempt: LoginAttempt, reason: WrongAnswerEnd): void {
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

  /**
   * A right answer: "Existing session detected" first when the user's other trading session is open
   * (one at a time; a read-only login and a Client Portal login are no trading session), then paper trading's warning, then logged in.
   */
  #complete(
    attempt: LoginAttempt,
    factor: CompletedBy,
    device: DeviceSpec | null,
    enrol: Enrolling['enrol'] | null = null,
  ): AttemptAt<'existingSession'> | AttemptAt<'paperWarning'> | AttemptAt<'loggedIn'> {
    const fields = { device, factor, enrol };
    const other = isTradingSession(attempt) ? this.#otherSession(attempt) : undefined;
    if (other !== undefined) {
      const asked = this.#enter(attempt, { step: 'existingSession', ...fields, other });
      asked.error = null;
      asked.notice = null;
      this.world.journal.record({ type: 'session.existing', loginId: attempt.id, username: attempt.account.spec.username, other });
      return asked;
    }
    return this.#afterSession(attempt, fields);
  }

  /** The user's other trading session: a logged-in attempt's id, null for the scenario's session elsewhere, undefined for none. */
  #otherSession(attempt: LoginAttempt): string | null | undefined {
    for (const other of this.world.logins.values()) if (other !== attempt && other.account === attempt.account && other.step === 'loggedIn' && isTradingSession(other)) return other.id;
    return attempt.account.spec.loggedInElsewhere ? null : undefined;
  }

  /** Ends every other trading session of the user: only one at a time. */
  #disconnectOthers(attempt: AttemptAt<'existingSession'>): void {
    const { world } = this;
    const { account } = attempt;
    const username = account.spec.username;
    if (account.spec.loggedInElsewhere) {
      account.spec.loggedInElsewhere = false;
      world.journal.record({ type: 'session.disconnected', loginId: attempt.id, username, ended: null });
    }
    for (const other of [...world.logins.values()]) {
      if (other === attempt || other.account !== account || other.step !== 'loggedIn' || !isTradingSession(other)) continue;
      world.journal.record({ type: 'session.disconnected', loginId: attempt.id, username, ended: other.id });
      this.#endSession(other, message('session_disconnected'));
    }
  }

  /** The server ends a session: its window says "Re-login is required" and why, and offers only Re-login. */
  #endSession(attempt: AttemptAt<'loggedIn'>, why: Message): void {
    const ended = this.#enter(attempt, { step: 'reloginRequired' });
    ended.error = null;
    ended.notice = why;
  }

  /** The session lasted timing.sessionTimeout (unless it ended before): "Re-login is required". */
  #sessionTimedOut(attempt: AttemptAt<'loggedIn'>): void {
    if (this.world.logins.get(attempt.id) !== attempt || attempt.step !== 'loggedIn') return;
    this.world.journal.record({ type: 'session.expired', loginId: attempt.id, username: attempt.account.spec.username });
    this.#endSession(attempt, message('session_timed_out'));
  }

  /** Past the second factor and any other session: paper trading shows its warning first, live trading is logged in. */
  #afterSession(attempt: LoginAttempt, fields: StepFields['paperWarning']): AttemptAt<'paperWarning'> | AttemptAt<'loggedIn'> {
    if (attempt.mode === 'paper') {
      const warned = this.#enter(attempt, { step: 'paperWarning', ...fields });
      warned.error = null;
      warned.notice = null;
      return warned;
    }
    attempt.notice = null;
    return this.#finish(attempt, fields);
  }

  #finish(attempt: LoginAttempt, fields: StepFields['loggedIn']): AttemptAt<'loggedIn'> {
    const done = this.#enter(attempt, { step: 'loggedIn', ...fields });
    done.error = null;
    done.account.lockout.reset();
    const { username } = done.account.spec;
    this.world.journal.record({ type: 'login.succeeded', loginId: done.id, username, mode: done.mode, factor: done.factor, readOnly: done.readOnly });
    const { sessionTimeout } = this.world.scenario.timing;
    if (sessionTimeout) this.world.clock.after(sessionTimeout, () => this.#sessionTimedOut(done));
    return done;
  }
}
