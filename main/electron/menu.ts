// The application menu: open each window (login, phone, director, fob, card, Client Portal, the stage in one window), the stage preset, scenarios, the windows' language, presenter mode, the frame size of a take; shortcuts for keyboard-driven takes.
import type { MenuItemConstructorOptions } from 'electron';
import { FRAME_SIZES, LOCALE_NAMES, LOCALES, type Locale } from '../api/vocabulary.js';

export interface MenuActions {
  openLogin(): void;
  openPhone(): void;
  openDirector(): void;
  /** The DSC+ fob of the login in progress (#fob). */
  openFob(): void;
  /** The Security Code Card of the login in progress, to read or print (#card). */
  openCard(): void;
  /** The Client Portal: its own login, then Settings (#portal). */
  openPortal(): void;
  /** The stage in one window (#stage): login window, phone, devices, docked Director; where the autopilot plays a take. */
  openStage(): void;
  arrangeStage(): void;
  openScenario(): void;
  resetSimulation(): void;
  /** View → Language: every window shows `locale` from now on. */
  setLocale(locale: Locale): void;
  /** View → Presenter Mode: every window shows nothing but the product, or everything again. */
  togglePresenter(): void;
  /** View → Frame Size: the focused window's page (else the stage's) resized to one of the sizes takes are recorded at. */
  frameSize(size: { width: number; height: number }): void;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  /** Developer tools only when running from sources: no debug chrome in the packaged app. */
  devTools: boolean;
  /** The windows' language now, checked under View → Language (the menu is built again when it changes). */
  locale: Locale;
  /** Presenter mode now, checked under View (the menu is built again when it changes). */
  presenter: boolean;
}

export function buildMenuTemplate(actions: MenuActions, { platform, devTools, locale, presenter }: MenuOptions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { id: 'open-scenario', label: 'Open Scenario…', accelerator: 'CmdOrCtrl+O', click: () => actions.openScenario() },
      { id: 'reset-simulation', label: 'Reset Simulation', accelerator: 'CmdOrCtrl+Shift+R', click: () => actions.resetSimulation() },
      { type: 'separator' },
      mac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  // Each language named in itself, so that whoever cannot read the current one still finds theirs.
  const language: MenuItemConstructorOptions = {
    id: 'language',
    label: 'Language',
    submenu: LOCALES.map((l): MenuItemConstructorOptions => ({ id: `locale-${l}`, label: LOCALE_NAMES[l], type: 'radio', checked: l === locale, click: () => actions.setLocale(l) })),
  };
  // The sizes takes are recorded at (FRAME_SIZES, as the stage's "Frame" control offers them).
  const frameSize: MenuItemConstructorOptions = {
    id: 'frame-size',
    label: 'Frame Size',
    submenu: FRAME_SIZES.map(({ label, width, height }): MenuItemConstructorOptions => ({ id: `frame-${label}`, label: `${width} × ${height} (${label})`, click: () => actions.frameSize({ width, height }) })),
  };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      language,
      { type: 'separator' },
      frameSize,
      { type: 'separator' },
      // Not Alt+Shift+P, the windows' own key: an accelerator and the page would both switch it.
      { id: 'presenter-mode', label: 'Presenter Mode', type: 'checkbox', checked: presenter, accelerator: 'CmdOrCtrl+Shift+P', click: () => actions.togglePresenter() },
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(devTools ? ([{ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' }] as MenuItemConstructorOptions[]) : []),
    ],
  };
  const window: MenuItemConstructorOptions = {
    label: '&Window',
    submenu: [
      { id: 'open-login', label: 'Login Window', accelerator: 'CmdOrCtrl+1', click: () => actions.openLogin() },
      { id: 'open-phone', label: 'Phone', accelerator: 'CmdOrCtrl+2', click: () => actions.openPhone() },
      { id: 'open-director', label: 'Director', accelerator: 'CmdOrCtrl+3', click: () => actions.openDirector() },
      { id: 'open-fob', label: 'Digital Security Card+', accelerator: 'CmdOrCtrl+4', click: () => actions.openFob() },
      { id: 'open-card', label: 'Security Code Card', accelerator: 'CmdOrCtrl+5', click: () => actions.openCard() },
      { id: 'open-portal', label: 'Client Portal', accelerator: 'CmdOrCtrl+6', click: () => actions.openPortal() },
      { type: 'separator' },
      { id: 'open-stage', label: 'Stage in One Window (Autopilot, Recording)', accelerator: 'CmdOrCtrl+Shift+1', click: () => actions.openStage() },
      { id: 'arrange-stage', label: 'Stage Layout (Login and Phone Side by Side)', accelerator: 'CmdOrCtrl+Shift+S', click: () => actions.arrangeStage() },
      { type: 'separator' },
      { role: 'minimize' },
      ...(mac ? ([{ role: 'front' }] as MenuItemConstructorOptions[]) : [{ role: 'close' } as MenuItemConstructorOptions]),
    ],
  };
  return [...(mac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []), file, { role: 'editMenu' }, view, window];
}
