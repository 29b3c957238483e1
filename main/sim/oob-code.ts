// Out-of-band security codes (SMS, voice): issue, replace, expire, verify once.
import { timingSafeEqual } from 'node:crypto';
import type { FactorFailure } from '../api/events.js';

export interface OobRules {
  lifetimeMs: number;
  resendIntervalMs: number;
}

interface IssuedCode {
  value: string;
  channel: 'sms' | 'voice';
  issuedAt: number;
  expiresAt: number;
  used: boolean;
}

export type VerifyResult = { ok: true } | { ok: false; reason: FactorFailure };

/** Constant-time equality; the length of a code is public, its digits are not. */
export function sameSecret(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The codes of one login attempt. Holding them per attempt is what binds a code to the login that
 * asked for it: another attempt, even by the same user, has its own box.
 */
export class OobCodeBox {
  #current: IssuedCode | null = null;
  #replaced: string[] = [];
  #lastSentAt: number | null = null;

  constructor(private readonly rules: OobRules) {}

  /** Milliseconds until a new code may be sent; 0 when allowed now. */
  retryAfter(now: number): number {
    if (this.#lastSentAt === null) return 0;
    return Math.max(0, this.#lastSentAt + this.rules.resendIntervalMs - now);
  }

  nextSendAt(): number | null {
    return this.#lastSentAt === null ? null : this.#lastSentAt + this.rules.resendIntervalMs;
  }

  /** A new code replaces the old one, which stops working at once. */
  issue(now: number, value: string, channel: 'sms' | 'voice'): IssuedCode {
    if (this.#current) this.#replaced.push(this.#current.value);
    this.#current = { value, channel, issuedAt: now, expiresAt: now + this.rules.lifetimeMs, used: false };
    this.#lastSentAt = now;
    return this.#current;
  }

  get current(): Readonly<IssuedCode> | null {
    return this.#current;
  }

  verify(now: number, input: string): VerifyResult {
    const given = input.trim();
    const current = this.#current;
    if (!current) return { ok: false, reason: 'none_issued' };
    if (sameSecret(current.value, given)) {
      if (current.used) return { ok: false, reason: 'used' };
      // Valid for exactly the lifetime: at 10:00 it is gone.
      if (now >= current.expiresAt) return { ok: false, reason: 'expired' };
      current.used = true;
      return { ok: true };
    }
    // Every replaced code is compared too, so the check takes the same time whatever matches.
    let replaced = false;
    for (const old of this.#replaced) if (sameSecret(old, given)) replaced = true;
    return { ok: false, reason: replaced ? 'replaced' : 'wrong' };
  }
}
