// A stand-in for the `electron` module: just enough of its objects to test the shell's wiring in Node.
// Test files use it with: vi.mock('electron', () => import('./fake-electron.js'))
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

export const APP_PAGE = 'app://sls/index.html';

/** A WebFrameMain: the fields the sender check reads. */
export class FakeFrame {
  constructor(
    public url: string,
    public origin: string,
    public parent: FakeFrame | null = null,
    public processId = 1,
    public routingId = 1,
  ) {}
}

/** What a handler sees as `event` in a navigation event; remembers whether it was prevented. */
export class FakeEvent {
  defaultPrevented = false;
  constructor(readonly url = '') {}
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

let nextContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  mainFrame: FakeFrame;
  /** Every message sent to the page: channel and arguments. */
  sent: { channel: string; args: unknown[] }[] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  destroyed = false;

  constructor() {
    super();
    this.mainFrame = new FakeFrame('about:blank', 'null', null, 7, this.id);
  }
  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.sent.push({ channel, args });
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** Fires a navigation-type event as Electron would; true when a handler prevented it. */
  attempt(event: 'will-navigate' | 'will-redirect' | 'will-frame-navigate' | 'will-attach-webview', url: string): boolean {
    const e = new FakeEvent(url);
    this.emit(event, e, url);
    return e.defaultPrevented;
  }
  /** A subframe inside this page, e.g. an injected iframe. */
  subframe(url: string, origin: string): FakeFrame {
    return new FakeFrame(url, origin, this.mainFrame, this.mainFrame.processId, this.mainFrame.routingId + 1000);
  }
}

type Bounds = { x: number; y: number; width: number; height: number };

export class FakeBrowserWindow extends EventEmitter {
  static created: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  destroyed = false;
  minimized = false;
  visible = false;
  focused = 0;
  position: [number, number];
  contentSize: [number, number];

  constructor(readonly options: Record<string, unknown> & { webPreferences?: Record<string, unknown> }) {
    super();
    this.position = [Number(options.x ?? 0), Number(options.y ?? 0)];
    this.contentSize = [Number(options.width ?? 800), Number(options.height ?? 600)];
    FakeBrowserWindow.created.push(this);
  }
  async loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    // The page is now ours: Electron reports the frame's URL and origin.
    const parsed = new URL(url);
    this.webContents.mainFrame.url = url;
    this.webContents.mainFrame.origin = parsed.protocol === 'app:' ? `app://${parsed.host}` : parsed.origin;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  fullScreen = false;
  maximized = false;
  /** Whether the window has the keyboard focus (tests set it). */
  hasFocus = false;
  isFullScreen(): boolean {
    return this.fullScreen;
  }
  setFullScreen(on: boolean): void {
    this.fullScreen = on;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  unmaximize(): void {
    this.maximized = false;
  }
  isFocused(): boolean {
    return this.hasFocus;
  }
  restore(): void {
    this.minimized = false;
  }
  show(): void {
    this.visible = true;
  }
  focus(): void {
    this.focused++;
  }
  setPosition(x: number, y: number): void {
    this.position = [x, y];
  }
  setContentSize(width: number, height: number): void {
    this.contentSize = [width, height];
  }
  getBounds(): Bounds {
    // A 28-pixel title bar above the page.
    return { x: this.position[0], y: this.position[1], width: this.contentSize[0], height: this.contentSize[1] + 28 };
  }
  getContentBounds(): Bounds {
    return { x: this.position[0], y: this.position[1] + 28, width: this.contentSize[0], height: this.contentSize[1] };
  }
  close(): void {
    this.emit('close', new FakeEvent());
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
}

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;

export const ipcMain = {
  handlers: new Map<string, InvokeHandler>(),
  handle: vi.fn((channel: string, handler: InvokeHandler) => {
    if (ipcMain.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    ipcMain.handlers.set(channel, handler);
  }),
  removeHandler: vi.fn((channel: string) => {
    ipcMain.handlers.delete(channel);
  }),
  on: vi.fn(),
  /** What ipcRenderer.invoke from `contents` (and `frame`, its main frame by default) would do. */
  async invokeFrom(contents: FakeWebContents, channel: string, payload: unknown, frame: FakeFrame | null = contents.mainFrame): Promise<unknown> {
    const handler = ipcMain.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler({ sender: contents, senderFrame: frame, processId: frame?.processId ?? 0, frameId: frame?.routingId ?? 0 }, payload);
  },
};

type RendererListener = (event: unknown, ...args: unknown[]) => void;

export const ipcRenderer = {
  listeners: new Map<string, Set<RendererListener>>(),
  invoke: vi.fn(async (channel: string, ...args: unknown[]) => ({ ok: true, value: { channel, args } })),
  on: vi.fn((channel: string, listener: RendererListener) => {
    if (!ipcRenderer.listeners.has(channel)) ipcRenderer.listeners.set(channel, new Set());
    ipcRenderer.listeners.get(channel)!.add(listener);
    return ipcRenderer;
  }),
  removeListener: vi.fn((channel: string, listener: RendererListener) => {
    ipcRenderer.listeners.get(channel)?.delete(listener);
    return ipcRenderer;
  }),
  send: vi.fn(),
  sendSync: vi.fn(),
  /** A message arriving from the main process, with the IpcRendererEvent Electron would pass. */
  deliver(channel: string, ...args: unknown[]): void {
    const event = { sender: ipcRenderer, senderId: 0, ports: [] };
    for (const listener of ipcRenderer.listeners.get(channel) ?? []) listener(event, ...args);
  },
};

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld: vi.fn((key: string, api: unknown) => {
    contextBridge.exposed.set(key, api);
  }),
};

type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void;

export const defaultSession = {
  permissionRequestHandler: null as PermissionRequestHandler | null,
  permissionCheckHandler: null as ((contents: unknown, permission: string, origin: string, details: unknown) => boolean) | null,
  devicePermissionHandler: null as ((details: unknown) => boolean) | null,
  setPermissionRequestHandler: vi.fn((handler: PermissionRequestHandler | null) => {
    defaultSession.permissionRequestHandler = handler;
  }),
  setPermissionCheckHandler: vi.fn((handler: typeof defaultSession.permissionCheckHandler) => {
    defaultSession.permissionCheckHandler = handler;
  }),
  setDevicePermissionHandler: vi.fn((handler: typeof defaultSession.devicePermissionHandler) => {
    defaultSession.devicePermissionHandler = handler;
  }),
};
export const session = { defaultSession };

/** Records the order of calls that must happen before or after "ready". */
export const calls: string[] = [];

class FakeApp extends EventEmitter {
  isPackaged = false;
  paths = new Map<string, string>([['userData', '/nonexistent/fake-user-data']]);
  ready = false;
  singleInstance = true;
  whenReady = vi.fn(async () => {
    this.ready = true;
    calls.push('ready');
  });
  setPath = vi.fn((name: string, value: string) => {
    this.paths.set(name, value);
  });
  getPath = vi.fn((name: string) => this.paths.get(name) ?? `/nonexistent/${name}`);
  enableSandbox = vi.fn(() => {
    calls.push('enableSandbox');
  });
  requestSingleInstanceLock = vi.fn(() => this.singleInstance);
  quit = vi.fn();
  exit = vi.fn();
  getVersion = () => '0.1.0';
}
export const app = new FakeApp();

export const protocol = {
  handlers: new Map<string, (request: Request) => Promise<Response> | Response>(),
  registerSchemesAsPrivileged: vi.fn((_schemes: unknown[]) => {
    calls.push('registerSchemesAsPrivileged');
  }),
  handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response> | Response) => {
    calls.push(`handle:${scheme}`);
    protocol.handlers.set(scheme, handler);
  }),
};

export const Menu = {
  template: null as unknown[] | null,
  buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
  setApplicationMenu: vi.fn((menu: { template: unknown[] } | null) => {
    Menu.template = menu?.template ?? null;
  }),
};

export const dialog = {
  showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0, checkboxChecked: false })),
  showErrorBox: vi.fn(),
  showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] })),
  showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: '' })),
};

export const screen = {
  getPrimaryDisplay: () => ({ workArea: { x: 0, y: 25, width: 1440, height: 875 } }),
  getAllDisplays: () => [{ workArea: { x: 0, y: 25, width: 1440, height: 875 } }],
};

export const BrowserWindow = FakeBrowserWindow;

/** Forgets everything the previous test did. */
export function resetFakeElectron(): void {
  FakeBrowserWindow.created = [];
  ipcMain.handlers.clear();
  ipcRenderer.listeners.clear();
  contextBridge.exposed.clear();
  protocol.handlers.clear();
  calls.length = 0;
  Menu.template = null;
  defaultSession.permissionRequestHandler = null;
  defaultSession.permissionCheckHandler = null;
  defaultSession.devicePermissionHandler = null;
  app.removeAllListeners();
  app.isPackaged = false;
  app.singleInstance = true;
  app.paths = new Map([['userData', '/nonexistent/fake-user-data']]);
  vi.clearAllMocks();
}

export default { app, BrowserWindow, contextBridge, dialog, ipcMain, ipcRenderer, Menu, protocol, screen, session };
