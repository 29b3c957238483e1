// Every navigation, popup, permission and sender rule of the Electron shell, in one place.
// Each rule names its item of Electron's security checklist: https://www.electronjs.org/docs/latest/tutorial/security
import type { BrowserWindow, Session, WebContents, WebFrameMain, WebPreferences } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../api/csp.js';

/**
 * Our pages live on a custom privileged, secure scheme (checklist 1: only load secure content;
 * checklist 18: avoid file:// and prefer a custom protocol).
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'sls';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * Checklist 7: define a Content Security Policy. Sent as a header on every response of the app
 * protocol (app-protocol.ts, with the other headers both hosts send: main/host/security-headers.ts),
 * in addition to the renderer's meta tag; the one policy of both hosts (main/api/csp.ts).
 */
export { CONTENT_SECURITY_POLICY };

/** The webPreferences of every window we open. */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    // Checklist 3: context isolation — the page cannot reach the preload's world or Electron internals.
    contextIsolation: true,
    // Checklist 4: sandbox the renderer (the preload is a CommonJS bundle for that reason).
    sandbox: true,
    // Checklist 2: no Node.js integration for page content, nor in workers or subframes.
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    // Checklist 6: keep the same-origin policy.
    webSecurity: true,
    // Checklist 8: no HTTP content on our secure pages.
    allowRunningInsecureContent: false,
    // Checklist 9: no experimental Chromium features.
    experimentalFeatures: false,
    // Checklist 10: no enableBlinkFeatures (deliberately absent).
    // Checklist 11 and 12: no <webview> at all, so no allowpopups and no webview options to verify.
    webviewTag: false,
    // Screencasts: no spell-check squiggles under user names and codes.
    spellcheck: false,
  };
}

/** Whether a URL is one of our own pages (app://sls/...). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    // A custom scheme's URL origin is opaque ("null") in Node, so compare scheme and host.
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

/**
 * Checklist 17: validate the sender of every IPC message. Trusted means: a frame that still exists,
 * the main frame (not an iframe) of one of OUR windows' web contents, showing a page of our origin.
 */
export function isTrustedSender(
  frame: WebFrameMain | null | undefined,
  sender: WebContents | null | undefined,
  windows: Iterable<BrowserWindow>,
): boolean {
  if (!frame || !sender) return false;
  if (frame.parent !== null) return false;
  const main = sender.mainFrame;
  if (!main || main.processId !== frame.processId || main.routingId !== frame.routingId) return false;
  let ours = false;
  for (const win of windows) {
    if (!win.isDestroyed() && win.webContents === sender) ours = true;
  }
  if (!ours) return false;
  if (frame.origin !== APP_ORIGIN) return false;
  return isAppUrl(frame.url);
}

/** The navigation, popup and webview rules for one web contents. */
export function hardenWebContents(contents: WebContents): void {
  // Checklist 13: limit navigation — only our own pages (hash changes don't fire this event).
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  // Checklist 13: subframes included (we have none; a frame pointing elsewhere is refused).
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  // Checklist 13: a server redirect is a navigation too.
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  // Checklist 14: limit the creation of new windows — the app opens its own windows from the menu.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  // Checklist 12: verify WebView options before creation — we use none, so every attach is refused.
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}

/** The permission rules for a session (the default one, which every window uses). */
export function hardenSession(session: Session): void {
  // Checklist 5: handle session permission requests — the simulator needs no camera, location,
  // notifications or anything else, so every request is refused...
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  // ...and every synchronous permission check answers no.
  session.setPermissionCheckHandler(() => false);
  // Checklist 5: device access (HID, serial, USB) likewise.
  session.setDevicePermissionHandler(() => false);
}

/** Anything that emits "web-contents-created": the app object. */
export interface WebContentsSource {
  on(event: 'web-contents-created', listener: (event: unknown, contents: WebContents) => void): unknown;
}

/** Applies the rules to every web contents the app ever creates, not only the windows we made. */
export function installSecurity(app: WebContentsSource, session: Session): void {
  hardenSession(session);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}
