// The windows: secure preferences, app:// URLs, the stage preset, one window per kind, remembered positions.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import { MemorySettings } from '../../../main/electron/store.js';
import { AppWindows, appUrl, isVisibleOnSomeDisplay, stageLayout } from '../../../main/electron/windows.js';
import { FakeBrowserWindow, resetFakeElectron } from './fake-electron.js';

vi.mock('electron', () => import('./fake-electron.js'));

const area = { x: 0, y: 25, width: 1440, height: 875 };

function setup(settings = new MemorySettings()) {
  const windows = new AppWindows({
    createWindow: (o) => new FakeBrowserWindow(o as Record<string, unknown>) as unknown as BrowserWindow,
    preload: '/app/dist/electron/preload.cjs',
    settings,
    workAreas: () => [area],
  });
  return { windows, settings };
}
const created = () => FakeBrowserWindow.created;

beforeEach(() => resetFakeElectron());

describe('stageLayout', () => {
  it('puts the 460×600 login window (its natural size) at left and the 384×764 phone to its right, centred', () => {
    const { login, phone } = stageLayout(area);
    expect(login).toMatchObject({ width: 460, height: 600 });
    expect(phone).toMatchObject({ width: 384, height: 764 });
    expect(phone.x).toBe(login.x + 460 + 24);
    expect(login.x - area.x).toBe(area.x + area.width - (phone.x + phone.width));
    expect(login.y + login.height / 2).toBe(phone.y + phone.height / 2);
    expect(phone.y).toBeGreaterThanOrEqual(area.y);
  });

  it('shrinks the phone on a short screen and never goes off the top', () => {
    const { phone } = stageLayout({ x: 0, y: 0, width: 1024, height: 700 });
    expect(phone.height).toBe(700);
    expect(phone.y).toBe(0);
  });
});

describe('AppWindows', () => {
  it('tells which window a web contents belongs to (its role), and forgets a closed one', () => {
    const { windows } = setup();
    windows.arrangeStage();
    windows.open('director');
    const [login, phone, director] = created();
    expect(windows.nameOf(login!.webContents as unknown as Electron.WebContents)).toBe('login');
    expect(windows.nameOf(phone!.webContents as unknown as Electron.WebContents)).toBe('phone');
    expect(windows.entries().map(([name, win]) => [name, win])).toEqual([
      ['login', login],
      ['phone', phone],
      ['director', director],
    ]);
    // Another web contents, none at all, or one of a window since closed: no role.
    expect(windows.nameOf(new FakeBrowserWindow({}).webContents as unknown as Electron.WebContents)).toBeNull();
    expect(windows.nameOf(null)).toBeNull();
    director!.close();
    expect(windows.nameOf(director!.webContents as unknown as Electron.WebContents)).toBeNull();
    expect(windows.entries().map(([name]) => name)).toEqual(['login', 'phone']);
  });

  it('switches presenter mode in every open window without reloading it, and opens later ones in it', () => {
    const { windows } = setup();
    windows.arrangeStage();
    const [login, phone] = created();
    expect(windows.presenter).toBe(false);
    windows.setPresenter(true);
    for (const win of [login!, phone!]) expect(win.webContents.sent).toEqual([{ channel: 'sls:presenter', args: [true] }]);
    expect([login!.loadedUrl, phone!.loadedUrl]).toEqual([appUrl('login'), appUrl('phone')]);
    windows.open('director');
    const director = created()[2]!;
    expect(director.loadedUrl).toBe('app://sls/index.html?present#director');
    expect(director.options.title).toBe('Director');
    windows.setPresenter(false);
    expect(director.webContents.sent).toEqual([{ channel: 'sls:presenter', args: [false] }]);
    expect(windows.presenter).toBe(false);
  });

  it('opens each window with the secure preferences and its app:// page', () => {
    const { windows } = setup();
    windows.arrangeStage();
    windows.open('director');
    windows.open('fob');
    windows.open('card');
    windows.open('stage');
    expect(created().map((w) => w.loadedUrl)).toEqual([appUrl('login'), appUrl('phone'), appUrl('director'), appUrl('fob'), appUrl('card'), appUrl('stage')]);
    expect(appUrl('stage')).toBe('app://sls/index.html#stage');
    expect(appUrl('fob')).toBe('app://sls/index.html#fob');
    expect(appUrl('card')).toBe('app://sls/index.html#card');
    expect(appUrl('login')).toBe('app://sls/index.html#login');
    for (const win of created()) {
      expect(win.options.webPreferences).toMatchObject({
        preload: '/app/dist/electron/preload.cjs',
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
      });
      expect(win.options).toMatchObject({ show: false, useContentSize: true });
    }
  });

  it('shows a window when it is ready, not before (no white flash in screencasts)', () => {
    const { windows } = setup();
    const win = windows.open('login') as unknown as FakeBrowserWindow;
    expect(win.visible).toBe(false);
    win.emit('ready-to-show');
    expect(win.visible).toBe(true);
  });

  it('keeps one window per kind: opening again focuses it', () => {
    const { windows } = setup();
    const first = windows.open('phone');
    const again = windows.open('phone') as unknown as FakeBrowserWindow;
    expect(again).toBe(first);
    expect(created()).toHaveLength(1);
    expect(again.focused).toBe(1);
  });

  it('places login and phone side by side on first start', () => {
    const { windows } = setup();
    windows.openInitial();
    const [login, phone] = created();
    const layout = stageLayout(area);
    expect(login!.options).toMatchObject(layout.login);
    expect(phone!.options).toMatchObject(layout.phone);
  });

  it('remembers where the user put a window, and puts it back next time', () => {
    const settings = new MemorySettings();
    const first = setup(settings);
    first.windows.openInitial();
    const login = created()[0]!;
    login.setPosition(100, 120);
    login.close();
    expect(settings.get('windowBounds').login).toEqual({ x: 100, y: 120, width: 460, height: 600 });
    expect(first.windows.all()).toHaveLength(1);

    created()[1]!.close();
    resetFakeElectron();
    setup(settings).windows.openInitial();
    expect(created()[0]!.options).toMatchObject({ x: 100, y: 120, width: 460, height: 600 });
  });

  it('centres the director, the fob, the card and the stage window in the work area, and remembers them too', () => {
    const settings = new MemorySettings();
    const { windows } = setup(settings);
    for (const [name, size] of [
      ['director', { width: 960, height: 720 }],
      ['fob', { width: 400, height: 270 }],
      ['card', { width: 580, height: 760 }],
      ['stage', { width: 1280, height: 720 }],
    ] as const) {
      const win = windows.open(name) as unknown as FakeBrowserWindow;
      expect(win.options).toMatchObject({ ...size, x: area.x + (area.width - size.width) / 2 });
      win.setPosition(10, 40);
      win.close();
      expect(settings.get('windowBounds')[name]).toEqual({ x: 10, y: 40, ...size });
    }
  });

  it('ignores a remembered position that is no longer on any screen', () => {
    const settings = new MemorySettings();
    settings.set('windowBounds', { login: { x: 5000, y: 5000, width: 420, height: 560 }, phone: { x: 10, y: 30, width: 380, height: 780 } });
    setup(settings).windows.openInitial();
    expect(created()[0]!.options).toMatchObject(stageLayout(area).login);
    expect(created()[1]!.options).toMatchObject({ x: 10, y: 30 });
  });

  it('View → Frame Size resizes the focused window\'s page to the preset, out of full screen and maximised first', () => {
    const { windows } = setup();
    windows.openInitial();
    const phone = created()[1]!;
    phone.hasFocus = true;
    phone.maximized = true;
    windows.frameSize({ width: 1920, height: 1080 });
    expect(phone.contentSize).toEqual([1920, 1080]);
    expect(phone.maximized).toBe(false);
    expect(created()[0]!.contentSize).toEqual([460, 600]);
  });

  it('View → Frame Size with no window of ours focused frames the stage window, opening it', () => {
    const { windows } = setup();
    const stage = windows.frameSize({ width: 2560, height: 1440 }) as unknown as FakeBrowserWindow;
    expect(stage.loadedUrl).toBe(appUrl('stage'));
    expect(stage.contentSize).toEqual([2560, 1440]);
    stage.fullScreen = true;
    windows.frameSize({ width: 1280, height: 720 });
    expect(stage.fullScreen).toBe(false);
    expect(stage.contentSize).toEqual([1280, 720]);
    expect(created()).toHaveLength(1);
  });

  it('the stage preset moves open windows back into place', () => {
    const { windows } = setup();
    windows.openInitial();
    const login = created()[0]!;
    login.setPosition(900, 600);
    windows.arrangeStage();
    expect(created()).toHaveLength(2);
    expect(login.position).toEqual([stageLayout(area).login.x, stageLayout(area).login.y]);
  });
});

describe('isVisibleOnSomeDisplay', () => {
  it('accepts a window partly on screen and rejects one far away', () => {
    expect(isVisibleOnSomeDisplay({ x: -300, y: 100, width: 420, height: 560 }, [area])).toBe(true);
    expect(isVisibleOnSomeDisplay({ x: 3000, y: 100, width: 420, height: 560 }, [area])).toBe(false);
    expect(isVisibleOnSomeDisplay({ x: 100, y: -500, width: 420, height: 560 }, [area])).toBe(false);
  });
});
