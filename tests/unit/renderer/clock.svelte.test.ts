// The virtual clock as windows see it, against the real simulation: moved by its events, never by the test's own time.
import { describe, expect, it } from 'vitest';
import { ClockState } from '../../../renderer/lib/clock.svelte.js';
import { libraryOf, simHost } from './sim-host.js';

describe('ClockState', () => {
  it('reads the clock, then follows its events a second at a time', async () => {
    const host = simHost();
    const clock = new ClockState(host.api);
    const stop = clock.connect();
    expect(clock.now).toBe(0);
    await clock.load();
    const start = host.sim.getClock({}).now;
    expect(clock.now).toBe(start);
    expect(clock.running).toBe(true);
    await host.advance(400);
    expect(clock.now).toBe(start + 400);
    // Within the same second: no clock event.
    await host.advance(300);
    expect(clock.now).toBe(start + 400);
    await host.advance(300);
    expect(clock.now).toBe(start + 1_000);
    await host.advance(61_000);
    expect(clock.now).toBe(start + 62_000);
    host.sim.setClockRunning({ running: false });
    await host.settle();
    expect(clock.running).toBe(false);
    stop();
    await host.advance(5_000);
    expect(clock.now).toBe(start + 62_000);
  });

  it('takes a newer time from a view, never an older one', async () => {
    const host = simHost();
    const clock = new ClockState(host.api);
    await clock.load();
    const now = clock.now;
    clock.observe(now + 250);
    expect(clock.now).toBe(now + 250);
    clock.observe(now);
    expect(clock.now).toBe(now + 250);
  });

  it("starts from another scenario's clock when one is loaded, even an earlier one", async () => {
    const host = simHost({ library: libraryOf('happy-sms') });
    const clock = new ClockState(host.api);
    const stop = clock.connect();
    await clock.load();
    await host.advance(3_600_000);
    host.sim.loadScenario({ name: 'happy-sms' });
    await host.settle();
    expect(clock.now).toBe(host.sim.getClock({}).now);
    stop();
  });
});
