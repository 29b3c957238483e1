// Which fob or card the stage and the device windows show for a login.
import { describe, expect, it } from 'vitest';
import type { LoginView } from '../../../main/api/views.js';
import { deviceSerial, serialsOf } from '../../../renderer/lib/device-match.js';
import { demoSim, DEMO_PASSWORD } from '../helpers.js';

const sim = demoSim();
const start = (username: string): LoginView => sim.submitCredentials({ username, password: DEMO_PASSWORD, mode: 'live' });

describe('deviceSerial', () => {
  it("names the DSC+ fob of a DSC+ login, and the card of a card login", () => {
    expect(deviceSerial(start('dscuser'), 'dscplus')).toBe('SNA-52903318');
    expect(deviceSerial(start('dscuser'), 'codecard')).toBeNull();
    expect(deviceSerial(start('carduser'), 'codecard')).toBe('SCC-7702-4419');
  });

  it('names the fob only once it is chosen from the drop-down', () => {
    const choosing = start('multidevice');
    expect(deviceSerial(choosing, 'dscplus')).toBeNull();
    const chosen = sim.chooseDevice({ loginId: choosing.loginId!, deviceId: 'dsc' });
    expect(deviceSerial(chosen, 'dscplus')).toBe('SNA-31478259');
  });

  it('names none once the login is over', () => {
    const view = start('dscuser');
    expect(deviceSerial(sim.cancelLogin({ loginId: view.loginId! }), 'dscplus')).toBeNull();
  });
});

describe('serialsOf', () => {
  it("lists the scenario's fobs and cards", () => {
    const world = sim.getWorld({});
    expect(serialsOf(world, 'dscplus')).toEqual(['SNA-31478259', 'SNA-52903318']);
    expect(serialsOf(world, 'codecard')).toEqual(['SCC-7702-4419']);
  });
});
