// Virtual time: every timer of the simulation runs on this, so tests and the director can skip ahead.

export type TimerId = number;

export interface Clock {
  now(): number;
  /** Runs fn once virtual time reaches `at` (immediately on the next advance if already past). */
  at(at: number, fn: () => void): TimerId;
  after(delayMs: number, fn: () => void): TimerId;
  cancel(id: TimerId): void;
}

interface Timer {
  id: TimerId;
  at: number;
  fn: () => void;
}

/**
 * A clock that only moves when told to. Timers fire in time order, each seeing `now()` equal to its
 * own due time, so a 10-minute jump behaves exactly like 10 minutes of waiting.
 */
export class VirtualClock implements Clock {
  #now: number;
  #timers: Timer[] = [];
  #nextId = 1;
  readonly startedAt: number;

  constructor(start: number) {
    this.#now = start;
    this.startedAt = start;
  }

  now(): number {
    return this.#now;
  }

  at(at: number, fn: () => void): TimerId {
    const timer = { id: this.#nextId++, at: Math.max(at, this.#now), fn };
    // Keep the list sorted by due time, ties in scheduling order, so firing order is reproducible.
    let index = this.#timers.length;
    while (index > 0 && this.#timers[index - 1]!.at > timer.at) index--;
    this.#timers.splice(index, 0, timer);
    return timer.id;
  }

  after(delayMs: number, fn: () => void): TimerId {
    return this.at(this.#now + Math.max(0, delayMs), fn);
  }

  cancel(id: TimerId): void {
    const index = this.#timers.findIndex((t) => t.id === id);
    if (index >= 0) this.#timers.splice(index, 1);
  }

  pending(): number {
    return this.#timers.length;
  }

  advance(ms: number): void {
    if (!(ms >= 0)) throw new RangeError(`cannot advance the clock by ${ms} ms`);
    this.advanceTo(this.#now + ms);
  }

  advanceTo(target: number): void {
    if (target < this.#now) throw new RangeError('the virtual clock does not go backwards');
    for (;;) {
      const next = this.#timers[0];
      if (!next || next.at > target) break;
      this.#timers.shift();
      this.#now = next.at;
      next.fn();
    }
    this.#now = target;
  }
}
