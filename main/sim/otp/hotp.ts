// HOTP (RFC 4226): HMAC over an 8-byte counter, dynamically truncated to a few decimal digits.
import { createHmac } from 'node:crypto';
import { OtpInputError } from './errors.js';

export type OtpAlgorithm = 'sha1' | 'sha256' | 'sha512';

export const OTP_ALGORITHMS: readonly OtpAlgorithm[] = ['sha1', 'sha256', 'sha512'];

export interface HotpOptions {
  key: Uint8Array;
  counter: bigint | number;
  /** RFC 4226 R4 asks for at least 6; 10 is the most a 31-bit truncation can fill. */
  digits?: number;
  algorithm?: OtpAlgorithm;
}

const UINT64_LIMIT = 1n << 64n;

export function hotp({ key, counter, digits = 6, algorithm = 'sha1' }: HotpOptions): string {
  checkKey(key);
  checkAlgorithm(algorithm);
  checkDigits(digits, 6);
  const mac = hmac(algorithm, key, uint64(counter, 'counter'));
  return truncateToDigits(mac, digits);
}

/** RFC 4226 §5.3: the low nibble of the last byte picks 4 bytes, whose top bit is dropped. */
export function dynamicTruncate(mac: Uint8Array): number {
  const offset = mac[mac.length - 1]! & 0x0f;
  return (
    ((mac[offset]! & 0x7f) << 24) |
    ((mac[offset + 1]! & 0xff) << 16) |
    ((mac[offset + 2]! & 0xff) << 8) |
    (mac[offset + 3]! & 0xff)
  );
}

export function truncateToDigits(mac: Uint8Array, digits: number): string {
  // 10 digits exceed the 31-bit value, so the modulo is a no-op there and padding does the rest.
  const value = dynamicTruncate(mac) % 10 ** digits;
  return value.toString().padStart(digits, '0');
}

export function hmac(algorithm: OtpAlgorithm, key: Uint8Array, message: Uint8Array): Buffer {
  return createHmac(algorithm, key).update(message).digest();
}

/** Big-endian 8-byte encoding shared by HOTP counters, TOTP steps and OCRA's C and T fields. */
export function uint64(value: bigint | number, field: string): Buffer {
  let big: bigint;
  if (typeof value === 'bigint') {
    big = value;
  } else if (Number.isSafeInteger(value)) {
    big = BigInt(value);
  } else {
    throw new OtpInputError(field, `must be a whole number, got ${String(value)}`);
  }
  if (big < 0n || big >= UINT64_LIMIT) {
    throw new OtpInputError(field, `must be from 0 to 2^64-1, got ${big}`);
  }
  const out = Buffer.alloc(8);
  out.writeBigUInt64BE(big);
  return out;
}

export function checkKey(key: Uint8Array): void {
  if (!(key instanceof Uint8Array) || key.length === 0) {
    throw new OtpInputError('key', 'must be a non-empty byte string');
  }
}

export function checkAlgorithm(algorithm: string): asserts algorithm is OtpAlgorithm {
  if (!(OTP_ALGORITHMS as readonly string[]).includes(algorithm)) {
    throw new OtpInputError('algorithm', `must be sha1, sha256 or sha512, got ${JSON.stringify(algorithm)}`);
  }
}

export function checkDigits(digits: number, min: number): void {
  if (!Number.isInteger(digits) || digits < min || digits > 10) {
    throw new OtpInputError('digits', `must be an integer from ${min} to 10, got ${String(digits)}`);
  }
}
