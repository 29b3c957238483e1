// The IPC registration helper: untrusted senders, bad payloads, a real login end to end, events to windows.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow, IpcMainInvokeEvent, WebContents, WebFrameMain } from 'electron';
import type { Envelope } from '../../../main/api/dispatch.js';
import type { HostEvent } from '../../../main/api/events.js';
import { IPC_EVENT_CHANNEL, ipcChannel, operationNames } from '../../../main/api/names.js';
import type { Service } from '../../../main/api/operations.js';
import type { LoginView, PhoneView } from '../../../main/api/views.js';
import { forwardEvents, registerIpc } from '../../../main/electron/ipc.js';
import { isTrustedSender } from '../../../main/electron/security.js';
import { DEMO_PASSWORD, demoSim } from '../helpers.js';
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

/** Our windows and the sender check the app uses, so the trust chain is the real one. */
async function ourWindows(...views: string[]) {
  const windows: FakeBrowserWindow[] = [];
  for (const view of views) {
    const win = new FakeBrowserWindow({});
    await win.loadURL(`${APP_PAGE}#${view}`);
    windows.push(win);
  }
  const isTrusted = (e: IpcMainInvokeEvent) =>
    isTrustedSender(e.senderFrame as WebFrameMain | null, e.sender as WebContents, windows as unknown as BrowserWindow[]);
  return { windows, isTrusted };
}

describe('registerIpc', () => {
  it('registers one handler per operation of the contract, and removes them again', () => {
    const { service } = spyService();
    const dispose = registerIpc({ ipcMain, service, isTrusted: () => true });
    expect([...ipcMain.handlers.keys()].sort()).toEqual(operationNames.map(ipcChannel).sort());
    dispose();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('rejects a message from an untrusted sender without reaching the simulation', async () => {
    const { service, called } = spyService();
    const { windows, isTrusted } = await ourWindows('login');
    registerIpc({ ipcMain, service, isTrusted });
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
    const { windows, isTrusted } = await ourWindows('login');
    registerIpc({ ipcMain, service, isTrusted });
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
    registerIpc({ ipcMain, service, isTrusted: () => true, onInternalError });
    const win = new FakeBrowserWindow({});
    const envelope = await ipcMain.invokeFrom(win.webContents, ipcChannel('getWorld'), {});
    expect(envelope).toEqual({ ok: false, error: { code: 'internal', message: 'Internal error in getWorld' } });
    expect(onInternalError).toHaveBeenCalledOnce();
  });

  it('survives a sender check that throws', async () => {
    const { service, called } = spyService();
    registerIpc({ ipcMain, service, isTrusted: () => { throw new Error('frame gone'); } });
    const win = new FakeBrowserWindow({});
    await expect(ipcMain.invokeFrom(win.webContents, ipcChannel('getWorld'), {})).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(called).toEqual([]);
  });

  it('logs smsuser in end to end from trusted windows against a real simulation', async () => {
    const sim = demoSim();
    const { windows, isTrusted } = await ourWindows('login', 'phone');
    registerIpc({ ipcMain, service: sim, isTrusted });
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

  it('sends the event alone, on the event channel, to every live window', () => {
    const events = source();
    const windows = [new FakeBrowserWindow({}), new FakeBrowserWindow({}), new FakeBrowserWindow({})];
    windows[2]!.close();
    forwardEvents(events, () => windows as unknown as BrowserWindow[]);
    events.emit(event);
    for (const win of windows.slice(0, 2)) expect(win.webContents.sent).toEqual([{ channel: IPC_EVENT_CHANNEL, args: [event] }]);
    expect(windows[2]!.webContents.sent).toEqual([]);
  });

  it('stops when unsubscribed', () => {
    const events = source();
    const win = new FakeBrowserWindow({});
    const stop = forwardEvents(events, () => [win] as unknown as BrowserWindow[]);
    stop();
    events.emit(event);
    expect(win.webContents.sent).toEqual([]);
  });

  it('forwards what a real simulation emits', async () => {
    const sim = demoSim();
    const win = new FakeBrowserWindow({});
    forwardEvents(sim, () => [win] as unknown as BrowserWindow[]);
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
});
