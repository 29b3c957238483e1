// The simulated phone on screen against the real simulation: which phone, the SMS and banners it receives, its calls and its own settings.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClockState } from '../../../renderer/lib/clock.svelte.js';
import { BANNER_MS, PhoneState } from '../../../renderer/lib/phone.svelte.js';
import { PhoneControls, SettingsNav } from '../../../renderer/lib/phone-settings.svelte.js';
import { WorldState } from '../../../renderer/lib/world.svelte.js';
import { DEMO_PASSWORD, libraryOf, simHost, UNREACHABLE, type SimHost } from './sim-host.js';

async function phoneWindow(host: SimHost = simHost()) {
  const clock = new ClockState(host.api);
  const world = new WorldState(host.api);
  const phone = new PhoneState(host.api, clock, world);
  const stops = [clock.connect(), world.connect(), phone.connect()];
  await Promise.all([world.load(), clock.load()]);
  return { host, clock, world, phone, close: () => stops.forEach((stop) => stop()) };
}

const startLogin = (host: SimHost, username: string) => host.sim.submitCredentials({ username, password: DEMO_PASSWORD, mode: 'live' });

/** smsuser's code by voice: the resend wait passed, the call placed, the phone ringing. */
async function ringingCall(host: SimHost) {
  const view = startLogin(host, 'smsuser');
  await host.advance(view.resendAvailableAt! - view.now);
  host.sim.requestNewCode({ loginId: view.loginId!, channel: 'voice' });
  await host.advance(host.sim.scenario.timing.voiceDelay);
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('PhoneState', () => {
  it('shows a phone on its lock screen; what was already on it raises no banner', async () => {
    const host = simHost();
    startLogin(host, 'smsuser');
    await host.advance(host.sim.scenario.timing.smsDelay);
    const { phone } = await phoneWindow(host);
    await phone.select('sms-phone');
    expect(phone.id).toBe('sms-phone');
    expect(phone.screen).toBe('lock');
    expect(phone.view?.messages).toHaveLength(1);
    expect(phone.banner).toBeNull();
  });

  it('raises a banner for an SMS that arrives, off the lock screen only, for BANNER_MS of virtual time', async () => {
    const { host, phone } = await phoneWindow();
    await phone.select('sms-phone');
    startLogin(host, 'smsuser');
    await host.advance(host.sim.scenario.timing.smsDelay);
    expect(phone.view?.messages).toHaveLength(1);
    expect(phone.view?.unread).toBe(1);
    expect(phone.banner?.source.kind).toBe('sms');
    expect(phone.showBanner).toBe(false);
    phone.goHome();
    expect(phone.screen).toBe('home');
    expect(phone.showBanner).toBe(true);
    await host.advance(BANNER_MS - 1_000);
    expect(phone.showBanner).toBe(true);
    await host.advance(1_000);
    expect(phone.showBanner).toBe(false);
  });

  it('reads the conversation when Messages opens: marked read, its notifications cleared, and so for an SMS arriving while open', async () => {
    const { host, phone } = await phoneWindow();
    await phone.select('sms-phone');
    const first = startLogin(host, 'smsuser');
    await host.advance(host.sim.scenario.timing.smsDelay);
    phone.openMessages();
    await host.settle();
    expect(host.names()).toContain('markMessagesRead');
    expect(host.names()).toContain('dismissNotification');
    expect(phone.view?.unread).toBe(0);
    expect(phone.view?.notifications.filter((n) => n.source.kind === 'sms')).toEqual([]);
    expect(phone.banner).toBeNull();
    // A second code while Messages is open: read at once, no banner over the conversation.
    await host.advance(first.resendAvailableAt! - host.sim.getClock({}).now);
    host.sim.requestNewCode({ loginId: first.loginId!, channel: 'sms' });
    await host.advance(host.sim.scenario.timing.smsDelay);
    expect(phone.view?.messages).toHaveLength(2);
    expect(phone.view?.unread).toBe(0);
    expect(phone.showBanner).toBe(false);
    expect(host.sim.getPhone({ phoneId: 'sms-phone' }).unread).toBe(0);
  });

  it('follows the login in progress to its phone (SMS number or IB Key holder), unless pinned', async () => {
    const host = simHost();
    const { phone } = await phoneWindow(host);
    await phone.select('sms-phone');
    startLogin(host, 'ibkeyios');
    await host.settle();
    expect(phone.id).toBe('ios-phone');
    expect(phone.view?.id).toBe('ios-phone');

    const pinned = await phoneWindow(host);
    pinned.phone.pinned = true;
    await pinned.phone.select('android-phone');
    startLogin(host, 'smsuser');
    await host.settle();
    expect(pinned.phone.id).toBe('android-phone');
    expect(phone.id).toBe('sms-phone');
  });

  it('opens IB Key on the login request when its notification is tapped', async () => {
    const { host, phone } = await phoneWindow();
    await phone.select('ios-phone');
    const login = startLogin(host, 'ibkeyios');
    await host.advance(5_000);
    const push = phone.view?.notifications.find((n) => n.source.kind === 'push');
    expect(push).toBeDefined();
    phone.goHome();
    expect(phone.banner?.id).toBe(push!.id);
    phone.openNotification(push!);
    expect(phone.screen).toBe('app');
    expect(phone.banner).toBeNull();
    expect(phone.app.page).toBe('approve');
    expect(phone.app.approval.request).toMatchObject({ loginId: login.loginId, username: 'ibkeyios' });
  });

  it('shows the missed calls in Recents and clears their notifications; tapping an SMS notification opens Messages', async () => {
    const { host, phone } = await phoneWindow();
    await phone.select('sms-phone');
    await ringingCall(host);
    expect(phone.calls.active?.state).toBe('ringing');
    await host.advance(30_000);
    expect(phone.calls.active).toBeNull();
    const missed = phone.view!.notifications.find((n) => n.source.kind === 'call')!;
    expect(missed).toBeDefined();
    phone.openNotification(missed);
    expect(phone.screen).toBe('recents');
    await host.settle();
    expect(phone.view?.notifications.some((n) => n.source.kind === 'call')).toBe(false);

    const sms = phone.view!.notifications.find((n) => n.source.kind === 'sms')!;
    phone.openNotification(sms);
    expect(phone.screen).toBe('messages');
    phone.openApp();
    expect(phone.screen).toBe('app');
    expect(phone.app.page).toBe('home');
    phone.openSettings();
    expect(phone.screen).toBe('settings');
    phone.lock();
    expect(phone.screen).toBe('lock');
  });

  it('keeps the newer view when an older answer arrives late, and ignores answers about another phone', async () => {
    const { host, phone } = await phoneWindow();
    await phone.select('sms-phone');
    const old = host.sim.getPhone({ phoneId: 'sms-phone' });
    startLogin(host, 'smsuser');
    await host.advance(host.sim.scenario.timing.smsDelay);
    phone.received(old);
    expect(phone.view?.messages).toHaveLength(1);
    phone.received(host.sim.getPhone({ phoneId: 'ios-phone' }));
    expect(phone.view?.id).toBe('sms-phone');
  });

  it('keeps its phone through a reset; another scenario without it shows that scenario\'s first phone', async () => {
    const { host, phone, world } = await phoneWindow(simHost({ library: libraryOf('happy-sms') }));
    await phone.select('android-phone');
    phone.goHome();
    host.sim.resetWorld({});
    await host.settle();
    expect(phone.id).toBe('android-phone');
    expect(phone.screen).toBe('lock');
    host.sim.loadScenario({ name: 'happy-sms' });
    await host.settle();
    const phones = host.sim.getWorld({}).phones.map((p) => p.id);
    expect(phones).not.toContain('android-phone');
    expect(world.phones.map((p) => p.id)).toEqual(phones);
    expect(phone.id).toBe(phones[0]);
    expect(phone.view?.id).toBe(phones[0]);
  });

  it('shows no phone for an id the scenario does not have (a stale link), and none when asked for none', async () => {
    const { phone } = await phoneWindow();
    await phone.select('no-such-phone');
    expect(phone.id).toBeNull();
    expect(phone.view).toBeNull();
    await phone.select('sms-phone');
    await phone.select(null);
    expect(phone.view).toBeNull();
  });
});

describe('CallState', () => {
  it('answers the ringing call: the transcript as captions and spoken, the timer on the virtual clock, then hangs up', async () => {
    const spoken: string[] = [];
    let cancelled = 0;
    vi.stubGlobal('speechSynthesis', { cancel: () => cancelled++, speak: (u: { text: string }) => spoken.push(u.text) });
    vi.stubGlobal(
      'SpeechSynthesisUtterance',
      class {
        rate = 1;
        constructor(readonly text: string) {}
      },
    );
    const { host, phone } = await phoneWindow();
    await phone.select('sms-phone');
    await ringingCall(host);
    const call = phone.calls.active!;
    expect(call.state).toBe('ringing');
    expect(call.transcript).toBeNull();
    await phone.calls.answer(call);
    expect(host.sent.at(-1)).toEqual({ name: 'answerCall', request: { phoneId: 'sms-phone', callId: call.id } });
    expect(phone.calls.active?.state).toBe('answered');
    const transcript = phone.calls.active!.transcript!;
    const code = host.sim.listPending({}).find((p) => p.kind === 'code')!.code!;
    expect(transcript).toContain(code.split('').join(', '));
    expect(spoken).toEqual([transcript]);
    expect(phone.calls.duration(phone.calls.active!)).toBe(0);
    await host.advance(12_000);
    expect(phone.calls.duration(phone.calls.active!)).toBe(12);
    await phone.calls.end(phone.calls.active!);
    expect(host.sent.at(-1)?.name).toBe('endCall');
    expect(phone.calls.active).toBeNull();
    expect(phone.view?.calls.at(-1)?.state).toBe('ended');
    expect(cancelled).toBeGreaterThan(0);
  });

  it('declines a ringing call, and says why when a call can no longer be answered', async () => {
    const { host, phone } = await phoneWindow();
    await phone.select('sms-phone');
    await ringingCall(host);
    const call = phone.calls.active!;
    await phone.calls.decline(call);
    expect(phone.calls.active).toBeNull();
    expect(phone.view?.calls.at(-1)?.state).toBe('missed');
    expect(phone.calls.error).toBeNull();
    await phone.calls.answer(call);
    expect(phone.calls.error).toBeTruthy();
    expect(phone.calls.busy).toBe(false);
    phone.calls.reset();
    expect(phone.calls.error).toBeNull();
  });
});

describe('PhoneControls', () => {
  it('changes a setting and shows the answer at once, before its event', async () => {
    const { host, phone } = await phoneWindow();
    await phone.select('sms-phone');
    const controls = new PhoneControls(host.api, () => phone);
    expect(await controls.set({ airplane: true })).toBe(true);
    expect(host.sent.at(-1)).toEqual({ name: 'setPhoneState', request: { phoneId: 'sms-phone', patch: { airplane: true } } });
    expect(phone.view?.status.airplane).toBe(true);
    expect(await controls.powerOff()).toBe(true);
    expect(phone.view?.status.poweredOn).toBe(false);
    phone.goHome();
    expect(await controls.restart()).toBe(true);
    expect(phone.view?.status.poweredOn).toBe(true);
    expect(phone.screen).toBe('lock');
    expect(controls.error).toBeNull();
  });

  it('clears the app\'s data on Android, and shows the refusal on iOS', async () => {
    const { host, phone } = await phoneWindow();
    await phone.select('android-phone');
    const controls = new PhoneControls(host.api, () => phone);
    expect(phone.view?.app.ibkeyUser).toBe('ibkeyandroid');
    expect(await controls.clearAppData()).toBe(true);
    expect(phone.view?.app.ibkeyUser).toBeNull();
    await phone.select('ios-phone');
    expect(await controls.clearAppData()).toBe(false);
    expect(controls.error).toBeTruthy();
    expect(phone.view?.app.ibkeyUser).toBe('ibkeyios');
    host.refuse = UNREACHABLE;
    expect(await controls.set({ wifi: false })).toBe(false);
    expect(controls.error).toBeTruthy();
  });

  it('does nothing without a phone on screen', async () => {
    const { host, phone } = await phoneWindow();
    const controls = new PhoneControls(host.api, () => phone);
    expect(await controls.set({ wifi: false })).toBe(false);
    expect(host.names()).not.toContain('setPhoneState');
  });
});

describe('SettingsNav', () => {
  it('opens pages as a stack, Back pops one and never the first', () => {
    const nav = new SettingsNav();
    expect(nav.current).toEqual({ id: 'root' });
    expect(nav.previous).toBeNull();
    nav.open({ id: 'notifications' });
    expect(nav.current).toEqual({ id: 'notifications' });
    expect(nav.previous).toEqual({ id: 'root' });
    nav.back();
    nav.back();
    expect(nav.current).toEqual({ id: 'root' });
    expect(nav.stack).toHaveLength(1);
  });
});
