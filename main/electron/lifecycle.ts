// App lifecycle of the desktop host: the simulation and its pacer, security rules, IPC, menu, windows,
// and with --control-port the control API on 127.0.0.1 (main/web's server, control routes only).
import { existsSync, renameSync } from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session } from 'electron';
import { dispatch } from '../api/dispatch.js';
import type { LoadScenarioResult } from '../api/views.js';
import { Pacer } from '../host/pacer.js';
import { fileLibrary } from '../host/scenario-library.js';
import { appRoot } from '../host/scenario-files.js';
import { formatProblem } from '../sim/scenario/load.js';
import { Simulation } from '../sim/simulation.js';
import { controlBanner } from '../web/control.js';
import { createWebServer, type WebServer } from '../web/server.js';
import { appScheme, createAppProtocolHandler } from './app-protocol.js';
import { parseLaunchArgs } from './args.js';
import { forwardEvents, registerIpc } from './ipc.js';
import { buildMenuTemplate } from './menu.js';
import { APP_SCHEME, installSecurity, isTrustedSender } from './security.js';
import { readScenarioFile, readScenarioText } from '../host/scenario-files.js';
import { loadStartupScenario, type StartupScenario } from './startup-scenario.js';
import { openStoreSafely, type OpenStoreDeps, type SettingsStore } from './store.js';
import { AppWindows } from './windows.js';

export interface StartOptions {
  argv: readonly string[];
  cwd: string;
  /** The build's dist/ folder: dist/electron/preload.cjs and dist/renderer/. */
  distDir: string;
  /** electron-store in the app; tests hand in another store. */
  createStore: OpenStoreDeps['createStore'];
  platform?: NodeJS.Platform;
}

export interface RunningApp {
  sim: Simulation;
  pacer: Pacer;
  windows: AppWindows;
  settings: SettingsStore;
  /** The control API server (--control-port), or null. */
  control: WebServer | null;
}

/** The warning that names a scenario file and lists its problems (the first 15: a box is no place for 500). */
function scenarioProblemsBox(message: string, problems: string[], after: string[] = []): Electron.MessageBoxOptions {
  const shown = problems.slice(0, 15);
  if (problems.length > shown.length) shown.push(`…and ${problems.length - shown.length} more`);
  return { type: 'warning', title: 'Scenario not loaded', message, detail: [...shown, ...after].join('\n') };
}

/**
 * Loads the remembered scenario into `sim`, which runs `fallback`; returns its problems instead when
 * it does not load (gone, unreadable, too large, invalid, hostile, or refused by the simulation).
 */
function restoreScenario(sim: Simulation, file: string, fallback: StartupScenario['scenario']): string[] | null {
  const result = readScenarioFile(file);
  if (!result.ok) return result.problems.map(formatProblem);
  try {
    sim.load(result.scenario);
    return null;
  } catch (error) {
    // It passed the checks, yet the simulation could not start it (a bug): the default runs again, whole.
    sim.load(fallback);
    return [`${path.basename(file)}: the simulation could not start it: ${error instanceof Error ? error.message : String(error)}`];
  }
}

/** Starts the desktop app. Resolves once the first windows are open (null if another instance runs). */
export async function startApp(options: StartOptions): Promise<RunningApp | null> {
  const platform = options.platform ?? process.platform;
  const launch = parseLaunchArgs(options.argv, options.cwd);
  if (launch.userDataDir) app.setPath('userData', launch.userDataDir);
  for (const problem of launch.problems) console.error(problem);

  // Before "ready": the privileged scheme, and the sandbox for every renderer (checklist 4).
  protocol.registerSchemesAsPrivileged([appScheme]);
  app.enableSandbox();

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }

  const startup = loadStartupScenario(launch.scenario);
  if (startup.refused) {
    console.error(`Scenario ${startup.refused.file} not loaded, using the demo scenario instead:\n  ${startup.refused.problems.join('\n  ')}`);
  }
  // Set once the settings are open: a scenario loaded through the API (the director) is remembered too.
  let onScenarioLoaded: (source: { name: string } | { fileName: string }) => void = () => {};
  const library = fileLibrary();
  const sim = new Simulation(startup.scenario, { library, onLoaded: (source) => onScenarioLoaded(source) });
  const pacer = new Pacer(sim);

  await app.whenReady();

  installSecurity(app, session.defaultSession);
  const rendererDir = path.join(options.distDir, 'renderer');
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));

  const { store: settings } = openStoreSafely({
    directory: app.getPath('userData'),
    createStore: options.createStore,
    fs: { existsSync, renameSync },
    notify: (notice) => {
      console.error(`${notice.message}\n${notice.detail}`);
      void dialog.showMessageBox({ type: 'warning', title: notice.title, message: notice.message, detail: notice.detail });
    },
  });
  const rememberScenario = (file: string | null) => {
    try {
      settings.set('lastScenarioPath', file);
    } catch (error) {
      // A path the schema refuses (absurdly long) is not worth stopping for.
      console.error('Could not remember the scenario path:', error);
    }
  };
  if (launch.scenario && !startup.refused) rememberScenario(launch.scenario);
  onScenarioLoaded = (source) => {
    if ('name' in source) {
      // A built-in scenario is a file of the library: remember its path.
      const entry = library.list().find((s) => s.name === source.name);
      if (entry) rememberScenario(path.join(appRoot(), entry.file));
    } else {
      // A dropped file's path is not known (Open Scenario… remembers its own path right after this).
      rememberScenario(null);
    }
  };

  // Without --scenario, the last scenario opened comes back. One that no longer loads never stops the
  // app: the demo scenario runs and a notice names the file and its problems once the windows are open.
  let lastRefused: { file: string; problems: string[]; forgotten: boolean } | null = null;
  const last = launch.scenario ? null : settings.get('lastScenarioPath');
  if (last) {
    const problems = restoreScenario(sim, last, startup.scenario);
    if (problems) {
      // A file that is gone is forgotten, so the notice comes once; one with problems is tried again (the user may fix it).
      const forgotten = !existsSync(last);
      if (forgotten) rememberScenario(null);
      lastRefused = { file: last, problems, forgotten };
    }
  }

  const windows = new AppWindows({
    createWindow: (o) => new BrowserWindow(o),
    preload: path.join(options.distDir, 'electron', 'preload.cjs'),
    settings,
    workAreas: () => [screen.getPrimaryDisplay().workArea, ...screen.getAllDisplays().map((d) => d.workArea)],
  });

  registerIpc({
    ipcMain,
    service: sim,
    // Trusted first (our main frame, our origin), then which window it is: its allowance (window-allowance.ts).
    senderRole: (event) => (isTrustedSender(event.senderFrame, event.sender, windows.all()) ? windows.nameOf(event.sender) : null),
    onInternalError: (error) => console.error('Simulation error:', error),
  });
  forwardEvents(sim, () => windows.entries());

  const openScenario = async (): Promise<void> => {
    const last = settings.get('lastScenarioPath');
    const picked = await dialog.showOpenDialog({
      title: 'Open Scenario',
      defaultPath: last ? path.dirname(last) : undefined,
      filters: [{ name: 'Scenario', extensions: ['yaml', 'yml'] }],
      properties: ['openFile'],
    });
    const file = picked.filePaths[0];
    if (picked.canceled || !file) return;
    // Bounded and regular files only: a file far larger than the operation takes is not read into memory at all.
    const read = readScenarioText(file);
    if (!read.ok) {
      await dialog.showMessageBox({ type: 'error', title: 'Scenario not loaded', message: `${file} could not be read.`, detail: `${read.reason.charAt(0).toUpperCase()}${read.reason.slice(1)}.` });
      return;
    }
    // Through the operation and its checks, as the director does: a bad file changes nothing and lists its problems.
    const envelope = dispatch(sim, 'loadScenario', { text: read.text, fileName: path.basename(file) }, (error) => console.error('Simulation error:', error));
    if (!envelope.ok) {
      await dialog.showMessageBox({ type: 'error', title: 'Scenario not loaded', message: `${path.basename(file)} could not be loaded.`, detail: envelope.error.message });
      return;
    }
    const result = envelope.value as LoadScenarioResult;
    if (!result.ok) {
      await dialog.showMessageBox(scenarioProblemsBox(`The scenario file ${path.basename(file)} has problems. The current scenario keeps running.`, result.problems.map(formatProblem)));
      return;
    }
    rememberScenario(file);
  };

  const menu = buildMenuTemplate(
    {
      openLogin: () => windows.open('login'),
      openPhone: () => windows.open('phone'),
      openDirector: () => windows.open('director'),
      openFob: () => windows.open('fob'),
      openCard: () => windows.open('card'),
      arrangeStage: () => windows.arrangeStage(),
      openScenario: () => void openScenario().catch((error: unknown) => console.error('Open Scenario failed:', error)),
      resetSimulation: () => sim.resetWorld({}),
    },
    { platform, devTools: !app.isPackaged },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(menu));

  app.on('second-instance', () => windows.open('login'));
  app.on('activate', () => {
    if (windows.all().length === 0) windows.arrangeStage();
  });
  app.on('window-all-closed', () => {
    if (platform !== 'darwin') app.quit();
  });
  const control = launch.controlPort === null ? null : await startControlServer(sim, launch.controlPort);
  app.on('will-quit', () => {
    pacer.stop();
    void control?.close();
  });

  if (!existsSync(path.join(rendererDir, 'index.html'))) {
    const message = `The renderer is not built (${path.join(rendererDir, 'index.html')} is missing). Run "npm run build:only", then start again.`;
    console.error(message);
    void dialog.showMessageBox({ type: 'error', title: 'Renderer missing', message });
  }

  windows.openInitial();
  pacer.start();

  // Not awaited: the message box does not hold up the windows or the start, it sits beside them.
  if (startup.refused) {
    void dialog.showMessageBox(
      scenarioProblemsBox(`The scenario file ${path.basename(startup.refused.file)} has problems. The demo scenario is running instead.`, startup.refused.problems),
    );
  }
  if (lastRefused) {
    const { file, problems, forgotten } = lastRefused;
    console.error(`The last scenario, ${file}, was not loaded; the demo scenario is running instead:\n  ${problems.join('\n  ')}`);
    const next = forgotten ? 'It is forgotten: the next start opens the demo scenario.' : 'It is tried again at the next start; Open Scenario… picks another.';
    void dialog.showMessageBox(
      scenarioProblemsBox(`The last scenario you opened, ${path.basename(file)}, could not be loaded. The demo scenario is running instead.`, problems, ['', file, next]),
    );
  }
  return { sim, pacer, windows, settings, control };
}

/**
 * The control API on 127.0.0.1, sharing the app's simulation: main/web's server with no renderer
 * and no windows' API (the windows use IPC), only /control/* behind a fresh token printed here.
 */
async function startControlServer(sim: Simulation, port: number): Promise<WebServer | null> {
  try {
    const server = await createWebServer({ sim, port, onInternalError: (error) => console.error('Simulation error:', error) });
    for (const line of controlBanner(server.controlUrl!, server.controlToken!)) console.log(line);
    return server;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'EADDRINUSE' ? `port ${port} is already in use (try --control-port 0 for any free port)` : (error as Error).message;
    console.error(`Control API not started: ${reason}`);
    void dialog.showMessageBox({ type: 'warning', title: 'Control API not started', message: `The control API could not start: ${reason}.`, detail: 'The simulator runs without it.' });
    return null;
  }
}
