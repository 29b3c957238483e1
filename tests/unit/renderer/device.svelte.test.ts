// The physical devices on screen against the real simulation: the DSC+ fob's keypad and display, the Security Code Card, and which one shows.
import { describe, expect, it } from 'vitest';
import { CodeCardState } from '../../../renderer/lib/code-card.svelte.js';
import { FobState } from '../../../renderer/lib/fob.svelte.js';
import { DEMO_PASSWORD, libraryOf, simHost, type SimHost } from './sim-host.js';

const DSC_FOB = 'SNA-52903318';
const MULTI_FOB = 'SNA-31478259';
const CARD = 'SCC-7702-4419';

function fobWindow(host: SimHost = simHost()) {
  const fob = new FobState(host.api);
  const stop = fob.connect();
  return { host, fob, stop };
}

const typeDigits = (fob: FobState, digits: string) => [...digits].forEach((d) => fob.key(d));

describe('FobState', () => {
  it('switches on, masks the PIN as typed, echoes the challenge and shows the response the login accepts', async () => {
    const { host, fob } = fobWindow();
    const login = host.sim.submitCredentials({ username: 'dscuser', password: DEMO_PASSWORD, mode: 'live' });
    await fob.start(DSC_FOB);
    expect(fob.pinned).toBe(true);
    expect(fob.view?.state).toBe('off');
    expect(fob.display).toBe(fob.view!.display);
    await fob.press();
    expect(host.sent.at(-1)).toEqual({ name: 'fobPress', request: { serial: DSC_FOB } });
    expect(fob.view?.state).toBe('pin');
    const prompt = fob.view!.display;
    typeDigits(fob, '24689');
    // Four digits at most, shown as stars.
    expect(fob.typed).toBe('2468');
    expect(fob.display).toBe(`${prompt}****`);
    fob.back();
    expect(fob.display).toBe(`${prompt}***`);
    fob.key('8');
    fob.key('x');
    expect(fob.typed).toBe('2468');
    await fob.ok();
    expect(host.sent.at(-1)).toEqual({ name: 'fobEnter', request: { serial: DSC_FOB, digits: '2468' } });
    expect(fob.view?.state).toBe('challenge');
    expect(fob.typed).toBe('');
    typeDigits(fob, `${login.challenge!}9`);
    expect(fob.typed).toBe(login.challenge);
    expect(fob.display).toBe(`${fob.view!.display}${login.challenge}`);
    await fob.ok();
    expect(fob.view?.state).toBe('response');
    // No digits are taken once the response shows, and OK sends nothing.
    fob.key('1');
    expect(fob.typed).toBe('');
    const sent = host.sent.length;
    await fob.ok();
    expect(host.sent.length).toBe(sent);
    expect(host.sim.submitResponse({ loginId: login.loginId!, response: fob.display }).step).toBe('loggedIn');
  });

  it('counts wrong PINs on the display and locks; the director\'s reset, an event, brings it back', async () => {
    const { host, fob } = fobWindow();
    await fob.start(DSC_FOB);
    await fob.press();
    typeDigits(fob, '1111');
    await fob.ok();
    expect(fob.view?.state).toBe('pin');
    expect(fob.failures).toBe(1);
    expect(fob.typed).toBe('');
    for (let i = 0; i < 10 && fob.view?.state !== 'locked'; i++) {
      typeDigits(fob, '1111');
      await fob.ok();
    }
    expect(fob.view?.state).toBe('locked');
    expect(fob.failures).toBe(0);
    host.sim.resetFob({ serial: DSC_FOB });
    await host.settle();
    expect(fob.view?.state).toBe('off');
  });

  it('switches itself off on the virtual clock, told by the simulation', async () => {
    const { host, fob } = fobWindow();
    await fob.start(DSC_FOB);
    await fob.press();
    const offAt = fob.view!.offAt!;
    expect(offAt).toBeGreaterThan(host.sim.getClock({}).now);
    await host.advance(offAt - host.sim.getClock({}).now - 1);
    expect(fob.view?.state).toBe('pin');
    await host.advance(1);
    expect(fob.view?.state).toBe('off');
  });

  it('without a serial shows the fob of the login waiting for one, then follows the next login to its fob', async () => {
    const host = simHost();
    host.sim.submitCredentials({ username: 'dscuser', password: DEMO_PASSWORD, mode: 'live' });
    const { fob } = fobWindow(host);
    await fob.start(null);
    expect(fob.pinned).toBe(false);
    expect(fob.serial).toBe(DSC_FOB);
    expect(fob.view?.owner).toBe('dscuser');
    const multi = host.sim.submitCredentials({ username: 'multidevice', password: DEMO_PASSWORD, mode: 'live' });
    host.sim.chooseDevice({ loginId: multi.loginId!, deviceId: 'dsc' });
    await host.settle();
    expect(fob.serial).toBe(MULTI_FOB);
    expect(fob.view?.serial).toBe(MULTI_FOB);
  });

  it('without a serial or a waiting login shows the scenario\'s first fob; a pinned fob stays whoever logs in', async () => {
    const host = simHost();
    const first = fobWindow(host);
    await first.fob.start(null);
    expect(first.fob.serial).toBe(host.sim.getWorld({}).fobs[0]!.serial);
    const pinned = fobWindow(host);
    await pinned.fob.start(MULTI_FOB);
    host.sim.submitCredentials({ username: 'dscuser', password: DEMO_PASSWORD, mode: 'live' });
    await host.settle();
    expect(pinned.fob.serial).toBe(MULTI_FOB);
    expect(first.fob.serial).toBe(DSC_FOB);
  });

  it('keeps its fob through a reset, takes the first of another scenario, and shows none for an unknown serial', async () => {
    const host = simHost({ library: libraryOf('happy-dscplus') });
    const { fob } = fobWindow(host);
    await fob.start(MULTI_FOB);
    await fob.press();
    host.sim.resetWorld({});
    await host.settle();
    expect(fob.serial).toBe(MULTI_FOB);
    expect(fob.view?.state).toBe('off');
    host.sim.loadScenario({ name: 'happy-dscplus' });
    await host.settle();
    const serials = host.sim.getWorld({}).fobs.map((f) => f.serial);
    expect(fob.serial).toBe(serials[0]);
    expect(fob.view?.serial).toBe(serials[0]);
    await fob.select('SNA-00000000');
    expect(fob.serial).toBeNull();
    expect(fob.view).toBeNull();
    const sent = host.sent.length;
    await fob.press();
    expect(host.sent.length).toBe(sent);
  });
});

describe('CodeCardState', () => {
  it('shows the card of the login at the card step, whose values answer it', async () => {
    const host = simHost();
    const login = host.sim.submitCredentials({ username: 'carduser', password: DEMO_PASSWORD, mode: 'live' });
    const card = new CodeCardState(host.api);
    const stop = card.connect();
    await card.start(null);
    expect(card.serial).toBe(CARD);
    expect(card.view?.owner).toBe('carduser');
    const value = (index: number) => card.view!.entries.find((e) => e.index === index)!.value;
    const [a, b] = login.cardIndexes!;
    expect(host.sim.submitResponse({ loginId: login.loginId!, response: `${value(a)}${value(b)}` }).step).toBe('loggedIn');
    stop();
  });

  it('follows a card login started later, and stays on a given serial', async () => {
    const host = simHost();
    const card = new CodeCardState(host.api);
    const stop = card.connect();
    await card.start(null);
    expect(card.serial).toBe(CARD);
    await card.select(null);
    expect(card.view).toBeNull();
    host.sim.submitCredentials({ username: 'carduser', password: DEMO_PASSWORD, mode: 'live' });
    await host.settle();
    expect(card.serial).toBe(CARD);
    expect(card.view?.entries.length).toBeGreaterThan(0);
    await card.start(CARD);
    expect(card.pinned).toBe(true);
    stop();
  });
});
