// TOTP (RFC 6238): HOTP whose counter is the number of time steps since T0.
import { OtpInputError } from './errors.js';
import { hotp, type OtpAlgorithm } from './hotp.js';

export interface TotpStepOptions {
  /** Unix time in seconds. */
  time: number;
  step?: number;
  t0?: number;
}

export interface TotpOptions extends TotpStepOptions {
  key: Uint8Array;
  /** 6, RFC 6238's default (§5.3 and RFC 4226); its appendix B's test vectors use 8. */
  digits?: number;
  algorithm?: OtpAlgorithm;
}

/** RFC 6238 §4.2: T = floor((time - T0) / X). */
export function totpStep({ time, step = 30, t0 = 0 }: TotpStepOptions): number {
  if (!Number.isFinite(step) || step <= 0) {
    throw new OtpInputError('step', `must be a positive number of seconds, got ${String(step)}`);
  }
  if (!Number.isFinite(t0)) throw new OtpInputError('t0', `must be a finite number, got ${String(t0)}`);
  if (!Number.isFinite(time)) throw new OtpInputError('time', `must be a finite number, got ${String(time)}`);
  if (time < t0) throw new OtpInputError('time', `must not be before t0 (${t0}), got ${time}`);
  return Math.floor((time - t0) / step);
}

export function totp({ key, time, step = 30, t0 = 0, digits = 6, algorithm = 'sha1' }: TotpOptions): string {
  return hotp({ key, counter: totpStep({ time, step, t0 }), digits, algorithm });
}
