// IB Key's activation in IBKR Mobile, after the app's own log in ("How to Migrate IBKR Mobile
// Authentication (IB Key) to a New Smartphone"; the FAQ's new phone and reinstalled app): the
// Activation Token by SMS to the number on record, or, for a user with an active physical device,
// that device's response to a challenge the app shows; on iOS the "Activation Code" → Activate, on
// Android the "SMS Code" → Verify, then "PIN" and "Repeat PIN" → Activate. Three purposes:
// - activate: the first time (the user has no IB Key);
// - reactivate: the same phone, after a reinstall (iOS: the phone's passcode or biometric with the
//   token) or Clear data (Android: the app PIN set before with the token);
// - migrate: IB Key moves from another phone, which loses it at once.
// The token follows the security code's rules: an OobCodeBox per activation (single use, the code
// lifetime, the resend interval, a new one replaces the old), wrong ones counted to maxWrongCodes.
import type { ActivationRefusal } from '../api/events.js';
import { message, type Message } from '../api/messages.js';
import type { ActivationAnswer, ActivationView } from '../api/views.js';
import { SimError } from '../api/errors.js';
import { appPinProblems, type ActivationChannel, type ActivationPurpose, type UnlockMethod } from '../api/vocabulary.js';
import type { Account } from './directory.js';
import { deriveKey } from './keys.js';
import { iosAppSecret, type IbKeySecret } from './mobile-app.js';
import { OobCodeBox, sameSecret } from './oob-code.js';
import { ibKeyResponse } from './otp/index.js';
import { maskNumber, type Phone } from './phone.js';
import { deriveRandom } from './random.js';
import type { DeviceSpec } from './scenario/schema.js';
import { sendSms } from './sms.js';
import type { World } from './world.js';
import { activationSms } from './world-text.js';

type IbKeyDevice = Extract<DeviceSpec, { kind: 'ibkey' }>;

interface Activation {
  id: string;
  phone: Phone;
  account: Account;
  purpose: ActivationPurpose;
  step: ActivationView['step'];
  via: ActivationChannel;
  /** The number the SMS goes to (via sms), or the fob that answers the challenge (via dscplus). */
  number: string | null;
  fob: { serial: string; pin: string } | null;
  challenge: string | null;
  tokens: OobCodeBox;
  /** Tokens issued so far: each draws a value of its own. */
  issued: number;
  wrongTokens: number;
  wrongPins: number;
  /** Migration: the phone IB Key leaves. */
  fromPhone: Phone | null;
  error: Message | null;
  notice: Message | null;
}

const REFUSALS: Record<ActivationRefusal, (world: World, device: IbKeyDevice | undefined) => Message> = {
  app_not_installed: () => message('app_not_installed'),
  nothing_to_migrate: () => message('activation_nothing_to_migrate'),
  already_active: () => message('activation_already_active'),
  no_number: () => message('activation_no_number'),
  other_phone: (world, device) => message('activation_other_phone', { model: (device && world.phones.get(device.phone)?.spec.model) ?? 'phone' }),
};

export class IbKeyActivations {
  readonly #byPhone = new Map<string, Activation>();

  constructor(
    private readonly world: World,
    /** The login server's password check: wrong passwords count toward the same lockout. */
    private readonly verifyPassword: (username: string, password: string) => Account | null,
  ) {}

  view(phoneId: string): ActivationView | null {
    const a = this.#byPhone.get(phoneId);
    if (!a) return null;
    const android = a.phone.spec.platform === 'android';
    return {
      id: a.id,
      purpose: a.purpose,
      username: a.account.spec.username,
      step: a.step,
      via: a.via,
      number: a.number ? maskNumber(a.number) : null,
      challenge: a.challenge,
      serial: a.fob?.serial ?? null,
      resendAvailableAt: a.step === 'token' ? a.tokens.nextSendAt('sms') : null,
      asksCurrentPin: a.purpose === 'reactivate' && android,
      asksOwner: a.purpose === 'reactivate' && !android,
      fromModel: a.fromPhone?.spec.model ?? null,
      error: a.error,
      notice: a.notice,
    };
  }

  #answer(phone: Phone, error: Message | null = null): ActivationAnswer {
    this.world.touchPhone(phone);
    return { activation: this.view(phone.id), error };
  }

  /** The app's log in for IB Key ("Migrate IB Key", or Services → "Activate IB Key"): the server decides activation or reactivation. */
  start(phone: Phone, username: string, password: string, asked: 'activate' | 'migrate'): ActivationAnswer {
    const { world } = this;
    const refuse = (reason: ActivationRefusal, device?: IbKeyDevice): ActivationAnswer => {
      world.journal.record({ type: 'activation.refused', phoneId: phone.id, username, reason });
      return { activation: null, error: REFUSALS[reason](world, device) };
    };
    if (!phone.app.installed) return refuse('app_not_installed');
    const account = this.verifyPassword(username, password);
    if (!account) return { activation: null, error: message('invalid_credentials') };
    const device = account.spec.devices.find((d): d is IbKeyDevice => d.kind === 'ibkey');
    let purpose: ActivationPurpose;
    if (asked === 'migrate') {
      if (!device || device.phone === phone.id) return refuse('nothing_to_migrate');
      purpose = 'migrate';
    } else if (!device) purpose = 'activate';
    else if (device.phone !== phone.id) return refuse('other_phone', device);
    else if (phone.app.ibkey?.username === username) return refuse('already_active');
    else purpose = 'reactivate';

    // "Unless you have a physical security device active for your user": its response carries the token instead of an SMS.
    const fobDevice = account.spec.devices.find((d) => d.kind === 'dscplus');
    const fob = fobDevice && world.fobs.has(fobDevice.serial) ? { serial: fobDevice.serial, pin: fobDevice.pin } : null;
    const mobile = account.spec.mobile;
    if (!fob && !mobile?.verified) return refuse('no_number');
    const { timing } = world.scenario;
    const activation: Activation = {
      id: world.nextId('A'),
      phone,
      account,
      purpose,
      step: 'token',
      via: fob ? 'dscplus' : 'sms',
      number: fob ? null : mobile!.number,
      fob,
      challenge: null,
      tokens: new OobCodeBox({ lifetimeMs: timing.codeLifetime, resendIntervalMs: timing.resendInterval }),
      issued: 0,
      wrongTokens: 0,
      wrongPins: 0,
      fromPhone: purpose === 'migrate' ? (world.phones.get(device!.phone) ?? null) : null,
      error: null,
      notice: null,
    };
    this.#byPhone.set(phone.id, activation);
    world.journal.record({ type: 'activation.started', activationId: activation.id, phoneId: phone.id, username, purpose, via: activation.via });
    this.#issue(activation);
    return this.#answer(phone);
  }

  /** A new token (SMS) or a new challenge (physical device), at most every resend interval; the old one stops working. */
  resend(phone: Phone): ActivationAnswer {
    const a = this.#at(phone, 'token');
    const wait = a.tokens.retryAfter(this.world.clock.now(), 'sms');
    if (wait > 0) {
      this.world.journal.record({ type: 'activation.resend_refused', activationId: a.id, retryAfterMs: wait });
      a.error = message('resend_wait', { waitMs: wait });
      return this.#answer(phone);
    }
    a.error = null;
    this.#issue(a);
    return this.#answer(phone);
  }

  #issue(a: Activation): void {
    const { world } = this;
    const { seed } = world.scenario;
    const now = world.clock.now();
    a.issued++;
    const random = deriveRandom(seed, 'activation-token', a.account.spec.username, a.id, a.issued);
    if (a.fob) {
      // The fob answers the challenge with its key and PIN, as at a login: that response is the token.
      const fob = world.fobs.get(a.fob.serial)!;
      a.challenge = random.digits(6);
      const issued = a.tokens.issue(now, ibKeyResponse({ key: fob.key, pin: a.fob.pin, challenge: a.challenge }), 'sms');
      world.journal.record({ type: 'activation.token_sent', activationId: a.id, via: 'dscplus', to: null, expiresAt: issued.expiresAt });
      a.notice = message('activation_challenge_dscplus', { serial: a.fob.serial });
      return;
    }
    const number = a.number!;
    const token = random.digits(6);
    const issued = a.tokens.issue(now, token, 'sms');
    world.journal.record({ type: 'activation.token_sent', activationId: a.id, via: 'sms', to: maskNumber(number), expiresAt: issued.expiresAt });
    const { spec } = a.account;
    sendSms(world, number, activationSms(world.scenario, spec.language, token), null, spec.mobile?.verified ?? false);
    a.notice = message('activation_token_sent', { number: maskNumber(number) });
  }

  #at(phone: Phone, step: ActivationView['step']): Activation {
    const a = this.#byPhone.get(phone.id);
    if (!a) throw new SimError('wrong_state', `No IB Key activation on phone "${phone.id}": log in to the app first`);
    if (a.step !== step) throw new SimError('wrong_state', `The IB Key activation on "${phone.id}" is at "${a.step}", not "${step}"`);
    return a;
  }

  /**
   * iOS "Activation Code" → Activate; Android "SMS Code" → Verify. A reactivation proves the owner
   * first: the phone's passcode or biometric (iOS), the app PIN set before (Android, counted like
   * the app's wrong PINs); only then is the token compared, so the token is not spent on a wrong PIN.
   */
  submitToken(phone: Phone, token: string, pin: string | undefined, method: UnlockMethod | undefined): ActivationAnswer {
    const a = this.#at(phone, 'token');
    const { world } = this;
    const { timing } = world.scenario;
    const view = this.view(phone.id)!;
    if (view.asksOwner && !(method && phone.app.confirmsOwner(method))) {
      world.journal.record({ type: 'activation.pin_refused', activationId: a.id, reason: 'owner_not_confirmed' });
      a.error = message('authentication_not_completed');
      return this.#answer(phone);
    }
    if (view.asksCurrentPin) {
      const expected = world.ibkeySecret(a.account.spec.username, this.#device(a)!).pin;
      if (!sameSecret(expected, pin ?? '')) {
        a.wrongPins++;
        world.journal.record({ type: 'activation.pin_refused', activationId: a.id, reason: 'wrong_pin' });
        a.error = message('wrong_pin');
        if (a.wrongPins >= timing.appPinTries) this.#stop(a, 'too_many_wrong_pins');
        return this.#answer(phone);
      }
    }
    const result = a.tokens.verify(world.clock.now(), token);
    if (!result.ok) {
      a.wrongTokens++;
      world.journal.record({ type: 'activation.token_rejected', activationId: a.id, reason: result.reason, wrongAttempts: a.wrongTokens });
      a.error = message(result.reason === 'expired' ? 'activation_token_expired' : result.reason === 'used' ? 'activation_token_used' : 'activation_token_wrong');
      if (a.wrongTokens >= timing.maxWrongCodes) this.#stop(a, 'too_many_wrong_tokens');
      return this.#answer(phone);
    }
    world.journal.record({ type: 'activation.token_accepted', activationId: a.id });
    a.error = null;
    a.notice = null;
    // Android chooses its PIN after the token (migration article, step 6), unless it is the one set before.
    if (phone.spec.platform === 'android' && a.purpose !== 'reactivate') {
      a.step = 'pin';
      return this.#answer(phone);
    }
    this.#complete(a, view.asksCurrentPin ? (pin ?? null) : null);
    return this.#answer(phone);
  }

  /** Android: "PIN" and "Repeat PIN" → Activate, with the article's rules (alphanumeric, 4 to 6 characters, at least one number). */
  setPin(phone: Phone, pin: string, repeat: string): ActivationAnswer {
    const a = this.#at(phone, 'pin');
    const [problem] = appPinProblems(pin);
    if (problem) {
      this.world.journal.record({ type: 'activation.pin_refused', activationId: a.id, reason: problem });
      a.error = message('pin_rule', { problem });
      return this.#answer(phone);
    }
    if (pin !== repeat) {
      this.world.journal.record({ type: 'activation.pin_refused', activationId: a.id, reason: 'mismatch' });
      a.error = message('pin_mismatch');
      return this.#answer(phone);
    }
    this.#complete(a, pin);
    return this.#answer(phone);
  }

  #stop(a: Activation, reason: 'too_many_wrong_tokens' | 'too_many_wrong_pins'): void {
    a.step = 'stopped';
    a.error = message('activation_stopped');
    a.notice = null;
    this.world.journal.record({ type: 'activation.stopped', activationId: a.id, reason });
  }

  #device(a: Activation): IbKeyDevice | undefined {
    return a.account.spec.devices.find((d): d is IbKeyDevice => d.kind === 'ibkey');
  }

  /** IB Key active in this phone's app, registered with the server; a migration takes it from the other phone. */
  #complete(a: Activation, pin: string | null): void {
    const { world } = this;
    const { seed } = world.scenario;
    const { spec } = a.account;
    const { username } = spec;
    const phone = a.phone;
    const devices = spec.devices;
    let device = this.#device(a);
    let secret: IbKeySecret;
    if (a.purpose === 'reactivate' && device) {
      // The same registration as before: the server's key, and the PIN just proven (Android) or the app's secret (iOS).
      secret = world.ibkeySecret(username, device);
    } else {
      // A new registration: a key of its own, and the chosen PIN (Android) or a secret the app keeps (iOS).
      const deviceId = device?.id ?? (devices.some((d) => d.id === 'ibkey') ? `ibkey-${phone.id}` : 'ibkey');
      secret = { key: deriveKey(seed, `ibkey:${username}:${deviceId}:${phone.id}:${a.id}`), pin: pin ?? iosAppSecret(seed, phone.id) };
      const moved: IbKeyDevice = { id: deviceId, kind: 'ibkey', phone: phone.id };
      if (device) {
        // A new object: a login in progress keeps the device it started with.
        devices[devices.indexOf(device)] = moved;
      } else {
        // The first activation replaces SMS, which a user without another device is enrolled in by default.
        const sms = devices.findIndex((d) => d.kind === 'sms');
        if (sms >= 0) devices.splice(sms, 1, moved);
        else devices.push(moved);
      }
      device = moved;
    }
    const from = a.fromPhone;
    if (from && from.app.ibkey?.username === username) {
      from.app.removeIbKey();
      world.journal.record({ type: 'app.ibkey_removed', phoneId: from.id, username, reason: 'migrated' });
      world.touchPhone(from);
    }
    world.ibkeySecrets.set(username, { phoneId: phone.id, ...secret });
    phone.app.activate(username, device.id, secret);
    a.step = 'done';
    a.error = null;
    a.notice = null;
    world.journal.record({ type: 'activation.completed', activationId: a.id, phoneId: phone.id, username, purpose: a.purpose, fromPhone: from?.id ?? null });
  }

  /** The app removed or its data cleared: an activation in progress on the phone goes with it. */
  forget(phoneId: string): void {
    this.#byPhone.delete(phoneId);
  }
}
