// The app's windows: one of each kind, the stage preset that puts them side by side, remembered positions.
import type { BrowserWindow, BrowserWindowConstructorOptions, Rectangle, WebContents } from 'electron';
import { IPC_PRESENTER_CHANNEL } from '../api/names.js';
import { PRESENTER_PARAM } from '../api/vocabulary.js';
import { APP_ORIGIN, secureWebPreferences } from './security.js';
import type { Bounds, SettingsStore, WindowName } from './store.js';

/** The renderer picks its view from the hash (`#stage`: the stage in one window), and presenter mode from `?present`. */
export const appUrl = (view: WindowName, presenter = false): string => `${APP_ORIGIN}/index.html${presenter ? `?${PRESENTER_PARAM}` : ''}#${view}`;

interface WindowSpec {
  title: string;
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
}

/**
 * Sizes are of the page (useContentSize), so screencasts get the same picture on every platform;
 * positions are of the window. Saved bounds follow the same convention.
 */
export const windowSpecs: Record<WindowName, WindowSpec> = {
  // The login window's page is the login window at its natural size, 460 × 600 (renderer/components/login/LoginWindow.svelte);
  // a taller step or a smaller window scales it as a whole (renderer/views/PartAlone.svelte), it never scrolls.
  login: { title: 'Login', width: 460, height: 600, minWidth: 360, minHeight: 440 },
  // The 360 × 740 phone with the 12-pixel margin PartAlone keeps around a device: drawn at its natural size.
  phone: { title: 'Phone', width: 384, height: 764, minWidth: 320, minHeight: 600 },
  director: { title: 'Director', width: 960, height: 720, minWidth: 640, minHeight: 480 },
  // The fob (340 × 214) and the card (about 540 × 710) with the device view's 16-pixel margin.
  fob: { title: 'Digital Security Card+', width: 400, height: 270, minWidth: 380, minHeight: 250 },
  card: { title: 'Security Code Card', width: 580, height: 760, minWidth: 420, minHeight: 400 },
  // The Client Portal: a browser page of its own (its login, then Settings), as wide as the stage's portal tab.
  portal: { title: 'Client Portal', width: 1000, height: 700, minWidth: 720, minHeight: 520 },
  // The browser host's stage in one window (login window, phone, devices, docked Director, autopilot), at a recording size.
  stage: { title: 'Stage', width: 1280, height: 720, minWidth: 1024, minHeight: 600 },
};

export const STAGE_GAP = 24;

/** The stage preset: login at left, the phone to its right, the pair centred in the work area. */
export function stageLayout(workArea: Rectangle, gap = STAGE_GAP): Record<'login' | 'phone', Bounds> {
  const login = windowSpecs.login;
  const phone = windowSpecs.phone;
  const phoneHeight = Math.max(phone.minHeight, Math.min(phone.height, workArea.height));
  const total = login.width + gap + phone.width;
  const left = workArea.x + Math.max(0, Math.round((workArea.width - total) / 2));
  const top = workArea.y + Math.max(0, Math.round((workArea.height - phoneHeight) / 2));
  return {
    login: { x: left, y: top + Math.round((phoneHeight - login.height) / 2), width: login.width, height: login.height },
    phone: { x: left + login.width + gap, y: top, width: phone.width, height: phoneHeight },
  };
}

/** Whether saved bounds still show at least a grabbable part of the window on some display. */
export function isVisibleOnSomeDisplay(bounds: Bounds, workAreas: readonly Rectangle[]): boolean {
  const margin = 48;
  return workAreas.some(
    (a) => bounds.x + bounds.width - margin >= a.x && bounds.x + margin <= a.x + a.width && bounds.y >= a.y - margin && bounds.y + margin <= a.y + a.height,
  );
}

export interface WindowDeps {
  createWindow: (options: BrowserWindowConstructorOptions) => BrowserWindow;
  /** Path of the CommonJS preload bundle. */
  preload: string;
  settings: SettingsStore;
  workAreas: () => Rectangle[];
}

/** At most one window of each kind; the menu focuses it when it is already open. */
export class AppWindows {
  #windows = new Map<WindowName, BrowserWindow>();
  #presenter = false;

  constructor(private readonly deps: WindowDeps) {}

  /** Live windows, for event forwarding and the sender check. */
  all(): BrowserWindow[] {
    return [...this.#windows.values()].filter((w) => !w.isDestroyed());
  }

  /** Live windows with their names: the role each plays for the operations and events it is allowed. */
  entries(): [WindowName, BrowserWindow][] {
    return [...this.#windows.entries()].filter(([, w]) => !w.isDestroyed());
  }

  /** Which of our live windows shows these web contents, or null (none of ours, or closed since). */
  nameOf(contents: WebContents | null | undefined): WindowName | null {
    if (!contents) return null;
    for (const [name, win] of this.#windows) {
      if (!win.isDestroyed() && win.webContents === contents) return name;
    }
    return null;
  }

  /** View → Presenter Mode: every window shows nothing but the product, and so does each one opened later. */
  get presenter(): boolean {
    return this.#presenter;
  }

  setPresenter(on: boolean): void {
    this.#presenter = on;
    // Sent, not reloaded: a login in progress and what was typed stay on screen.
    for (const win of this.all()) win.webContents.send(IPC_PRESENTER_CHANNEL, on);
  }

  get(name: WindowName): BrowserWindow | undefined {
    const win = this.#windows.get(name);
    return win && !win.isDestroyed() ? win : undefined;
  }

  open(name: WindowName, bounds?: Bounds): BrowserWindow {
    const existing = this.get(name);
    if (existing) {
      if (bounds) {
        existing.setPosition(bounds.x, bounds.y);
        existing.setContentSize(bounds.width, bounds.height);
      }
      if (existing.isMinimized()) existing.restore();
      existing.show();
      existing.focus();
      return existing;
    }
    const spec = windowSpecs[name];
    const place = bounds ?? this.#savedBounds(name) ?? this.#defaultBounds(name);
    const win = this.deps.createWindow({
      // Until the page names itself; in presenter mode a plain title, as the product's own window.
      title: this.#presenter ? spec.title : `SLS Simulator — ${spec.title}`,
      ...place,
      minWidth: spec.minWidth,
      minHeight: spec.minHeight,
      useContentSize: true,
      show: false,
      // No menu bar strip on Windows/Linux (Alt shows it): clean screencasts; the shortcuts still work.
      autoHideMenuBar: true,
      backgroundColor: '#ffffff',
      webPreferences: secureWebPreferences(this.deps.preload),
    });
    this.#windows.set(name, win);
    win.once('ready-to-show', () => win.show());
    win.on('close', () => this.#saveBounds(name, win));
    win.on('closed', () => {
      if (this.#windows.get(name) === win) this.#windows.delete(name);
    });
    void win.loadURL(appUrl(name, this.#presenter)).catch((error: unknown) => console.error(`Could not load the ${name} window:`, error));
    return win;
  }

  /**
   * View → Frame Size: the page of the focused window (else the stage's, opened if need be) resized to a recording
   * size, out of full screen or maximised first. The page then lays out for that size (renderer/lib/stage-layout.ts).
   */
  frameSize(size: { width: number; height: number }): BrowserWindow {
    const win = this.all().find((w) => w.isFocused()) ?? this.open('stage');
    if (win.isFullScreen()) win.setFullScreen(false);
    if (win.isMaximized()) win.unmaximize();
    win.setContentSize(size.width, size.height);
    return win;
  }

  /** Login window and phone side by side, at their preset sizes. */
  arrangeStage(): void {
    const area = this.deps.workAreas()[0] ?? { x: 0, y: 0, width: 1280, height: 800 };
    const layout = stageLayout(area);
    this.open('login', layout.login);
    this.open('phone', layout.phone);
  }

  /** The stage on first start; remembered positions afterwards. */
  openInitial(): void {
    const saved = this.deps.settings.get('windowBounds');
    if (saved.login && saved.phone) {
      this.open('login');
      this.open('phone');
    } else {
      this.arrangeStage();
    }
  }

  #savedBounds(name: WindowName): Bounds | null {
    const saved = this.deps.settings.get('windowBounds')[name];
    return saved && isVisibleOnSomeDisplay(saved, this.deps.workAreas()) ? saved : null;
  }

  #defaultBounds(name: WindowName): Bounds {
    const area = this.deps.workAreas()[0] ?? { x: 0, y: 0, width: 1280, height: 800 };
    if (name === 'login' || name === 'phone') return stageLayout(area)[name];
    const spec = windowSpecs[name];
    const width = Math.min(spec.width, area.width);
    const height = Math.min(spec.height, area.height);
    return { x: area.x + Math.round((area.width - width) / 2), y: area.y + Math.round((area.height - height) / 2), width, height };
  }

  #saveBounds(name: WindowName, win: BrowserWindow): void {
    try {
      if (win.isMinimized() || win.isFullScreen()) return;
      // Position of the window, size of its page: the same convention as the constructor's options.
      const { x, y } = win.getBounds();
      const { width, height } = win.getContentBounds();
      const all = this.deps.settings.get('windowBounds');
      this.deps.settings.set('windowBounds', { ...all, [name]: { x, y, width: Math.max(200, width), height: Math.max(200, height) } });
    } catch (error) {
      // Losing a window position is not worth an error dialog.
      console.error(`Could not save the ${name} window position:`, error);
    }
  }
}
