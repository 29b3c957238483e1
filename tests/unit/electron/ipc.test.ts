// The IPC registration helper: untrusted senders, each window's allowance, bad payloads, a real login end to end, events to windows.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow, IpcMainInvokeEvent, WebContents, WebFrameMain } from 'electron';
import type { Envelope } from '../../../main/api/dispatch.js';
import type { HostEvent } from '../../../main/api/events.js';
import { IPC_EVENT_CHANNEL, ipcChannel, operationNames } from '../../../main/api/names.js';
import type { Service } from '../../../main/api/operations.js';
import type { LoginView, PendingView, PhoneView } from '../../../main/api/views.js';
import { forwardEvents, registerIpc } from '../../../main/electron/ipc.js';
import { isTrustedSender } from '../../../main/electron/security.js';
import type { WindowRole } from '../../../main/electron/window-allowance.js';
import { DEMO_PASSWORD, demoSim, latestCode } from '../helpers.js';
import { APP_PAGE, FakeBrowserWindow, ipcMain, resetFakeElectron } from './fake-electron.js';

vi.mock('electron', () => import('./fake-electron.js'));

beforeEach(() => resetFakeElectron());

/** A service that records calls and answers nothing useful: enough to see whether it was reached. */
function spyService() {
  const called: string[] = [];
  const service = new Proxy({} as Service, {
    get: (_t, name) => () => {
      called.push(String(name));
      return { spied: String(name) };
    },
  });
  return { service, called };
}

/** Our windows, one per role, and the sender check the app uses, so the trust chain is the real one. */
async function ourWindows(...roles: WindowRole[]) {
  const windows: FakeBrowserWindow[] = [];
  for (const role of roles) {
    const win = new FakeBrowserWindow({});
    await win.loadURL(`${APP_PAGE}#${role}`);
    windows.push(win);
  }
  // As lifecycle.ts does: trusted first, then the role of the window by its web contents (never by its page's hash).
  const senderRole = (e: IpcMainInvokeEvent): WindowRole | null => {
    if (!isTrustedSender(e.senderFrame as WebFrameMain | null, e.sender as WebContents, windows as unknown as BrowserWindow[])) return null;
    const index = windows.findIndex((w) => (w.webContents as unknown) === e.sender);
    return index < 0 ? null : roles[index]!;
  };
  return { windows, senderRole };
}

/** For tests about something else than the allowance: the Director may call everything. */
const asDirector = () => 'director' as const;

describe('registerIpc', () => {
  it('registers one handler per operation of the contract, and removes them again', () => {
    const { service } = spyService();
    const dispose = registerIpc({ ipcMain, service, senderRole: asDirector });
    expect([...ipcMain.handlers.keys()].sort()).toEqual(operationNames.map(ipcChannel).sort());
    dispose();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('rejects a message from an untrusted sender without reaching the simulation', async () => {
    const { service, called } = spyService();
    const { windows, senderRole } = await ourWindows('login');
    registerIpc({ ipcMain, service, senderRole });
    const stranger = new FakeBrowserWindow({});
    await stranger.loadURL('https://evil.example/');

    const fromStranger = (await ipcMain.invokeFrom(stranger.webContents, ipcChannel('getWorld'), {})) as Envelope;
    const fromIframe = (await ipcMain.invokeFrom(
      windows[0]!.webContents,
      ipcChannel('getWorld'),
      {},
      windows[0]!.webContents.subframe(`${APP_PAGE}#login`, 'app://sls'),
    )) as Envelope;
    const fromNowhere = (await ipcMain.invokeFrom(windows[0]!.webContents, ipcChannel('getWorld'), {}, null)) as Envelope;

    for (const envelope of [fromStranger, fromIframe, fromNowhere]) {
      expect(envelope).toMatchObject({ ok: false, error: { code: 'untrusted_sender' } });
    }
    expect(called).toEqual([]);
  });

  it('answers an invalid payload with a clear invalid_request envelope, and never throws', async () => {
    const { service, called } = spyService();
    const { windows, senderRole } = await ourWindows('login');
    registerIpc({ ipcMain, service, senderRole });
    const contents = windows[0]!.webContents;

    const missing = (await ipcMain.invokeFrom(contents, ipcChannel('submitCredentials'), { username: 'smsuser' })) as Envelope;
    expect(missing.ok).toBe(false);
    if (missing.ok) return;
    expect(missing.error.code).toBe('invalid_request');
    expect(missing.error.message).toMatch(/^Invalid request for submitCredentials: /);
    expect(missing.error.issues?.map((i) => i.path)).toEqual(expect.arrayContaining(['password', 'mode']));

    const hostile: unknown[] = [
      'a string',
      42,
      [1, 2, 3],
      { loginId: 'L1', code: 'x'.repeat(10_000) },
      JSON.parse('{"__proto__": {"polluted": true}, "loginId": "L1", "code": "123456"}'),
      { loginId: "L1; DROP TABLE", code: '123456' },
      { loginId: 'L1', code: '123456', extra: true },
    ];
    for (const payload of hostile) {
      const envelope = (await ipcMain.invokeFrom(contents, ipcChannel('submitCode'), payload)) as Envelope;
      expect(envelope).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(called).toEqual([]);
  });

  it('turns a simulation bug into an internal envelope and reports it', async () => {
    const onInternalError = vi.fn();
    const service = { getWorld: () => { throw new TypeError('boom'); } } as unknown as Service;
    registerIpc({ ipcMain, service, senderRole: asDirector, onInternalError });
    const win = new FakeBrowserWindow({});
    const envelope = await ipcMain.invokeFrom(win.webContents, ipcChannel('getWorld'), {});
    expect(envelope).toEqual({ ok: false, error: { code: 'internal', message: 'Internal error in getWorld' } });
    expect(onInternalError).toHaveBeenCalledOnce();
  });

  it('survives a sender check that throws', async () => {
    const { service, called } = spyService();
    registerIpc({ ipcMain, service, senderRole: () => { throw new Error('frame gone'); } });
    const win = new FakeBrowserWindow({});
    await expect(ipcMain.invokeFrom(win.webContents, ipcChannel('getWorld'), {})).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(called).toEqual([]);
  });

  it("refuses an operation outside the window's allowance, without reaching the simulation", async () => {
    const { service, called } = spyService();
    const { windows, senderRole } = await ourWindows('login', 'phone', 'fob', 'card');
    registerIpc({ ipcMain, service, senderRole });
    const [login, phone, fob, card] = windows.map((w) => w.webContents);
    const refused: [typeof login, (typeof operationNames)[number], unknown][] = [
      // The login window: no codes, no phone messages, no scenario loading, no fault switches, no clock.
      [login, 'listPending', {}],
      [login, 'getPhone', { phoneId: 'sms-phone' }],
      [login, 'getJournal', {}],
      [login, 'loadScenario', { name: 'happy-sms' }],
      [login, 'setPhoneState', { phoneId: 'sms-phone', patch: { airplane: true } }],
      [login, 'advanceClock', { ms: 1000 }],
      [login, 'resetWorld', {}],
      [phone, 'listPending', {}],
      [phone, 'loadScenario', { name: 'happy-sms' }],
      [fob, 'getPhone', { phoneId: 'sms-phone' }],
      [fob, 'resetFob', { serial: 'SNA-1' }],
      [card, 'fobPress', { serial: 'SNA-1' }],
    ];
    for (const [from, name, payload] of refused) {
      const envelope = (await ipcMain.invokeFrom(from!, ipcChannel(name), payload)) as Envelope;
      expect(envelope, name).toMatchObject({ ok: false, error: { code: 'untrusted_sender', message: expect.stringMatching(new RegExp(`^Refused ${name}: the \\w+ window may not call it$`)) } });
    }
    // Refused before the payload is looked at: a bad payload says nothing about the operation either.
    expect(await ipcMain.invokeFrom(login!, ipcChannel('listPending'), { username: 42 })).toMatchObject({ ok: false, error: { code: 'untrusted_sender' } });
    // The page cannot change its role: a login window that moved itself to #director is still the login window.
    windows[0]!.webContents.mainFrame.url = `${APP_PAGE}#director`;
    expect(await ipcMain.invokeFrom(login!, ipcChannel('listPending'), {})).toMatchObject({ ok: false, error: { code: 'untrusted_sender', message: 'Refused listPending: the login window may not call it' } });
    expect(called).toEqual([]);

    // What each of them needs goes through.
    const allowed = [
      [login, 'getLogin', { loginId: 'L1' }],
      [login, 'getWorld', {}],
      [phone, 'getPhone', { phoneId: 'sms-phone' }],
      [phone, 'answerCall', { phoneId: 'sms-phone', callId: 'C1' }],
      [fob, 'fobPress', { serial: 'SNA-1' }],
      [card, 'getCodeCard', { serial: 'SNA-1' }],
      [card, 'getClock', {}],
    ] as const;
    for (const [from, name, payload] of allowed) {
      expect(await ipcMain.invokeFrom(from!, ipcChannel(name), payload), name).toEqual({ ok: true, value: { spied: name } });
    }
    expect(called).toEqual(allowed.map(([, name]) => name));
  });

  it('the Director may call listPending, and sees the codes and expected responses', async () => {
    const sim = demoSim();
    const { windows, senderRole } = await ourWindows('login', 'director');
    registerIpc({ ipcMain, service: sim, senderRole });
    const [login, director] = windows.map((w) => w.webContents);
    await ipcMain.invokeFrom(login!, ipcChannel('submitCredentials'), { username: 'dscuser', password: DEMO_PASSWORD, mode: 'live' });
    const envelope = (await ipcMain.invokeFrom(director!, ipcChannel('listPending'), {})) as Envelope<PendingView[]>;
    expect(envelope).toEqual({ ok: true, value: sim.listPending({}) });
    expect(envelope.ok && envelope.value[0]).toMatchObject({ username: 'dscuser', step: 'dscplus', challenge: expect.stringMatching(/^\d{6}$/), expectedResponse: expect.stringMatching(/^\d{8}$/) });
    // The rest of the Director's console too: the journal, faults, time, scenarios.
    for (const [name, payload] of [['getJournal', {}], ['setPhoneState', { phoneId: 'sms-phone', patch: { airplane: true } }], ['advanceClock', { ms: 1000 }], ['listScenarios', {}]] as const) {
      expect(await ipcMain.invokeFrom(director!, ipcChannel(name), payload), name).toMatchObject({ ok: true });
    }
  });

  it('gives a fob or card window who waits for which device, never the challenge or the expected response', async () => {
    const sim = demoSim();
    const { windows, senderRole } = await ourWindows('login', 'fob', 'card');
    registerIpc({ ipcMain, service: sim, senderRole });
    const [login, fob, card] = windows.map((w) => w.webContents);
    for (const username of ['dscuser', 'carduser']) {
      await ipcMain.invokeFrom(login!, ipcChannel('submitCredentials'), { username, password: DEMO_PASSWORD, mode: 'live' });
    }
    const full = sim.listPending({});
    expect(full.map((p) => p.expectedResponse)).toEqual([expect.any(String), expect.any(String)]);
    for (const from of [fob, card]) {
      const envelope = (await ipcMain.invokeFrom(from!, ipcChannel('listPending'), {})) as Envelope<PendingView[]>;
      expect(envelope).toEqual({
        ok: true,
        value: full.map((p) => ({ ...p, code: null, challenge: null, cardIndexes: null, expectedResponse: null })),
      });
      const text = JSON.stringify(envelope);
      for (const p of full) {
        expect(text).not.toContain(p.expectedResponse);
        if (p.challenge) expect(text).not.toContain(p.challenge);
      }
    }
  });

  it('logs smsuser in end to end from trusted windows against a real simulation', async () => {
    const sim = demoSim();
    const { windows, senderRole } = await ourWindows('login', 'phone');
    registerIpc({ ipcMain, service: sim, senderRole });
    const [login, phone] = windows.map((w) => w.webContents);
    const call = async <T>(from: typeof login, name: (typeof operationNames)[number], payload: unknown): Promise<T> => {
      const envelope = (await ipcMain.invokeFrom(from!, ipcChannel(name), payload)) as Envelope<T>;
      if (!envelope.ok) throw new Error(`${name}: ${envelope.error.message}`);
      return envelope.value;
    };

    const started = await call<LoginView>(login, 'submitCredentials', { username: 'smsuser', password: DEMO_PASSWORD, mode: 'live' });
    expect(started.step).toBe('securityCode');
    sim.advance(sim.scenario.timing.smsDelay);
    const screen = await call<PhoneView>(phone, 'getPhone', { phoneId: 'sms-phone' });
    const code = /\b(\d{6})\b/.exec(screen.messages.at(-1)?.text ?? '')?.[1];
    expect(code).toMatch(/^\d{6}$/);
    const done = await call<LoginView>(login, 'submitCode', { loginId: started.loginId, code });
    expect(done).toMatchObject({ step: 'loggedIn', username: 'smsuser' });
  });
});

describe('forwardEvents', () => {
  const event: HostEvent = { type: 'clock', clock: { now: 1000, running: true, elapsed: 1000 } };

  function source() {
    const listeners = new Set<(e: HostEvent) => void>();
    return {
      on: (l: (e: HostEvent) => void) => (listeners.add(l), () => listeners.delete(l)),
      emit: (e: HostEvent) => listeners.forEach((l) => l(e)),
    };
  }

  /** Windows in the shape AppWindows.entries() hands them over: role and window. */
  const entries = (pairs: [WindowRole, FakeBrowserWindow][]) => () => pairs as unknown as [WindowRole, BrowserWindow][];

  it('sends the event alone, on the event channel, to every live window', () => {
    const events = source();
    const windows = [new FakeBrowserWindow({}), new FakeBrowserWindow({}), new FakeBrowserWindow({})];
    windows[2]!.close();
    forwardEvents(events, entries([['login', windows[0]!], ['phone', windows[1]!], ['director', windows[2]!]]));
    events.emit(event);
    for (const win of windows.slice(0, 2)) expect(win.webContents.sent).toEqual([{ channel: IPC_EVENT_CHANNEL, args: [event] }]);
    expect(windows[2]!.webContents.sent).toEqual([]);
  });

  it('stops when unsubscribed', () => {
    const events = source();
    const win = new FakeBrowserWindow({});
    const stop = forwardEvents(events, entries([['director', win]]));
    stop();
    events.emit(event);
    expect(win.webContents.sent).toEqual([]);
  });

  it('forwards what a real simulation emits', async () => {
    const sim = demoSim();
    const win = new FakeBrowserWindow({});
    forwardEvents(sim, entries([['director', win]]));
    sim.submitCredentials({ username: 'smsuser', password: DEMO_PASSWORD, mode: 'live' });
    sim.advance(sim.scenario.timing.smsDelay);
    const types = win.webContents.sent.map((m) => (m.args[0] as HostEvent).type);
    expect(types).toEqual(expect.arrayContaining(['journal', 'login', 'phone', 'clock']));
    for (const message of win.webContents.sent) {
      expect(message.channel).toBe(IPC_EVENT_CHANNEL);
      expect(message.args).toHaveLength(1);
      // Serializable: what structured clone would carry across.
      expect(structuredClone(message.args[0])).toEqual(message.args[0]);
    }
  });

  it('gives each window only the events it needs: no phone messages (with their codes) nor journal to the login window', () => {
    const sim = demoSim();
    const roles: WindowRole[] = ['login', 'phone', 'director', 'fob', 'card'];
    const windows = roles.map((role) => [role, new FakeBrowserWindow({})] as [WindowRole, FakeBrowserWindow]);
    forwardEvents(sim, entries(windows));
    const started = sim.submitCredentials({ username: 'smsuser', password: DEMO_PASSWORD, mode: 'live' });
    sim.advance(sim.scenario.timing.smsDelay);
    const code = latestCode(sim);
    sim.submitCode({ loginId: started.loginId!, code });
    sim.setPhoneState({ phoneId: 'sms-phone', patch: { airplane: true } });
    sim.advance(1000);

    const received = Object.fromEntries(windows.map(([role, win]) => [role, new Set(win.webContents.sent.map((m) => (m.args[0] as HostEvent).type))]));
    expect([...received.director!].sort()).toEqual(['clock', 'journal', 'login', 'phone']);
    expect([...received.phone!].sort()).toEqual(['clock', 'login', 'phone']);
    expect([...received.login!].sort()).toEqual(['clock', 'login']);
    expect([...received.fob!].sort()).toEqual(['clock', 'login']);
    expect([...received.card!].sort()).toEqual(['clock', 'login']);
    // The code reached the phone window in its message, and the login window not at all.
    expect(JSON.stringify(windows[1]![1].webContents.sent)).toContain(code);
    expect(JSON.stringify(windows[0]![1].webContents.sent)).not.toContain(code);

    // A fob event goes to the fob window and the Director alone; a new world to every window.
    for (const [, win] of windows) win.webContents.sent.length = 0;
    sim.fobPress({ serial: sim.getWorld({}).fobs[0]!.serial });
    sim.resetWorld({});
    const after = Object.fromEntries(windows.map(([role, win]) => [role, win.webContents.sent.map((m) => (m.args[0] as HostEvent).type)]));
    for (const role of roles) expect(after[role], role).toContain('world');
    expect(roles.filter((role) => after[role]!.includes('fob'))).toEqual(['director', 'fob']);
  });
});
