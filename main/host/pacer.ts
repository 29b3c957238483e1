// Drives virtual time at real speed for a host, unless the director paused it.
import type { Simulation } from '../sim/simulation.js';

export interface Ticker {
  now(): number;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export const systemTicker: Ticker = {
  now: () => performance.now(),
  setInterval: (fn, ms) => setInterval(fn, ms),
  clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
};

/** Moves the simulation's clock by the real time elapsed since the previous tick. */
export class Pacer {
  #handle: unknown = null;
  #last = 0;

  constructor(
    private readonly sim: Simulation,
    private readonly ticker: Ticker = systemTicker,
    private readonly tickMs = 100,
  ) {}

  start(): void {
    if (this.#handle !== null) return;
    this.#last = this.ticker.now();
    this.#handle = this.ticker.setInterval(() => this.tick(), this.tickMs);
  }

  tick(): void {
    const now = this.ticker.now();
    const elapsed = Math.max(0, Math.round(now - this.#last));
    this.#last = now;
    if (this.sim.running && elapsed > 0) this.sim.advance(elapsed);
  }

  stop(): void {
    if (this.#handle === null) return;
    this.ticker.clearInterval(this.#handle);
    this.#handle = null;
  }
}
