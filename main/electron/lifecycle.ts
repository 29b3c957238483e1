// App lifecycle of the desktop host: the simulation and its pacer, security rules, IPC, menu, windows.
import { existsSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session } from 'electron';
import { Pacer } from '../host/pacer.js';
import { fileLibrary } from '../host/scenario-library.js';
import { defaultScenarioPath, readScenarioFile } from '../host/scenario-files.js';
import { formatProblem } from '../sim/scenario/load.js';
import type { Scenario } from '../sim/scenario/schema.js';
import { Simulation } from '../sim/simulation.js';
import { appScheme, createAppProtocolHandler } from './app-protocol.js';
import { parseLaunchArgs } from './args.js';
import { forwardEvents, registerIpc } from './ipc.js';
import { buildMenuTemplate } from './menu.js';
import { APP_SCHEME, installSecurity, isTrustedSender } from './security.js';
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
}

export interface StartupScenario {
  scenario: Scenario;
  /** The file the scenario came from. */
  file: string;
  /** Problems of the requested file, when the default was loaded in its place. */
  refused: { file: string; problems: string[] } | null;
}

/** The requested scenario file, or the embedded default when none was asked for or it has problems. */
export function loadStartupScenario(requested: string | null, defaultFile = defaultScenarioPath()): StartupScenario {
  let refused: StartupScenario['refused'] = null;
  if (requested) {
    const result = readScenarioFile(requested);
    if (result.ok) return { scenario: result.scenario, file: requested, refused: null };
    refused = { file: requested, problems: result.problems.map(formatProblem) };
  }
  const fallback = readScenarioFile(defaultFile);
  if (!fallback.ok) throw new Error(`The default scenario cannot be read:\n${fallback.problems.map(formatProblem).join('\n')}`);
  return { scenario: fallback.scenario, file: defaultFile, refused };
}

function scenarioProblemsBox(file: string, problems: string[], fallback: string): Electron.MessageBoxOptions {
  const shown = problems.slice(0, 15);
  if (problems.length > shown.length) shown.push(`…and ${problems.length - shown.length} more`);
  return {
    type: 'warning',
    title: 'Scenario not loaded',
    message: `The scenario file ${path.basename(file)} has problems. ${fallback}`,
    detail: shown.join('\n'),
  };
}

/** Starts the desktop app. Resolves once the first windows are open (null if another instance runs). */
export async function startApp(options: StartOptions): Promise<RunningApp | null> {
  const platform = options.platform ?? process.platform;
  const launch = parseLaunchArgs(options.argv, options.cwd);
  if (launch.userDataDir) app.setPath('userData', launch.userDataDir);

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
  const sim = new Simulation(startup.scenario, { library: fileLibrary() });
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
  const rememberScenario = (file: string) => {
    try {
      settings.set('lastScenarioPath', file);
    } catch (error) {
      // A path the schema refuses (absurdly long) is not worth stopping for.
      console.error('Could not remember the scenario path:', error);
    }
  };
  if (launch.scenario && !startup.refused) rememberScenario(launch.scenario);

  const windows = new AppWindows({
    createWindow: (o) => new BrowserWindow(o),
    preload: path.join(options.distDir, 'electron', 'preload.cjs'),
    settings,
    workAreas: () => [screen.getPrimaryDisplay().workArea, ...screen.getAllDisplays().map((d) => d.workArea)],
  });

  registerIpc({
    ipcMain,
    service: sim,
    isTrusted: (event) => isTrustedSender(event.senderFrame, event.sender, windows.all()),
    onInternalError: (error) => console.error('Simulation error:', error),
  });
  forwardEvents(sim, () => windows.all());

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
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      await dialog.showMessageBox({ type: 'error', title: 'Scenario not loaded', message: `${file} could not be read.`, detail: String(error) });
      return;
    }
    // Through the operation, as the director does: a bad file changes nothing and lists its problems.
    const result = sim.loadScenario({ text, fileName: path.basename(file) });
    if (!result.ok) {
      await dialog.showMessageBox(scenarioProblemsBox(file, result.problems.map(formatProblem), 'The current scenario keeps running.'));
      return;
    }
    rememberScenario(file);
  };

  const menu = buildMenuTemplate(
    {
      openLogin: () => windows.open('login'),
      openPhone: () => windows.open('phone'),
      openDirector: () => windows.open('director'),
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
  app.on('will-quit', () => pacer.stop());

  if (!existsSync(path.join(rendererDir, 'index.html'))) {
    const message = `The renderer is not built (${path.join(rendererDir, 'index.html')} is missing). Run "npm run build:only", then start again.`;
    console.error(message);
    void dialog.showMessageBox({ type: 'error', title: 'Renderer missing', message });
  }

  windows.openInitial();
  pacer.start();

  if (startup.refused) {
    void dialog.showMessageBox(scenarioProblemsBox(startup.refused.file, startup.refused.problems, 'The demo scenario is running instead.'));
  }
  return { sim, pacer, windows, settings };
}
