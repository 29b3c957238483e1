// The scenario as the windows need it, against the real simulation: branding, phones, and another scenario loaded.
import { describe, expect, it } from 'vitest';
import { WorldState } from '../../../renderer/lib/world.svelte.js';
import { libraryOf, simHost } from './sim-host.js';

describe('WorldState', () => {
  it("shows the broker's own names before the world is read, then the scenario's", async () => {
    const host = simHost({ library: libraryOf('happy-sms') });
    const world = new WorldState(host.api);
    const stop = world.connect();
    expect(world.view).toBeNull();
    expect(world.phones).toEqual([]);
    expect(world.branding.product).toBeTruthy();
    await world.load();
    expect(world.branding).toEqual(host.sim.getScenario({}).branding);
    expect(world.phones.map((p) => p.id)).toEqual(host.sim.getWorld({}).phones.map((p) => p.id));
    host.sim.loadScenario({ name: 'happy-sms' });
    await host.settle();
    expect(world.view?.scenario.name).toBe('happy-sms');
    expect(world.phones.map((p) => p.id)).toEqual(host.sim.getWorld({}).phones.map((p) => p.id));
    expect(world.branding).toEqual(host.sim.getScenario({}).branding);
    stop();
  });
});
