// The app's start-up against a mocked electron: order of set-up, windows, IPC, menu, scenario problems.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Envelope } from '../../../main/api/dispatch.js';
import type { HostEvent } from '../../../main/api/events.js';
import { IPC_EVENT_CHANNEL, ipcChannel, operationNames } from '../../../main/api/names.js';
import type { LoginView } from '../../../main/api/views.js';
import { loadStartupScenario, startApp, type RunningApp } from '../../../main/electron/lifecycle.js';
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

function start(...extra: string[]) {
  return startApp({
    argv: ['/usr/bin/electron', path.join(dir, 'dist/electron/main.js'), '--user-data-dir', path.join(dir, 'profile'), ...extra],
    cwd: dir,
    distDir: path.join(dir, 'dist'),
    createStore,
    platform: 'linux',
  });
}
const windowFor = (view: string) => FakeBrowserWindow.created.find((w) => w.loadedUrl?.endsWith(`#${view}`));

beforeEach(() => {
  resetFakeElectron();
  dir = mkdtempSync(path.join(tmpdir(), 'sls-app-'));
  mkdirSync(path.join(dir, 'dist', 'renderer'), { recursive: true });
  writeFileSync(path.join(dir, 'dist', 'renderer', 'index.html'), '<!doctype html><title>SLS</title>');
  errors = vi.spyOn(console, 'error').mockImplementation(() => {});
  running = null;
});
afterEach(() => {
  running?.pacer.stop();
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

  it('opens the login window and the phone side by side, secure, on app:// pages', async () => {
    running = await start();
    expect(FakeBrowserWindow.created.map((w) => w.loadedUrl)).toEqual(['app://sls/index.html#login', 'app://sls/index.html#phone']);
    const layout = stageLayout(screen.getPrimaryDisplay().workArea);
    expect(windowFor('login')!.options).toMatchObject(layout.login);
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
    expect(ipcMain.handlers.size).toBe(operationNames.length);
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

  it('puts the menu in place; its items open the director and rearrange the stage', async () => {
    running = await start();
    const all = (Menu.template as Electron.MenuItemConstructorOptions[]).flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : []));
    const item = (id: string) => all.find((i) => i.id === id)!;
    (item('open-director').click as () => void)();
    expect(windowFor('director')).toBeDefined();
    (item('arrange-stage').click as () => void)();
    expect(FakeBrowserWindow.created).toHaveLength(3);
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
