// The app's start-up against a mocked electron: order of set-up, windows, IPC and each window's allowance, menu, scenario problems.
import { execFileSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Envelope } from '../../../main/api/dispatch.js';
import type { HostEvent } from '../../../main/api/events.js';
import { IPC_EVENT_CHANNEL, IPC_SAVE_WORLD_CHANNEL, ipcChannel, operationNames } from '../../../main/api/names.js';
import type { LoginView, PendingView } from '../../../main/api/views.js';
import { parseScenario } from '../../../main/sim/scenario/load.js';
import { startApp, type RunningApp } from '../../../main/electron/lifecycle.js';
import { loadStartupScenario } from '../../../main/electron/startup-scenario.js';
import { Simulation } from '../../../main/sim/simulation.js';
import { CONTENT_SECURITY_POLICY } from '../../../main/electron/security.js';
import type { OpenStoreDeps, Settings, SettingsStore } from '../../../main/electron/store.js';
import { stageLayout } from '../../../main/electron/windows.js';
import { DEMO_PASSWORD } from '../helpers.js';
import { app, calls, defaultSession, dialog, FakeBrowserWindow, ipcMain, Menu, protocol, resetFakeElectron, screen } from './fake-electron.js';

vi.mock('electron', () => import('./fake-electron.js'));

const createStore: OpenStoreDeps['createStore'] = ({ name, ...options }) => new Conf<Settings>({ ...options, configName: name }) as unknown as SettingsStore;
const defaultYaml = readFileSync(new URL('../../../scenarios/default.yaml', import.meta.url), 'utf8');

let dir: string;
let running: RunningApp | null;
let errors: ReturnType<typeof vi.spyOn>;

/** Where the app under test hears SIGINT and SIGTERM (never the test runner's own process). */
let signals: EventEmitter;

function start(...extra: string[]) {
  return startApp({
    signals: signals as unknown as Pick<NodeJS.Process, 'once' | 'off'>,
    argv: ['/usr/bin/electron', path.join(dir, 'dist/electron/main.js'), '--user-data-dir', path.join(dir, 'profile'), ...extra],
    cwd: dir,
    distDir: path.join(dir, 'dist'),
    createStore,
    platform: 'linux',
  });
}
const windowFor = (view: string) => FakeBrowserWindow.created.find((w) => w.loadedUrl?.endsWith(`#${view}`));
const menuItem = (id: string) =>
  (Menu.template as Electron.MenuItemConstructorOptions[]).flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : [])).find((i) => i.id === id)!;
/** The app stopped and started again, as a user quitting and relaunching it. */
async function restart() {
  running!.pacer.stop();
  resetFakeElectron();
  running = await start();
}

beforeEach(() => {
  resetFakeElectron();
  signals = new EventEmitter();
  dir = mkdtempSync(path.join(tmpdir(), 'sls-app-'));
  mkdirSync(path.join(dir, 'dist', 'renderer'), { recursive: true });
  writeFileSync(path.join(dir, 'dist', 'renderer', 'index.html'), '<!doctype html><title>SLS</title>');
  errors = vi.spyOn(console, 'error').mockImplementation(() => {});
  running = null;
});
afterEach(async () => {
  running?.pacer.stop();
  await running?.control?.close();
  errors.mockRestore();
  rmSync(dir, { recursive: true, force: true });
});

describe('startApp', () => {
  it('registers the scheme and the sandbox before ready, the protocol and the rules after', async () => {
    running = await start();
    expect(calls.indexOf('registerSchemesAsPrivileged')).toBeLessThan(calls.indexOf('ready'));
    expect(calls.indexOf('enableSandbox')).toBeLessThan(calls.indexOf('ready'));
    expect(calls.indexOf('handle:app')).toBeGreaterThan(calls.indexOf('ready'));
    expect(defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(defaultSession.setPermissionCheckHandler).toHaveBeenCalled();
    expect(app.listenerCount('web-contents-created')).toBe(1);
    expect(app.setPath).toHaveBeenCalledWith('userData', path.join(dir, 'profile'));
  });

  it('serves the built renderer on app:// with the CSP header', async () => {
    running = await start();
    const response = await protocol.handlers.get('app')!(new Request('app://sls/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('opens the 460×600 login window and the phone side by side, secure, on app:// pages', async () => {
    running = await start();
    expect(FakeBrowserWindow.created.map((w) => w.loadedUrl)).toEqual(['app://sls/index.html#login', 'app://sls/index.html#phone']);
    const layout = stageLayout(screen.getPrimaryDisplay().workArea);
    expect(windowFor('login')!.options).toMatchObject({ ...layout.login, width: 460, height: 600, useContentSize: true });
    expect(windowFor('phone')!.options).toMatchObject(layout.phone);
    for (const win of FakeBrowserWindow.created) {
      expect(win.options.webPreferences).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        preload: path.join(dir, 'dist', 'electron', 'preload.cjs'),
      });
    }
  });

  it('handles every operation over IPC, for our windows only, and pushes events to them', async () => {
    running = await start();
    // One channel per operation, and the Director's save dialog (IPC_SAVE_WORLD_CHANNEL).
    expect(ipcMain.handlers.size).toBe(operationNames.length + 1);
    const login = windowFor('login')!.webContents;
    const phone = windowFor('phone')!.webContents;

    const envelope = (await ipcMain.invokeFrom(login, ipcChannel('submitCredentials'), {
      username: 'smsuser',
      password: DEMO_PASSWORD,
      mode: 'live',
    })) as Envelope<LoginView>;
    expect(envelope).toMatchObject({ ok: true, value: { step: 'securityCode' } });
    const events = phone.sent.filter((m) => m.channel === IPC_EVENT_CHANNEL).map((m) => (m.args[0] as HostEvent).type);
    expect(events).toContain('login');

    const stranger = new FakeBrowserWindow({});
    await stranger.loadURL('app://sls/index.html#login');
    expect(await ipcMain.invokeFrom(stranger.webContents, ipcChannel('getWorld'), {})).toMatchObject({ ok: false, error: { code: 'untrusted_sender' } });
  });

  it("holds each window to its allowance: the login window neither lists the codes nor gets the phone's messages, the Director does", async () => {
    running = await start();
    (menuItem('open-director').click as () => void)();
    const login = windowFor('login')!.webContents;
    const phone = windowFor('phone')!.webContents;
    const director = windowFor('director')!.webContents;

    const started = (await ipcMain.invokeFrom(login, ipcChannel('submitCredentials'), { username: 'smsuser', password: DEMO_PASSWORD, mode: 'live' })) as Envelope<LoginView>;
    expect(started).toMatchObject({ ok: true, value: { step: 'securityCode' } });
    running!.sim.advance(running!.sim.scenario.timing.smsDelay);

    for (const [name, payload] of [['listPending', {}], ['getPhone', { phoneId: 'sms-phone' }], ['loadScenario', { name: 'happy-sms' }], ['setPhoneState', { phoneId: 'sms-phone', patch: { airplane: true } }]] as const) {
      expect(await ipcMain.invokeFrom(login, ipcChannel(name), payload), name).toEqual({
        ok: false,
        error: { code: 'untrusted_sender', message: `Refused ${name}: the login window may not call it` },
      });
    }
    const pending = (await ipcMain.invokeFrom(director, ipcChannel('listPending'), { username: 'smsuser' })) as Envelope<PendingView[]>;
    const code = pending.ok ? pending.value[0]?.code : null;
    expect(code).toMatch(/^\d{6}$/);
    expect(await ipcMain.invokeFrom(phone, ipcChannel('getPhone'), { phoneId: 'sms-phone' })).toMatchObject({ ok: true, value: { messages: [expect.objectContaining({ text: expect.stringContaining(code!) })] } });

    const types = (contents: typeof login) => new Set(contents.sent.filter((m) => m.channel === IPC_EVENT_CHANNEL).map((m) => (m.args[0] as HostEvent).type));
    expect(types(phone).has('phone')).toBe(true);
    expect(types(director)).toEqual(new Set(['journal', 'login', 'phone', 'clock']));
    expect(types(login).has('phone')).toBe(false);
    expect(types(login).has('journal')).toBe(false);
    expect(JSON.stringify(login.sent)).not.toContain(code!);
  });

  it('puts the menu in place; its items open the director and rearrange the stage', async () => {
    running = await start();
    const all = (Menu.template as Electron.MenuItemConstructorOptions[]).flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : []));
    const item = (id: string) => all.find((i) => i.id === id)!;
    (item('open-director').click as () => void)();
    expect(windowFor('director')).toBeDefined();
    (item('arrange-stage').click as () => void)();
    expect(FakeBrowserWindow.created).toHaveLength(3);
  });

  it('opens the fob and the card in windows of their own from the menu', async () => {
    running = await start();
    const all = (Menu.template as Electron.MenuItemConstructorOptions[]).flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : []));
    (all.find((i) => i.id === 'open-fob')!.click as () => void)();
    (all.find((i) => i.id === 'open-card')!.click as () => void)();
    expect(windowFor('fob')!.loadedUrl).toBe('app://sls/index.html#fob');
    expect(windowFor('card')!.loadedUrl).toBe('app://sls/index.html#card');
    expect(windowFor('fob')!.options).toMatchObject({ width: 400, height: 270, useContentSize: true, webPreferences: { sandbox: true, contextIsolation: true } });
    expect(windowFor('card')!.options).toMatchObject({ width: 580, height: 760 });
  });

  it('opens a scenario file from the menu and remembers its path', async () => {
    running = await start();
    const file = path.join(dir, 'other.yaml');
    writeFileSync(file, defaultYaml.replace(/^title: .*$/m, 'title: Another take'));
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [file] });
    const all = (Menu.template as Electron.MenuItemConstructorOptions[]).flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : []));
    (all.find((i) => i.id === 'open-scenario')!.click as () => void)();
    await vi.waitFor(() => expect(running!.sim.getScenario().title).toBe('Another take'));
    expect(running!.settings.get('lastScenarioPath')).toBe(file);
  });

  it('shows every problem of a bad file opened from the menu, and the running scenario carries on', async () => {
    running = await start();
    running!.sim.submitCredentials({ username: 'smsuser', password: DEMO_PASSWORD, mode: 'live' });
    const before = running!.sim.listPending({});
    const bad = path.join(dir, 'broken.yaml');
    writeFileSync(bad, 'name: broken\nseed: 1\nphones: 12\nusers:\n  - username: Bad Name\n');
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [bad] });
    const all = (Menu.template as Electron.MenuItemConstructorOptions[]).flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : []));
    (all.find((i) => i.id === 'open-scenario')!.click as () => void)();
    await vi.waitFor(() => expect(dialog.showMessageBox).toHaveBeenCalled());
    const [box] = dialog.showMessageBox.mock.calls[0] as [Electron.MessageBoxOptions];
    expect(box).toMatchObject({ type: 'warning', title: 'Scenario not loaded', message: expect.stringMatching(/broken\.yaml has problems\. The current scenario keeps running\./) });
    const lines = box.detail!.split('\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line).toMatch(/^broken\.yaml:\d+:\d+: /);
    expect(running!.sim.getScenario().name).toBe('default');
    expect(running!.sim.listPending({})).toEqual(before);
    expect(running!.settings.get('lastScenarioPath')).toBeNull();
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(expect.objectContaining({ filters: [{ name: 'Scenario', extensions: ['yaml', 'yml'] }] }));
  });

  it('does nothing when the open dialog is cancelled, and says so when the file cannot be read', async () => {
    running = await start();
    const all = (Menu.template as Electron.MenuItemConstructorOptions[]).flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : []));
    (all.find((i) => i.id === 'open-scenario')!.click as () => void)();
    await vi.waitFor(() => expect(dialog.showOpenDialog).toHaveBeenCalled());
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [path.join(dir, 'gone.yaml')] });
    (all.find((i) => i.id === 'open-scenario')!.click as () => void)();
    await vi.waitFor(() => expect(dialog.showMessageBox).toHaveBeenCalledWith(expect.objectContaining({ type: 'error', title: 'Scenario not loaded' })));
    expect(running!.sim.getScenario().name).toBe('default');
  });

  it('starts with the last scenario opened, and remembers a built-in one loaded by the director', async () => {
    const file = path.join(dir, 'remembered.yaml');
    writeFileSync(file, defaultYaml.replace(/^name: .*$/m, 'name: remembered'));
    running = await start('--scenario', file);
    running!.pacer.stop();
    resetFakeElectron();
    running = await start();
    expect(running!.sim.getScenario().name).toBe('remembered');

    // The director loads a library scenario through IPC: its file is remembered.
    (menuItem('open-director').click as () => void)();
    const director = windowFor('director')!.webContents;
    expect(await ipcMain.invokeFrom(director, ipcChannel('loadScenario'), { name: 'happy-sms' })).toMatchObject({ ok: true, value: { ok: true } });
    expect(running!.settings.get('lastScenarioPath')).toMatch(/scenarios[\\/]library[\\/]happy-sms\.yaml$/);
    running!.pacer.stop();
    resetFakeElectron();
    running = await start();
    expect(running!.sim.getScenario().name).toBe('happy-sms');
  });

  it('forgets a last scenario that is gone, and says so when it no longer loads', async () => {
    const file = path.join(dir, 'later-broken.yaml');
    writeFileSync(file, defaultYaml.replace(/^name: .*$/m, 'name: later-broken'));
    running = await start('--scenario', file);
    running!.pacer.stop();

    writeFileSync(file, 'name: later-broken\nphones: 12\n');
    resetFakeElectron();
    running = await start();
    expect(running!.sim.getScenario().name).toBe('default');
    expect(dialog.showMessageBox).toHaveBeenCalledWith(expect.objectContaining({ title: 'Scenario not loaded', message: expect.stringContaining('later-broken.yaml') }));
    running!.pacer.stop();

    rmSync(file);
    resetFakeElectron();
    running = await start();
    expect(running!.sim.getScenario().name).toBe('default');
    // Gone: said once (naming the file), then forgotten, so the next start is quiet.
    expect(dialog.showMessageBox).toHaveBeenCalledOnce();
    expect(dialog.showMessageBox).toHaveBeenCalledWith(
      expect.objectContaining({ title: 'Scenario not loaded', message: expect.stringContaining('later-broken.yaml'), detail: expect.stringMatching(/file not found[\s\S]*It is forgotten/) }),
    );
    expect(running!.settings.get('lastScenarioPath')).toBeNull();
    await restart();
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
  });

  describe('a remembered scenario that is too large, hostile or no file at all', () => {
    // An alias bomb: the YAML library refuses it by throwing, which used to stop the app from starting.
    // The loader now counts the aliases first.
    const aliases = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++) aliases.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    const cases: { name: string; file: () => string; problem: RegExp }[] = [
      { name: 'too large', file: () => scenarioFile(`# ${'x'.repeat(4_000_001)}\n`), problem: /too large for a scenario: the limit is 1,000,000 characters/ },
      { name: 'too many characters', file: () => scenarioFile(`# ${'x'.repeat(1_000_001)}\n`), problem: /too large for a scenario/ },
      { name: 'an alias bomb', file: () => scenarioFile(aliases.join('\n')), problem: /remembered\.yaml:7:10: \(syntax\): a scenario file may have at most 50 aliases/ },
      { name: 'a YAML error', file: () => scenarioFile('name: [unclosed\n'), problem: /remembered\.yaml:\d+:\d+: \(syntax\)/ },
      { name: 'a folder', file: () => dir, problem: /not a file \(a folder\)/ },
      // A FIFO would block a plain read forever (no writer ever comes); there is none to make on Windows.
      ...(process.platform === 'win32'
        ? []
        : [{ name: 'a FIFO', file: () => (execFileSync('mkfifo', [path.join(dir, 'pipe.yaml')]), path.join(dir, 'pipe.yaml')), problem: /not a regular file/ }]),
    ];
    const scenarioFile = (text: string) => {
      const file = path.join(dir, 'remembered.yaml');
      writeFileSync(file, text);
      return file;
    };

    it.each(cases)('starts on the demo scenario with a notice once the windows are open: $name', async ({ file, problem }) => {
      const remembered = file();
      mkdirSync(path.join(dir, 'profile'));
      writeFileSync(path.join(dir, 'profile', 'settings.json'), JSON.stringify({ lastScenarioPath: remembered }));
      // How many windows are open when the notice comes: it sits beside them and does not hold up the start.
      const windowsAtNotice: number[] = [];
      dialog.showMessageBox.mockImplementationOnce(async () => {
        windowsAtNotice.push(FakeBrowserWindow.created.length);
        return { response: 0, checkboxChecked: false };
      });
      running = await start();

      expect(running!.sim.getScenario().name).toBe('default');
      expect(FakeBrowserWindow.created).toHaveLength(2);
      expect(windowsAtNotice).toEqual([2]);
      expect(dialog.showMessageBox).toHaveBeenCalledOnce();
      const [box] = dialog.showMessageBox.mock.calls[0] as [Electron.MessageBoxOptions];
      expect(box).toMatchObject({ type: 'warning', title: 'Scenario not loaded', message: expect.stringContaining(`${path.basename(remembered)}, could not be loaded. The demo scenario is running instead.`) });
      expect(box.detail).toMatch(problem);
      expect(box.detail).toContain(remembered);
      expect(box.detail).toContain('It is tried again at the next start');
      expect(errors.mock.calls.flat().join('\n')).toMatch(problem);
      // Still remembered: tried again at the next start, in case it was fixed.
      expect(running!.settings.get('lastScenarioPath')).toBe(remembered);
    });

    it('comes back once fixed', async () => {
      const file = scenarioFile(aliases.join('\n'));
      mkdirSync(path.join(dir, 'profile'));
      writeFileSync(path.join(dir, 'profile', 'settings.json'), JSON.stringify({ lastScenarioPath: file }));
      running = await start();
      expect(running!.sim.getScenario().name).toBe('default');
      writeFileSync(file, defaultYaml.replace(/^name: .*$/m, 'name: remembered'));
      await restart();
      expect(running!.sim.getScenario().name).toBe('remembered');
      expect(dialog.showMessageBox).not.toHaveBeenCalled();
    });
  });

  it('starts on the demo scenario when the simulation cannot start the remembered one', async () => {
    const file = path.join(dir, 'remembered.yaml');
    writeFileSync(file, defaultYaml.replace(/^name: .*$/m, 'name: remembered'));
    running = await start('--scenario', file);
    running!.pacer.stop();
    resetFakeElectron();
    // A scenario the checks pass but the simulation chokes on (a bug): the first load of the start-up fails.
    const load = vi.spyOn(Simulation.prototype, 'load').mockImplementationOnce(() => {
      throw new TypeError('boom');
    });
    try {
      running = await start();
    } finally {
      load.mockRestore();
    }
    // The demo scenario runs whole: a login goes as usual.
    expect(running!.sim.getScenario().name).toBe('default');
    expect(running!.sim.submitCredentials({ username: 'smsuser', password: DEMO_PASSWORD, mode: 'live' }).step).toBe('securityCode');
    expect(dialog.showMessageBox).toHaveBeenCalledWith(expect.objectContaining({ title: 'Scenario not loaded', detail: expect.stringContaining('remembered.yaml: the simulation could not start it: boom') }));
  });

  it('serves the control API on 127.0.0.1 with --control-port, on the same simulation as the windows', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    let printed: string;
    try {
      running = await start('--control-port', '0');
      printed = log.mock.calls.flat().join('\n');
    } finally {
      log.mockRestore();
    }
    const control = running!.control!;
    expect(control.app.server.address()).toMatchObject({ address: '127.0.0.1' });
    expect(printed).toContain(`Control API token: ${control.controlToken}`);
    expect(printed).toContain(`curl -H 'Authorization: Bearer ${control.controlToken}' '${control.controlUrl}/pending?username=smsuser'`);

    // A login in the window; its code read and the phone switched through the control API.
    const login = windowFor('login')!.webContents;
    const started = (await ipcMain.invokeFrom(login, ipcChannel('submitCredentials'), { username: 'smsuser', password: DEMO_PASSWORD, mode: 'live' })) as Envelope<LoginView>;
    const headers = { authorization: `Bearer ${control.controlToken}` };
    const pending = (await (await fetch(`${control.controlUrl}/pending?username=smsuser`, { headers })).json()) as Envelope<{ loginId: string; code: string }[]>;
    expect(pending.ok && pending.value[0]).toMatchObject({ loginId: started.ok && started.value.loginId, code: expect.stringMatching(/^\d{6}$/) });
    const phone = windowFor('phone')!.webContents;
    phone.sent.length = 0;
    const set = await fetch(`${control.controlUrl}/phones/sms-phone/state`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: '{"airplane":true}' });
    expect(set.status).toBe(200);
    expect(phone.sent.some((m) => m.channel === IPC_EVENT_CHANNEL && (m.args[0] as HostEvent).type === 'phone')).toBe(true);

    // No token, no answer; and this port serves neither pages nor the windows' API.
    expect((await fetch(`${control.controlUrl}/pending`)).status).toBe(401);
    expect((await fetch(control.origin)).status).toBe(404);
    expect((await fetch(`${control.origin}api/op/getWorld`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(404);

    app.emit('will-quit');
    await vi.waitFor(() => expect(control.app.server.listening).toBe(false));
  });

  it('with --token-file, --generate-token and --print-json: writes the token 0600, prints one JSON line on stdout, and the next start reuses the token', async () => {
    const file = path.join(dir, 'control-token');
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    let lines: string[];
    try {
      running = await start('--control-port', '0', '--token-file', 'control-token', '--generate-token', '--print-json');
      lines = log.mock.calls.map((call) => call.join(' '));
    } finally {
      log.mockRestore();
    }
    const control = running!.control!;
    const token = readFileSync(file, 'utf8').trim();
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(control.controlToken).toBe(token);
    // stdout: the JSON line alone; the banner went to stderr.
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toEqual({ host: 'electron', port: control.port, controlUrl: control.controlUrl, controlToken: token, scenario: 'default', pid: process.pid });
    expect(errors.mock.calls.flat().join('\n')).toContain(`Control API at ${control.controlUrl}`);
    expect((await fetch(`${control.controlUrl}/clock`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);

    await control.close();
    running!.pacer.stop();
    resetFakeElectron();
    running = await start('--control-port', '0', '--token-file', 'control-token', '--generate-token');
    expect(running!.control!.controlToken).toBe(token);
  });

  it('starts without the control API when its token is refused, and says why', async () => {
    running = await start('--control-port', '0', '--token', 'short');
    expect(running!.control).toBeNull();
    expect(errors.mock.calls.flat().join('\n')).toMatch(/Control API not started: --token: the control API token is too short/);
    expect(dialog.showMessageBox).toHaveBeenCalledWith(expect.objectContaining({ title: 'Control API not started' }));
    expect(FakeBrowserWindow.created).toHaveLength(2);
  });

  it('has no control API without --control-port, and none with a bad one', async () => {
    running = await start();
    expect(running!.control).toBeNull();
    running!.pacer.stop();
    resetFakeElectron();
    running = await start('--control-port', 'eighty');
    expect(running!.control).toBeNull();
    expect(errors.mock.calls.flat().join('\n')).toMatch(/--control-port needs a port number/);
  });

  it('falls back to the demo scenario when --scenario has problems, and lists them', async () => {
    const bad = path.join(dir, 'bad.yaml');
    writeFileSync(bad, 'name: broken\nseed: 1\nphones: 12\n');
    running = await start('--scenario', bad);
    expect(running!.sim.getScenario().name).toBe('default');
    expect(dialog.showMessageBox).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'warning', title: 'Scenario not loaded', message: expect.stringContaining('bad.yaml'), detail: expect.stringMatching(/bad\.yaml:\d+:\d+: /) }),
    );
    expect(errors.mock.calls.flat().join('\n')).toMatch(/bad\.yaml:\d+:\d+: /);
    expect(FakeBrowserWindow.created).toHaveLength(2);
  });

  it('loads a good --scenario file and remembers it', async () => {
    const good = path.join(dir, 'good.yaml');
    writeFileSync(good, defaultYaml.replace(/^title: .*$/m, 'title: From the command line'));
    running = await start('--scenario', 'good.yaml');
    expect(running!.sim.getScenario().title).toBe('From the command line');
    expect(running!.settings.get('lastScenarioPath')).toBe(good);
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
  });

  it('starts with defaults and tells the user when the settings file is corrupt', async () => {
    mkdirSync(path.join(dir, 'profile'));
    writeFileSync(path.join(dir, 'profile', 'settings.json'), '{ nope');
    running = await start();
    expect(dialog.showMessageBox).toHaveBeenCalledWith(expect.objectContaining({ title: 'Settings were reset' }));
    expect(FakeBrowserWindow.created).toHaveLength(2);
  });

  it('says so when the renderer is not built', async () => {
    rmSync(path.join(dir, 'dist', 'renderer'), { recursive: true });
    running = await start();
    expect(dialog.showMessageBox).toHaveBeenCalledWith(expect.objectContaining({ title: 'Renderer missing', message: expect.stringContaining('npm run build:only') }));
  });

  it('leaves when another instance already runs', async () => {
    app.singleInstance = false;
    expect(await start()).toBeNull();
    expect(app.quit).toHaveBeenCalled();
    expect(FakeBrowserWindow.created).toHaveLength(0);
  });

  it('quits when the last window closes (not on macOS) and stops the pacer', async () => {
    running = await start();
    app.emit('window-all-closed');
    expect(app.quit).toHaveBeenCalled();
    const stop = vi.spyOn(running!.pacer, 'stop');
    app.emit('will-quit');
    expect(stop).toHaveBeenCalled();
  });
});

describe('saved worlds', () => {
  const savedText = (file: string) => {
    const text = readFileSync(file, 'utf8');
    const parsed = parseScenario(text, path.basename(file));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    return { text, scenario: parsed.scenario };
  };

  it('"Export as scenario": the Director asks, the main process shows a save dialog and writes the file; no other window may', async () => {
    running = await start();
    (menuItem('open-director').click as () => void)();
    running!.sim.setPhoneState({ phoneId: 'sms-phone', patch: { airplane: true } });
    const target = path.join(dir, 'picked.yaml');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    // The page sends nothing on the channel: whatever it puts there is not read.
    const answer = await ipcMain.invokeFrom(windowFor('director')!.webContents, IPC_SAVE_WORLD_CHANNEL, { file: '/etc/passwd', text: 'evil' });
    expect(answer).toEqual({ ok: true, value: { saved: true, fileName: 'picked.yaml' } });
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(expect.objectContaining({ title: 'Export as scenario', defaultPath: expect.stringMatching(/default-saved\.yaml$/) }));
    expect(savedText(target).scenario.phones.find((p) => p.id === 'sms-phone')!.state.airplane).toBe(true);
    expect(statSync(target).mode & 0o777).toBe(0o600);

    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    expect(await ipcMain.invokeFrom(windowFor('director')!.webContents, IPC_SAVE_WORLD_CHANNEL, undefined)).toEqual({ ok: true, value: { saved: false, fileName: null } });
    for (const view of ['login', 'phone']) {
      expect(await ipcMain.invokeFrom(windowFor(view)!.webContents, IPC_SAVE_WORLD_CHANNEL, undefined)).toMatchObject({ ok: false, error: { code: 'untrusted_sender' } });
    }
    expect(dialog.showSaveDialog).toHaveBeenCalledTimes(2);
  });

  it('starts from --import (not remembered as the last scenario) and saves the world with --export-on-exit when it quits', async () => {
    const source = new Simulation(loadStartupScenario(null).scenario);
    source.setSeamless({ username: 'ibkeyios', enabled: false });
    source.advanceClock({ ms: 90_000 });
    writeFileSync(path.join(dir, 'world.yaml'), source.exportWorld({}).text);
    running = await start('--import', 'world.yaml', '--export-on-exit', 'out.yaml');
    const { clock, ...world } = running!.sim.getWorld();
    const { clock: sourceClock, ...sourceWorld } = source.getWorld();
    expect(world).toEqual(sourceWorld);
    expect(clock.now).toBe(sourceClock.now);
    expect(running!.settings.get('lastScenarioPath')).toBeNull();

    running!.sim.setPhoneState({ phoneId: 'ios-phone', patch: { doNotDisturb: true } });
    // SIGTERM quits the app as the menu would (the fake app's quit does not emit will-quit by itself).
    signals.emit('SIGTERM');
    expect(app.quit).toHaveBeenCalled();
    app.emit('will-quit');
    const saved = savedText(path.join(dir, 'out.yaml')).scenario;
    expect(saved.phones.find((p) => p.id === 'ios-phone')!.state.doNotDisturb).toBe(true);
    expect(saved.users.find((u) => u.username === 'ibkeyios')!.seamless).toBe(false);
    expect(errors.mock.calls.flat().join('\n')).toContain(`Saved the world to ${path.join(dir, 'out.yaml')}`);
  });

  it('refuses a bad --import with every problem and exit code 2, opening nothing', async () => {
    writeFileSync(path.join(dir, 'bad.yaml'), 'name: bad\nseed: 1\nusers: []\nresume: { logins: { Nobody: 1 } }\n');
    expect(await start('--import', 'bad.yaml')).toBeNull();
    expect(app.exit).toHaveBeenCalledWith(2);
    expect(FakeBrowserWindow.created).toHaveLength(0);
    const printed = errors.mock.calls.flat().join('\n');
    expect(printed).toMatch(/bad\.yaml:\d+:\d+: title: missing required field/);
    expect(printed).toMatch(/bad\.yaml:\d+:\d+: resume\.logins\.Nobody: /);
  });

  it('refuses an --export-on-exit into a folder that does not exist (exit code 2)', async () => {
    expect(await start('--export-on-exit', 'nowhere/out.yaml')).toBeNull();
    expect(app.exit).toHaveBeenCalledWith(2);
    expect(errors.mock.calls.flat().join('\n')).toMatch(/--export-on-exit: the folder .*nowhere does not exist/);
  });
});

describe("the windows' language", () => {
  /** The radio items under View → Language, as the menu shows them now. */
  const languages = () => {
    const view = (Menu.template as Electron.MenuItemConstructorOptions[]).find((m) => m.label === '&View')!;
    const language = (view.submenu as Electron.MenuItemConstructorOptions[]).find((i) => i.id === 'language')!;
    return language.submenu as Electron.MenuItemConstructorOptions[];
  };
  const checked = () => languages().find((i) => i.checked)?.label;
  const remember = (settings: Record<string, unknown>) => {
    mkdirSync(path.join(dir, 'profile'), { recursive: true });
    writeFileSync(path.join(dir, 'profile', 'settings.json'), JSON.stringify(settings));
  };
  const worldEvents = (view: string) =>
    windowFor(view)!
      .webContents.sent.filter((m) => m.channel === IPC_EVENT_CHANNEL && (m.args[0] as HostEvent).type === 'world')
      .map((m) => (m.args[0] as Extract<HostEvent, { type: 'world' }>).world.locale);

  it('opens in the remembered language when the scenario names none, and in English by default', async () => {
    running = await start();
    expect(running!.sim.getWorld().locale).toBe('en');
    expect(checked()).toBe('English');
    running!.pacer.stop();
    resetFakeElectron();
    remember({ locale: 'fr' });
    running = await start();
    expect(running!.sim.getWorld().locale).toBe('fr');
    expect(checked()).toBe('Français');
    // An older file's tag is read by its language; one the windows lack is English.
    await restartWith({ locale: 'fr-CA' }, 'fr');
    await restartWith({ locale: 'de' }, 'en');
  });

  async function restartWith(settings: Record<string, unknown>, expected: string) {
    running!.pacer.stop();
    resetFakeElectron();
    remember(settings);
    running = await start();
    expect(running!.sim.getWorld().locale).toBe(expected);
  }

  it("a scenario file that sets locale wins over the remembered language", async () => {
    remember({ locale: 'fr' });
    const file = path.join(dir, 'english.yaml');
    writeFileSync(file, defaultYaml.replace(/^users:/m, 'locale: en\nusers:'));
    running = await start('--scenario', file);
    expect(running!.sim.getWorld().locale).toBe('en');
    expect(checked()).toBe('English');
    // Not a switch: the remembered language stays for files that name none.
    expect(running!.settings.get('locale')).toBe('fr');
  });

  it('View → Language switches every window and is remembered for the next start', async () => {
    running = await start();
    (languages().find((i) => i.id === 'locale-fr')!.click as () => void)();
    expect(running!.sim.getWorld().locale).toBe('fr');
    expect(worldEvents('login')).toEqual(['fr']);
    expect(worldEvents('phone')).toEqual(['fr']);
    expect(running!.settings.get('locale')).toBe('fr');
    expect(checked()).toBe('Français');
    await restart();
    expect(running!.sim.getWorld().locale).toBe('fr');
  });

  it('the menu follows a switch made in the Director, and a scenario loaded with its own language', async () => {
    running = await start();
    (menuItem('open-director').click as () => void)();
    const director = windowFor('director')!.webContents;
    expect(await ipcMain.invokeFrom(director, ipcChannel('setLocale'), { locale: 'fr' })).toMatchObject({ ok: true, value: { locale: 'fr' } });
    expect(checked()).toBe('Français');
    expect(running!.settings.get('locale')).toBe('fr');
    // The login window may not switch the language itself (the Director and the menu do).
    expect(await ipcMain.invokeFrom(windowFor('login')!.webContents, ipcChannel('setLocale'), { locale: 'en' })).toMatchObject({ ok: false, error: { code: 'untrusted_sender' } });
    const english = defaultYaml.replace(/^users:/m, 'locale: en\nusers:');
    expect(await ipcMain.invokeFrom(director, ipcChannel('loadScenario'), { text: english, fileName: 'english.yaml' })).toMatchObject({ ok: true, value: { ok: true } });
    expect(checked()).toBe('English');
    expect(running!.settings.get('locale')).toBe('fr');
  });
});

describe('loadStartupScenario', () => {
  it('uses the default scenario when none is asked for', () => {
    const startup = loadStartupScenario(null);
    expect(startup.scenario.name).toBe('default');
    expect(startup.refused).toBeNull();
  });

  it('names a missing file', () => {
    const startup = loadStartupScenario('/nonexistent/x.yaml');
    expect(startup.scenario.name).toBe('default');
    expect(startup.refused?.problems[0]).toMatch(/file not found/);
  });
});
