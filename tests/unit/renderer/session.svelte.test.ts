// One window's state wired to the real simulation: what it loads for each route, how it follows the login, and how it fails.
import { describe, expect, it } from 'vitest';
import { Session } from '../../../renderer/lib/session.svelte.js';
import { DEMO_PASSWORD, simHost, type SimHost } from './sim-host.js';
import type { Route } from '../../../renderer/lib/route.js';

async function started(route: Route, host: SimHost = simHost()) {
  const session = new Session(host.api);
  const stop = session.start(route);
  await host.settle();
  return { host, session, stop };
}

describe('Session', () => {
  it('stage: loads the world and the clock, shows the first phone, then says it is ready', async () => {
    const host = simHost();
    const session = new Session(host.api);
    session.start({ view: 'stage' });
    expect(session.ready).toBe(false);
    await host.settle();
    expect(session.ready).toBe(true);
    expect(session.failed).toBeNull();
    expect(session.world.view?.scenario.name).toBe(host.sim.getScenario({}).name);
    expect(session.clock.now).toBe(host.sim.getClock({}).now);
    expect(session.phone.id).toBe(host.sim.getWorld({}).phones[0]!.id);
    expect(session.phone.pinned).toBe(false);
  });

  it('#phone/<id> pins that phone; #login and #director show none', async () => {
    const phone = await started({ view: 'phone', phoneId: 'android-phone' });
    expect(phone.session.phone.id).toBe('android-phone');
    expect(phone.session.phone.pinned).toBe(true);
    phone.host.sim.submitCredentials({ username: 'ibkeyios', password: DEMO_PASSWORD, mode: 'live' });
    await phone.host.settle();
    expect(phone.session.phone.id).toBe('android-phone');

    for (const view of ['login', 'director'] as const) {
      const { session, host } = await started({ view });
      expect(session.ready).toBe(true);
      expect(session.phone.id).toBeNull();
      expect(host.names()).not.toContain('getPhone');
    }
  });

  it("the stage's phone follows the window's own login, and the login its events", async () => {
    const { host, session } = await started({ view: 'stage' });
    session.login.username = 'ibkeyios';
    session.login.password = DEMO_PASSWORD;
    await session.login.submitCredentials();
    await host.settle();
    expect(session.phone.id).toBe('ios-phone');
    host.sim.advance(5_000);
    host.sim.approvePush({ phoneId: 'ios-phone', loginId: session.login.view.loginId!, method: 'faceid' });
    await host.settle();
    expect(session.login.step).toBe('loggedIn');
    expect(session.clock.now).toBe(host.sim.getClock({}).now);
  });

  it('reads everything again when the event stream comes back after a break', async () => {
    const { host, session } = await started({ view: 'stage' });
    session.login.username = 'smsuser';
    session.login.password = DEMO_PASSWORD;
    await session.login.submitCredentials();
    await host.settle();
    const loginId = session.login.view.loginId!;
    await host.outage(() => {
      host.sim.advance(host.sim.scenario.timing.smsDelay);
      host.sim.cancelLogin({ loginId });
    });
    expect(host.names().slice(-5)).toEqual(expect.arrayContaining(['getWorld', 'getClock', 'getLogin', 'getPhone']));
    expect(session.login.step).toBe('credentials');
    expect(session.clock.now).toBe(host.sim.getClock({}).now);
    expect(session.phone.view?.messages).toHaveLength(1);
    expect(session.failed).toBeNull();
  });

  it('says the session has ended when the host refuses this page, and that it is not responding when events never flow', async () => {
    const ended = simHost();
    // The browser host's answer to a page whose session cookie is no longer valid.
    ended.refuse = { code: 'unauthorized', message: 'No valid session' };
    const a = await started({ view: 'stage' }, ended);
    expect(a.session.ready).toBe(false);
    expect(a.session.failed).toBeTruthy();

    const down = simHost();
    down.readyError = new Error('connection refused');
    const b = await started({ view: 'stage' }, down);
    expect(b.session.ready).toBe(false);
    expect(b.session.failed).toBeTruthy();
    expect(b.session.failed).not.toBe(a.session.failed);
  });

  it('reports a host that stopped answering when it tries to catch up, and clears it once it answers again', async () => {
    const { host, session } = await started({ view: 'stage' });
    host.refuse = { code: 'internal', message: 'The simulator is not responding' };
    await host.outage(() => {});
    expect(session.failed).toBeTruthy();
    host.refuse = null;
    await host.outage(() => {});
    expect(session.failed).toBeNull();
  });

  it('stops following events once torn down', async () => {
    const { host, session, stop } = await started({ view: 'stage' });
    stop();
    const before = session.clock.now;
    await host.advance(10_000);
    expect(session.clock.now).toBe(before);
  });
});
