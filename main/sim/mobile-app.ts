// The broker's mobile app on a phone: IB Key's key and PIN, and its Authenticate screen.
import type { AppRefusal } from '../api/events.js';
import type { AppResponseView } from '../api/views.js';
import { deriveKey } from './keys.js';
import { ibKeyResponse } from './otp/index.js';
import type { PhoneSpec } from './scenario/schema.js';
import type { PhoneStatus } from '../api/phone-state.js';

export type UnlockMethod = 'faceid' | 'touchid' | 'fingerprint' | 'passcode' | 'pin';

export interface IbKeyActivation {
  username: string;
  deviceId: string;
  key: Buffer;
  /** What goes into OCRA's P field: the app PIN on Android, a secret kept by the app on iOS. */
  pin: string;
}

/** The Android app PIN: 4–6 letters or digits with at least one digit (migration article). */
export const APP_PIN_PATTERN = /^(?=.*\d)[A-Za-z0-9]{4,6}$/;

export class MobileApp {
  installed: boolean;
  ibkey: IbKeyActivation | null = null;

  constructor(
    private readonly phone: PhoneSpec,
    private readonly seed: string,
    private readonly status: PhoneStatus,
  ) {
    this.installed = phone.appInstalled;
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

  /** Clearing the app's data (Android) or reinstalling it forgets IB Key: it must be activated again. */
  clearData(): void {
    this.ibkey = null;
  }

  activate(username: string, deviceId: string): void {
    const key = ibKeyDeviceKey(this.seed, username, deviceId);
    const pin = this.phone.platform === 'android' ? this.phone.pin! : iosAppSecret(this.seed, this.phone.id);
    this.ibkey = { username, deviceId, key, pin };
  }

  /**
   * Checks that the person holding the phone is its owner, as IB Key would before acting: the
   * biometric (or the passcode fallback iOS always offers), or on Android the app PIN.
   */
  unlockWith(method: UnlockMethod, pin: string | undefined): AppRefusal | null {
    if (!this.ibkey) return 'ibkey_not_active';
    if (this.status.jailbroken) return 'jailbroken';
    if (this.phone.platform === 'android') {
      if (method === 'fingerprint' && this.unlock === 'fingerprint') return null;
      if (method !== 'pin') return 'wrong_method';
      return pin === this.ibkey.pin ? null : 'wrong_pin';
    }
    if (method === 'passcode' || method === this.unlock) return null;
    return 'wrong_method';
  }

  /**
   * Authenticate → Generate Response. On Android the typed PIN goes into the response itself, so a
   * wrong PIN gives a response the server refuses — exactly as a real OCRA PIN suite behaves.
   */
  generateResponse(challenge: string, method: UnlockMethod, pin: string | undefined): AppResponseView & { reason: AppRefusal | null } {
    if (!this.installed || !this.ibkey) return refusal('ibkey_not_active', 'IB Key is not activated on this phone.');
    if (this.status.jailbroken) return refusal('jailbroken', 'IB Key cannot be used on a jailbroken or rooted device.');
    const trimmed = challenge.trim();
    if (!/^\d{6}$/.test(trimmed)) return refusal('bad_challenge', 'The challenge is the 6-digit number shown on the login screen.');
    let pinUsed = this.ibkey.pin;
    if (this.asksPin) {
      if (!pin || !APP_PIN_PATTERN.test(pin)) return refusal('wrong_pin', 'Enter your PIN: 4 to 6 letters or digits.');
      pinUsed = pin;
    } else {
      const problem = this.unlockWith(method, pin);
      if (problem) return refusal(problem, 'Authentication was not completed.');
    }
    const response = ibKeyResponse({ key: this.ibkey.key, pin: pinUsed, challenge: trimmed });
    return { ok: true, response, message: 'Enter this Response String on the login screen.', reason: null };
  }
}

function refusal(reason: AppRefusal, message: string): AppResponseView & { reason: AppRefusal } {
  return { ok: false, response: null, message, reason };
}

export function ibKeyDeviceKey(seed: string, username: string, deviceId: string): Buffer {
  return deriveKey(seed, `ibkey:${username}:${deviceId}`);
}

/** iOS IB Key has no PIN to type; the app keeps a secret of its own, unlocked by Face ID / Touch ID. */
export function iosAppSecret(seed: string, phoneId: string): string {
  return String(deriveKey(seed, `ios-app-secret:${phoneId}`).readUInt32BE(0) % 1_000_000).padStart(6, '0');
}
