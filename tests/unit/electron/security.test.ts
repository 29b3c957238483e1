// The security rules: window preferences, CSP, navigation, popups, webviews, permissions, IPC senders.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow, Session, WebContents, WebFrameMain } from 'electron';
import {
  APP_ORIGIN,
  CONTENT_SECURITY_POLICY,
  hardenSession,
  hardenWebContents,
  installSecurity,
  isAppUrl,
  isTrustedSender,
  secureWebPreferences,
} from '../../../main/electron/security.js';
import { SECURITY_HEADERS } from '../../../main/host/security-headers.js';
import { app, defaultSession, FakeBrowserWindow, FakeFrame, FakeWebContents, resetFakeElectron, APP_PAGE } from './fake-electron.js';

vi.mock('electron', () => import('./fake-electron.js'));

const asContents = (c: FakeWebContents) => c as unknown as WebContents;
const asFrame = (f: FakeFrame | null) => f as unknown as WebFrameMain | null;
const asWindows = (w: FakeBrowserWindow[]) => w as unknown as BrowserWindow[];
const asSession = () => defaultSession as unknown as Session;

beforeEach(() => resetFakeElectron());

describe('webPreferences', () => {
  it('isolates, sandboxes and strips Node from every window, with our preload', () => {
    const prefs = secureWebPreferences('/app/dist/electron/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
  });
});

describe('Content Security Policy', () => {
  it('allows only our own scripts, styles, images and connections', () => {
    const directives = Object.fromEntries(
      CONTENT_SECURITY_POLICY.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values.join(' ')];
      }),
    );
    expect(directives).toEqual({
      'default-src': "'self'",
      'script-src': "'self'",
      'style-src': "'self' 'unsafe-inline'",
      'img-src': "'self' data:",
      'connect-src': "'self'",
      'object-src': "'none'",
      'base-uri': "'none'",
      'frame-ancestors': "'none'",
      'form-action': "'none'",
    });
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|\*/);
  });

  it('is sent as a header with nosniff', () => {
    expect(SECURITY_HEADERS).toMatchObject({ 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' });
  });
});

describe('our origin', () => {
  it.each([
    [`${APP_ORIGIN}/index.html#login`, true],
    [`${APP_ORIGIN}/assets/app.js`, true],
    ['app://evil/index.html', false],
    ['app://user:pw@sls/index.html', false],
    ['https://evil.example/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => {
    expect(isAppUrl(url)).toBe(expected);
  });
});

describe('navigation, popups and webviews', () => {
  it('prevents navigating away to another site and lets our own pages load', () => {
    const contents = new FakeWebContents();
    hardenWebContents(asContents(contents));
    expect(contents.attempt('will-navigate', 'https://evil.example')).toBe(true);
    expect(contents.attempt('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.attempt('will-navigate', `${APP_ORIGIN}/index.html#phone`)).toBe(false);
  });

  it('lets the renderer read a dropped scenario file, but a drop outside it never replaces the page', () => {
    // The director reads a dropped file with File.text(): not a fetch nor a permission, so neither
    // the CSP's connect-src nor the permission handlers stand in its way. A drop the page does not
    // take makes Chromium navigate to the file, which the navigation rule refuses.
    const contents = new FakeWebContents();
    hardenWebContents(asContents(contents));
    expect(contents.attempt('will-navigate', 'file:///home/trainer/scenarios/sms-delayed.yaml')).toBe(true);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/sandbox|require-trusted-types-for/);
  });

  it('prevents redirects and subframe navigations elsewhere', () => {
    const contents = new FakeWebContents();
    hardenWebContents(asContents(contents));
    expect(contents.attempt('will-redirect', 'https://evil.example/login')).toBe(true);
    expect(contents.attempt('will-redirect', `${APP_ORIGIN}/index.html`)).toBe(false);
    expect(contents.attempt('will-frame-navigate', 'https://evil.example/frame')).toBe(true);
  });

  it('denies window.open, whatever the URL', () => {
    const contents = new FakeWebContents();
    hardenWebContents(asContents(contents));
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: `${APP_ORIGIN}/index.html#director` })).toEqual({ action: 'deny' });
  });

  it('refuses to attach a <webview>', () => {
    const contents = new FakeWebContents();
    hardenWebContents(asContents(contents));
    expect(contents.attempt('will-attach-webview', `${APP_ORIGIN}/index.html`)).toBe(true);
  });

  it('applies the same rules to every web contents the app creates', () => {
    installSecurity(app, asSession());
    const contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);
    expect(contents.attempt('will-navigate', 'https://evil.example')).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example' })).toEqual({ action: 'deny' });
  });
});

describe('permissions', () => {
  it('denies every permission request', () => {
    hardenSession(asSession());
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'unknown']) {
      const callback = vi.fn();
      defaultSession.permissionRequestHandler!({}, permission, callback, { requestingUrl: `${APP_ORIGIN}/index.html` });
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    }
  });

  it('answers every permission check and device request with no', () => {
    hardenSession(asSession());
    expect(defaultSession.permissionCheckHandler!({}, 'media', APP_ORIGIN, {})).toBe(false);
    expect(defaultSession.permissionCheckHandler!(null, 'clipboard-read', 'https://evil.example', {})).toBe(false);
    expect(defaultSession.devicePermissionHandler!({ deviceType: 'usb', origin: APP_ORIGIN })).toBe(false);
  });
});

describe('isTrustedSender', () => {
  async function ourWindow() {
    const win = new FakeBrowserWindow({});
    await win.loadURL(`${APP_PAGE}#login`);
    return win;
  }

  it('trusts the main frame of one of our windows showing our page', async () => {
    const win = await ourWindow();
    expect(isTrustedSender(asFrame(win.webContents.mainFrame), asContents(win.webContents), asWindows([win]))).toBe(true);
  });

  it('rejects a missing frame (navigated away or destroyed)', async () => {
    const win = await ourWindow();
    expect(isTrustedSender(asFrame(null), asContents(win.webContents), asWindows([win]))).toBe(false);
  });

  it('rejects a subframe, even of our origin', async () => {
    const win = await ourWindow();
    const frame = win.webContents.subframe(`${APP_PAGE}#login`, APP_ORIGIN);
    expect(isTrustedSender(asFrame(frame), asContents(win.webContents), asWindows([win]))).toBe(false);
  });

  it('rejects web contents that are not one of our windows', async () => {
    const ours = await ourWindow();
    const stranger = await ourWindow();
    expect(isTrustedSender(asFrame(stranger.webContents.mainFrame), asContents(stranger.webContents), asWindows([ours]))).toBe(false);
  });

  it('rejects our window once it shows another origin', async () => {
    const win = new FakeBrowserWindow({});
    await win.loadURL('https://evil.example/');
    expect(isTrustedSender(asFrame(win.webContents.mainFrame), asContents(win.webContents), asWindows([win]))).toBe(false);
  });

  it('rejects a frame whose URL and origin disagree', async () => {
    const win = await ourWindow();
    win.webContents.mainFrame.url = 'https://evil.example/';
    expect(isTrustedSender(asFrame(win.webContents.mainFrame), asContents(win.webContents), asWindows([win]))).toBe(false);
  });

  it('rejects a closed window', async () => {
    const win = await ourWindow();
    const frame = win.webContents.mainFrame;
    win.close();
    expect(isTrustedSender(asFrame(frame), asContents(win.webContents), asWindows([win]))).toBe(false);
  });
});
