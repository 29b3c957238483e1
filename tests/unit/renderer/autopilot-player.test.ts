// The autopilot's player against the real simulation: the play/pause key pressed twice in a row means
// play then pause, even when the first press is answered slowly (the script still on the way).
import { describe, expect, it } from 'vitest';
import { blankLoginView } from '../../../main/api/blank-login-view.js';
import { Autopilot } from '../../../renderer/lib/autopilot.svelte.js';
import type { Client } from '../../../renderer/lib/client.js';
import { simHost } from './sim-host.js';

/** The host's client with getScript held until `release()`: a slow answer on a busy machine. */
function slowScript(api: Client): { api: Client; release: () => void } {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const slow = new Proxy(api, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key);
      if (key === 'getScript') return (request: Parameters<Client['getScript']>[0]) => gate.then(() => target.getScript(request));
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { api: slow, release };
}

describe('autopilot player: play/pause', () => {
  it('a second press while the first play is still starting pauses the take once it starts', async () => {
    const { api, release } = slowScript(simHost().api);
    const pilot = new Autopilot(api, { login: () => blankLoginView('live'), phone: () => null });
    pilot.manual();
    const first = pilot.toggle();
    const second = pilot.toggle();
    expect(pilot.status).toBe('idle');
    release();
    await Promise.all([first, second]);
    expect(pilot.status).toBe('paused');
    // A third press plays again.
    await pilot.toggle();
    expect(pilot.status).toBe('playing');
  });

  it('one press plays, the next pauses, when each is answered before the next', async () => {
    const pilot = new Autopilot(simHost().api, { login: () => blankLoginView('live'), phone: () => null });
    pilot.manual();
    await pilot.toggle();
    expect(pilot.status).toBe('playing');
    await pilot.toggle();
    expect(pilot.status).toBe('paused');
  });
});
