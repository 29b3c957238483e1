// The broker's mobile app on a phone: IB Key's key and PIN, and its Authenticate screen.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { AppRefusal } from '../api/events.js';
import { message, type Message } from '../api/messages.js';
import type { AppResponseView } from '../api/views.js';
import { deriveKey } from './keys.js';
import { ibKeyResponse } from './otp/index.js';
import type { PhoneSpec } from './scenario/schema.js';
import type { PhoneStatus } from '../api/phone-state.js';
import { APP_PIN_PATTERN, CHALLENGE_PATTERN, type UnlockMethod } from '../api/vocabulary.js';

// The list lives in the shared vocabulary; login.ts takes the type from here.
export type { UnlockMethod } from '../api/vocabulary.js';

/** What IB Key binds into its responses: the key, and what goes into OCRA's P field. */
export interface IbKeySecret {
  key: Buffer;
  pin: string;
}

export interface IbKeyActivation {
  username: string;
  deviceId: string;
  key: Buffer;
  /** What goes into OCRA's P field: the app PIN on Android, a secret kept by the app on iOS. */
  pin: string;
}

/** How many wrong app PINs in a row lock IB Key, and who hears of it (the journal). */
export interface AppPinRule {
  tries: number;
  onWrongPin?: (wrongPins: number) => void;
  onLocked?: (username: string, wrongPins: number) => void;
}

/** Both sides hashed first: equal-length buffers, so the comparison leaks neither the digits nor the length. */
function samePin(expected: string, given: string): boolean {
  const a = createHash('sha256').update(expected, 'utf8').digest();
  const b = createHash('sha256').update(given, 'utf8').digest();
  return timingSafeEqual(a, b);
}

export class MobileApp {
  installed: boolean;
  ibkey: IbKeyActivation | null = null;
  /** Set when wrong PINs locked IB Key: the user it was active for, until it is activated again. */
  lockedFor: string | null = null;
  /** Set when IB Key was migrated to another phone: the user it was active for, so the app can say so. */
  migratedAway: string | null = null;
  #wrongPins = 0;

  constructor(
    private readonly phone: PhoneSpec,
    private readonly seed: string,
    private readonly status: PhoneStatus,
    private readonly pinRule: AppPinRule = { tries: 5 },
  ) {
    this.installed = phone.appInstalled;
  }

  get wrongPins(): number {
    return this.#wrongPins;
  }

  /** IB Key is inactive because of wrong PINs, as the real app then asks for reactivation. */
  get needsReactivation(): boolean {
    return this.lockedFor !== null;
  }

  get asksPin(): boolean {
    return this.phone.platform === 'android';
  }

  /** The method IB Key prompts for: the biometric the phone has, else the PIN / passcode. */
  get unlock(): UnlockMethod {
    const u = this.phone.unlock;
    if (u === 'pin') return this.phone.platform === 'ios' ? 'passcode' : 'pin';
    return u;
  }

  /**
   * Clearing the app's data (Android) or reinstalling it forgets IB Key: it must be activated again.
   * It is also the cache article's complete reset of the app, so what the app held goes with it: a
   * lock by wrong PINs, the memory of a migration, and parameters out of line with the back end.
   */
  clearData(): void {
    this.ibkey = null;
    this.lockedFor = null;
    this.migratedAway = null;
    this.#wrongPins = 0;
    this.status.appOutOfSync = false;
  }

  /** The app store installs the app: a fresh app, without IB Key. */
  install(): void {
    this.installed = true;
  }

  /** Removing the app removes its data, IB Key included. */
  uninstall(): void {
    this.clearData();
    this.installed = false;
  }

  /** Migration took IB Key to another phone: this app keeps no key, and says where it went. */
  removeIbKey(): void {
    const username = this.ibkey?.username ?? null;
    this.ibkey = null;
    this.lockedFor = null;
    this.migratedAway = username;
    this.#wrongPins = 0;
  }

  /** iOS: the owner confirms with the phone's biometric or its passcode (reactivation after a reinstall). */
  confirmsOwner(method: UnlockMethod): boolean {
    return method === 'passcode' || method === this.unlock;
  }

  /** IB Key as a saved world left it (the phone's `app` in the scenario), after activation by the devices. */
  restore(ibkey: 'active' | 'cleared' | 'locked', wrongPins: number): void {
    if (ibkey !== 'active') {
      const username = this.ibkey?.username ?? null;
      this.clearData();
      if (ibkey === 'locked') this.lockedFor = username;
    }
    this.#wrongPins = Math.min(wrongPins, this.pinRule.tries - 1);
  }

  /** What a saved world keeps of IB Key on this phone (world-export.ts). */
  get saved(): { ibkey: 'active' | 'cleared' | 'locked'; wrongPins: number } {
    return { ibkey: this.ibkey ? 'active' : this.lockedFor !== null ? 'locked' : 'cleared', wrongPins: this.#wrongPins };
  }

  /** IB Key activated for a user: by the scenario's device (its key and PIN), or by the app's own activation (the secret the server registered). */
  activate(username: string, deviceId: string, secret?: IbKeySecret): void {
    const key = secret?.key ?? ibKeyDeviceKey(this.seed, username, deviceId);
    const pin = secret?.pin ?? (this.phone.platform === 'android' ? this.phone.pin! : iosAppSecret(this.seed, this.phone.id));
    this.ibkey = { username, deviceId, key, pin };
    this.lockedFor = null;
    this.migratedAway = null;
    this.#wrongPins = 0;
  }

  /** Why IB Key cannot act: never activated (or data cleared), locked by wrong PINs, or migrated to another phone. */
  get inactiveReason(): 'ibkey_not_active' | 'ibkey_locked' | 'ibkey_migrated' {
    if (this.lockedFor !== null) return 'ibkey_locked';
    return this.migratedAway !== null ? 'ibkey_migrated' : 'ibkey_not_active';
  }

  /** Why this app cannot act for `username` (the push's approval): as inactiveReason, for that user. */
  inactiveReasonFor(username: string): 'ibkey_not_active' | 'ibkey_locked' | 'ibkey_migrated' {
    if (this.lockedFor === username) return 'ibkey_locked';
    return this.migratedAway === username ? 'ibkey_migrated' : 'ibkey_not_active';
  }

  /**
   * The typed app PIN against the one set at activation, in constant time. A wrong one counts; the
   * last allowed wrong one deactivates IB Key on this phone (the same state as after Clear data,
   * remembered as a lock so the phone can say it needs reactivation). A right one clears the count.
   */
  #checkPin(pin: string): AppRefusal | null {
    const ibkey = this.ibkey!;
    if (samePin(ibkey.pin, pin)) {
      this.#wrongPins = 0;
      return null;
    }
    this.#wrongPins++;
    this.pinRule.onWrongPin?.(this.#wrongPins);
    if (this.#wrongPins < this.pinRule.tries) return 'wrong_pin';
    const wrongPins = this.#wrongPins;
    this.ibkey = null;
    this.lockedFor = ibkey.username;
    this.#wrongPins = 0;
    this.pinRule.onLocked?.(ibkey.username, wrongPins);
    return 'ibkey_locked';
  }

  /**
   * Checks that the person holding the phone is its owner, as IB Key would before acting: the
   * biometric (or the passcode fallback iOS always offers), or on Android the app PIN.
   */
  unlockWith(method: UnlockMethod, pin: string | undefined): AppRefusal | null {
    if (!this.ibkey) return this.inactiveReason;
    if (this.status.jailbroken) return 'jailbroken';
    if (this.phone.platform === 'android') {
      if (method === 'fingerprint' && this.unlock === 'fingerprint') return null;
      if (method !== 'pin') return 'wrong_method';
      return this.#checkPin(pin ?? '');
    }
    if (method === 'passcode' || method === this.unlock) return null;
    return 'wrong_method';
  }

  /**
   * Authenticate → Generate Response. On Android the PIN also goes into the response itself (OCRA's
   * P field), so the server checks it again; the app first checks it and counts wrong ones.
   */
  generateResponse(challenge: string, method: UnlockMethod, pin: string | undefined): AppResponseView & { reason: AppRefusal | null } {
    if (this.installed && this.lockedFor !== null) return refusal('ibkey_locked', IBKEY_LOCKED);
    if (this.installed && !this.ibkey && this.migratedAway !== null) return refusal('ibkey_migrated', message('ibkey_migrated'));
    if (!this.installed || !this.ibkey) return refusal('ibkey_not_active', message('ibkey_not_active'));
    if (this.status.jailbroken) return refusal('jailbroken', message('jailbroken'));
    const trimmed = challenge.trim();
    if (!CHALLENGE_PATTERN.test(trimmed)) return refusal('bad_challenge', message('bad_challenge'));
    let pinUsed = this.ibkey.pin;
    if (this.asksPin) {
      // A PIN of the wrong form is refused by the form itself and is not a try.
      if (!pin || !APP_PIN_PATTERN.test(pin)) return refusal('wrong_pin', message('pin_form'));
      const problem = this.#checkPin(pin);
      if (problem === 'ibkey_locked') return refusal(problem, IBKEY_LOCKED);
      if (problem) return refusal(problem, message('wrong_pin'));
      pinUsed = pin;
    } else {
      const problem = this.unlockWith(method, pin);
      if (problem) return refusal(problem, message('authentication_not_completed'));
    }
    const response = ibKeyResponse({ key: this.ibkey.key, pin: pinUsed, challenge: trimmed });
    return { ok: true, response, message: message('response_ready'), reason: null };
  }
}

/** What the app says once wrong PINs have locked IB Key. */
export const IBKEY_LOCKED = message('ibkey_locked');

function refusal(reason: AppRefusal, message: Message): AppResponseView & { reason: AppRefusal } {
  return { ok: false, response: null, message, reason };
}

export function ibKeyDeviceKey(seed: string, username: string, deviceId: string): Buffer {
  return deriveKey(seed, `ibkey:${username}:${deviceId}`);
}

/** iOS IB Key has no PIN to type; the app keeps a secret of its own, unlocked by Face ID / Touch ID. */
export function iosAppSecret(seed: string, phoneId: string): string {
  return String(deriveKey(seed, `ios-app-secret:${phoneId}`).readUInt32BE(0) % 1_000_000).padStart(6, '0');
}
