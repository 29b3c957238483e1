// The virtual clock as the windows see it: moved by the host's clock events, never by the browser's own time.
import type { ClockView } from '../../main/api/views';
import type { Client } from './client';

export class ClockState {
  now = $state(0);
  running = $state(true);

  constructor(private readonly api: Client) {}

  connect(): () => void {
    const offClock = this.api.on('clock', ({ clock }) => this.set(clock));
    // A reloaded scenario starts its own clock, possibly earlier than the old one.
    const offWorld = this.api.on('world', ({ world }) => this.set(world.clock));
    return () => {
      offClock();
      offWorld();
    };
  }

  async load(): Promise<void> {
    this.set(await this.api.getClock({}));
  }

  set(clock: ClockView): void {
    this.now = clock.now;
    this.running = clock.running;
  }

  /** Views carry the time they were made; clock events come once a second, so views may be newer. */
  observe(now: number): void {
    if (now > this.now) this.now = now;
  }
}
