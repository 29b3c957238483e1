// The wrong-password rule: N failures within a window lock the account until `duration` after the last one.

export interface LockoutRule {
  failures: number;
  windowMs: number;
  durationMs: number;
}

export type FailureOutcome = 'counted' | 'locked' | 'ignored_while_locked';

export class Lockout {
  #failures: number[] = [];
  #lockedUntil: number | null = null;

  constructor(private readonly rule: LockoutRule) {}

  isLocked(now: number): boolean {
    if (this.#lockedUntil !== null && now >= this.#lockedUntil) this.#lockedUntil = null;
    return this.#lockedUntil !== null;
  }

  lockedUntil(now: number): number | null {
    return this.isLocked(now) ? this.#lockedUntil : null;
  }

  /** Failures still inside the window (what the director shows). */
  recentFailures(now: number): number {
    this.#prune(now);
    return this.#failures.length;
  }

  recordFailure(now: number): FailureOutcome {
    // A failure while locked must not extend the lock: otherwise anyone who knows the user name
    // could keep the owner out forever.
    if (this.isLocked(now)) return 'ignored_while_locked';
    this.#prune(now);
    this.#failures.push(now);
    if (this.#failures.length >= this.rule.failures) {
      this.#lockedUntil = now + this.rule.durationMs;
      this.#failures = [];
      return 'locked';
    }
    return 'counted';
  }

  /** What a saved world keeps (world-export.ts): the failures still counting, and the lock's end. */
  saved(now: number): { failures: number[]; lockedUntil: number | null } {
    this.#prune(now);
    return { failures: [...this.#failures], lockedUntil: this.lockedUntil(now) };
  }

  /** A saved world's state back (the world's constructor, from the scenario's `lockout`). */
  restore(failures: readonly number[], lockedUntil: number | null): void {
    this.#failures = [...failures].sort((a, b) => a - b);
    this.#lockedUntil = lockedUntil;
  }

  /** A complete login clears the count: the rule is about consecutive failures. */
  reset(): void {
    this.#failures = [];
  }

  #prune(now: number): void {
    const oldest = now - this.rule.windowMs;
    while (this.#failures.length && this.#failures[0]! <= oldest) this.#failures.shift();
  }
}
