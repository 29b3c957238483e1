// Out-of-band security codes (SMS, voice): issue, replace, expire, verify once.
import { timingSafeEqual } from 'node:crypto';
import type { FactorFailure } from '../api/events.js';

export type OobChannel = 'sms' | 'voice';

export interface OobRules {
  lifetimeMs: number;
  resendIntervalMs: number;
  /**
   * true: one resend clock for both channels (a voice callback waits for the SMS's interval, as a
   * new SMS does). false: each channel keeps its own clock, so "Voice" may be chosen at once after
   * an SMS, and a second call waits for the interval after the first.
   */
  voiceWaitsForSms?: boolean;
}

interface IssuedCode {
  value: string;
  channel: OobChannel;
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
  /** When each channel last sent a code. */
  #lastSentAt: Record<OobChannel, number | null> = { sms: null, voice: null };

  constructor(private readonly rules: OobRules) {}

  /** The moment the clock of this channel started: its own last code, or either channel's when they share one clock. */
  #clockStart(channel: OobChannel): number | null {
    const { sms, voice } = this.#lastSentAt;
    if (!this.rules.voiceWaitsForSms) return this.#lastSentAt[channel];
    if (sms === null) return voice;
    return voice === null ? sms : Math.max(sms, voice);
  }

  /** Milliseconds until a new code may be sent on this channel; 0 when allowed now. */
  retryAfter(now: number, channel: OobChannel): number {
    const at = this.nextSendAt(channel);
    return at === null ? 0 : Math.max(0, at - now);
  }

  /** When this channel may send again; null if it never sent (nor, on one clock, the other). */
  nextSendAt(channel: OobChannel): number | null {
    const start = this.#clockStart(channel);
    return start === null ? null : start + this.rules.resendIntervalMs;
  }

  /** A new code replaces the old one, which stops working at once, whichever channel carried either. */
  issue(now: number, value: string, channel: OobChannel): IssuedCode {
    if (this.#current) this.#replaced.push(this.#current.value);
    this.#current = { value, channel, issuedAt: now, expiresAt: now + this.rules.lifetimeMs, used: false };
    this.#lastSentAt[channel] = now;
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
