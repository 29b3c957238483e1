// App lifecycle of the desktop host: the simulation and its pacer, security rules, IPC, menu, windows,
// with --control-port the control API on 127.0.0.1 (main/host's control server), and saved worlds
// (--import, --export-on-exit, the Director's "Export as scenario" through a save dialog).
import { existsSync, renameSync } from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session } from 'electron';
import type { ControlServer } from '../host/control/server.js';
import { Pacer } from '../host/pacer.js';
import { exportTargetProblem, saveWorldTo, writeFileAtomically } from '../host/saved-world.js';
import { readScenarioFile } from '../host/scenario-files.js';
import { fileLibrary } from '../host/scenario-library.js';
import { formatProblem } from '../sim/scenario/load.js';
import { Simulation } from '../sim/simulation.js';
import { appScheme, createAppProtocolHandler } from './app-protocol.js';
import { parseLaunchArgs, type LaunchOptions } from './args.js';
import { startControlPort } from './control-port.js';
import { forwardEvents, registerIpc, registerSaveWorld } from './ipc.js';
import { applyRememberedLocale, followLocale } from './language.js';
import { buildMenuTemplate } from './menu.js';
import { scenarioProblemsBox, ScenarioMemory, type LastRefused } from './scenario-memory.js';
import { APP_SCHEME, installSecurity, isTrustedSender } from './security.js';
import { loadStartupScenario, type StartupScenario } from './startup-scenario.js';
import { openStoreSafely, type OpenStoreDeps, type SettingsStore, type WindowName } from './store.js';
import { roleOf, type WindowRole } from './window-allowance.js';
import { AppWindows } from './windows.js';

export interface StartOptions {
  argv: readonly string[];
  cwd: string;
  /** The build's dist/ folder: dist/electron/preload.cjs and dist/renderer/. */
  distDir: string;
  /** electron-store in the app; tests hand in another store. */
  createStore: OpenStoreDeps['createStore'];
  platform?: NodeJS.Platform;
  /** Where SIGINT and SIGTERM arrive (the process; tests hand in an emitter of their own). */
  signals?: Pick<NodeJS.Process, 'once' | 'off'>;
}

export interface RunningApp {
  sim: Simulation;
  pacer: Pacer;
  windows: AppWindows;
  settings: SettingsStore;
  /** The control API server (--control-port), or null. */
  control: ControlServer | null;
}

/** Before "ready": the privileged scheme, and the sandbox for every renderer (checklist 4). */
function prepareBeforeReady(launch: LaunchOptions): void {
  if (launch.userDataDir) app.setPath('userData', launch.userDataDir);
  for (const problem of launch.problems) console.error(problem);
  protocol.registerSchemesAsPrivileged([appScheme]);
  app.enableSandbox();
}

/** The settings file, opened so that a bad one never stops the app (the user is told). */
function openSettings(createStore: OpenStoreDeps['createStore']): SettingsStore {
  return openStoreSafely({
    directory: app.getPath('userData'),
    createStore,
    fs: { existsSync, renameSync },
    notify: (notice) => {
      console.error(`${notice.message}\n${notice.detail}`);
      void dialog.showMessageBox({ type: 'warning', title: notice.title, message: notice.message, detail: notice.detail });
    },
  }).store;
}

const roleOfWindow = (name: WindowName | null): WindowRole | null => (name === null ? null : roleOf(name));

/** IPC for our windows only, each held to its allowance (window-allowance.ts), and the events pushed to them. */
function connectWindows(sim: Simulation, windows: AppWindows): void {
  // Trusted first (our main frame, our origin), then which window it is.
  const senderRole = (event: Electron.IpcMainInvokeEvent) => (isTrustedSender(event.senderFrame, event.sender, windows.all()) ? roleOfWindow(windows.nameOf(event.sender)) : null);
  registerIpc({ ipcMain, service: sim, senderRole, onInternalError: (error) => console.error('Simulation error:', error) });
  registerSaveWorld({
    ipcMain,
    service: sim,
    senderRole,
    chooseFile: async (suggested) => {
      const picked = await dialog.showSaveDialog({
        title: 'Export as scenario',
        defaultPath: path.join(app.getPath('documents'), suggested),
        filters: [{ name: 'Scenario', extensions: ['yaml', 'yml'] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      return picked.canceled || !picked.filePath ? null : picked.filePath;
    },
    write: writeFileAtomically,
    onError: (error) => console.error('Export as scenario failed:', error),
  });
  forwardEvents(sim, () => windows.entries().map(([name, win]) => [roleOf(name), win] as const));
}

/**
 * --export-on-exit: the world saved whenever the app quits (the menu, the last window closed, and
 * SIGINT/SIGTERM, which quit the app as the menu would, instead of Node's immediate exit). On macOS the
 * app outlives its windows, so closing the last one saves too. Messages go to stderr (stdout may carry
 * the --print-json line).
 */
function installExitExport(sim: Simulation, file: string, platform: NodeJS.Platform, signals: Pick<NodeJS.Process, 'once' | 'off'>): void {
  const save = () => console.error(saveWorldTo(sim, file).message);
  const quit = () => app.quit();
  signals.once('SIGINT', quit);
  signals.once('SIGTERM', quit);
  app.on('will-quit', () => {
    signals.off('SIGINT', quit);
    signals.off('SIGTERM', quit);
    save();
  });
  if (platform === 'darwin') app.on('window-all-closed', save);
}

/**
 * --import's saved world, read and checked like any scenario file. A file with problems (or an export
 * that could not be written) stops the start with the problems listed and exit code 2: a tester who
 * asked for a world must not get another one silently.
 */
function savedWorldToStart(launch: LaunchOptions): StartupScenario | null | 'refused' {
  const exportProblem = launch.exportOnExit === null ? null : exportTargetProblem(launch.exportOnExit);
  if (exportProblem) {
    console.error(`error: ${exportProblem}`);
    return 'refused';
  }
  if (launch.importFile === null) return null;
  const result = readScenarioFile(launch.importFile);
  if (result.ok) return { scenario: result.scenario, file: launch.importFile, refused: null };
  for (const problem of result.problems) console.error(formatProblem(problem));
  return 'refused';
}

function installMenu(sim: Simulation, windows: AppWindows, memory: ScenarioMemory, platform: NodeJS.Platform): void {
  const menu = buildMenuTemplate(
    {
      openLogin: () => windows.open('login'),
      openPhone: () => windows.open('phone'),
      openDirector: () => windows.open('director'),
      openFob: () => windows.open('fob'),
      openCard: () => windows.open('card'),
      openPortal: () => windows.open('portal'),
      openStage: () => windows.open('stage'),
      arrangeStage: () => windows.arrangeStage(),
      openScenario: () => void memory.open(sim).catch((error: unknown) => console.error('Open Scenario failed:', error)),
      resetSimulation: () => sim.resetWorld({}),
      setLocale: (locale) => sim.setLocale({ locale }),
      togglePresenter: () => {
        windows.setPresenter(!windows.presenter);
        // The check mark follows.
        installMenu(sim, windows, memory, platform);
      },
      frameSize: (size) => void windows.frameSize(size),
    },
    { platform, devTools: !app.isPackaged, locale: sim.getWorld().locale, presenter: windows.presenter },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(menu));
}

function installAppEvents(windows: AppWindows, platform: NodeJS.Platform, onQuit: () => void): void {
  app.on('second-instance', () => windows.open('login'));
  app.on('activate', () => {
    if (windows.all().length === 0) windows.arrangeStage();
  });
  app.on('window-all-closed', () => {
    if (platform !== 'darwin') app.quit();
  });
  app.on('will-quit', onQuit);
}

function checkRendererBuilt(rendererDir: string): void {
  if (existsSync(path.join(rendererDir, 'index.html'))) return;
  const message = `The renderer is not built (${path.join(rendererDir, 'index.html')} is missing). Run "npm run build:only", then start again.`;
  console.error(message);
  void dialog.showMessageBox({ type: 'error', title: 'Renderer missing', message });
}

/** Not awaited: the message boxes do not hold up the windows or the start, they sit beside them. */
function showScenarioNotices(startup: StartupScenario, lastRefused: LastRefused | null): void {
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
}

/** Starts the desktop app. Resolves once the first windows are open (null if another instance runs). */
export async function startApp(options: StartOptions): Promise<RunningApp | null> {
  const platform = options.platform ?? process.platform;
  const launch = parseLaunchArgs(options.argv, options.cwd);
  prepareBeforeReady(launch);
  const imported = savedWorldToStart(launch);
  if (imported === 'refused') {
    app.exit(2);
    return null;
  }
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }

  const startup = imported ?? loadStartupScenario(launch.scenario);
  if (startup.refused) {
    console.error(`Scenario ${startup.refused.file} not loaded, using the demo scenario instead:\n  ${startup.refused.problems.join('\n  ')}`);
  }
  // Set once the settings are open: a scenario loaded through the API (the Director) is remembered too.
  let memory: ScenarioMemory | null = null;
  const library = fileLibrary();
  const sim = new Simulation(startup.scenario, { library, onLoaded: (source) => memory?.loaded(source) });
  const pacer = new Pacer(sim);

  await app.whenReady();
  installSecurity(app, session.defaultSession);
  const rendererDir = path.join(options.distDir, 'renderer');
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));

  const settings = openSettings(options.createStore);
  memory = new ScenarioMemory(settings, library);
  if (launch.scenario && !startup.refused) memory.remember(launch.scenario);
  // A world asked for on the command line is the one that runs; an imported one is not remembered (it is a moment, not a scenario).
  const lastRefused = launch.scenario || imported ? null : memory.restore(sim, startup.scenario);
  applyRememberedLocale(sim, settings);

  const windows = new AppWindows({
    createWindow: (o) => new BrowserWindow(o),
    preload: path.join(options.distDir, 'electron', 'preload.cjs'),
    settings,
    workAreas: () => [screen.getPrimaryDisplay().workArea, ...screen.getAllDisplays().map((d) => d.workArea)],
  });
  connectWindows(sim, windows);
  installMenu(sim, windows, memory, platform);
  // The radio items follow a switch made in the Director or over the control API: the menu is built again.
  followLocale(sim, settings, () => installMenu(sim, windows, memory, platform));
  const control = launch.controlPort === null ? null : await startControlPort(sim, launch.controlPort, launch.control);
  installAppEvents(windows, platform, () => {
    pacer.stop();
    void control?.close();
  });
  if (launch.exportOnExit) installExitExport(sim, launch.exportOnExit, platform, options.signals ?? process);

  checkRendererBuilt(rendererDir);
  windows.openInitial();
  pacer.start();
  showScenarioNotices(startup, lastRefused);
  return { sim, pacer, windows, settings, control };
}
