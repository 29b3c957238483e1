// `npm run web`: the simulation in this Node process, served to a browser on 127.0.0.1.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { controlBanner, startLine } from '../host/control/start-info.js';
import { addStartOptions, tokenFromOptions, type ControlStartOptions } from '../host/control/start-options.js';
import { TokenError, type ControlToken } from '../host/control/token.js';
import { Pacer } from '../host/pacer.js';
import { parsePort, PORT_HINT, portArgument } from '../host/port.js';
import { appRoot, defaultScenarioPath, readScenarioFile } from '../host/scenario-files.js';
import { fileLibrary } from '../host/scenario-library.js';
import { addSavedWorldOptions, exportTargetProblem, saveWorldTo, type SavedWorldOptions } from '../host/saved-world.js';
import { formatProblem } from '../sim/scenario/load.js';
import { Simulation } from '../sim/simulation.js';
import { createWebServer } from './server.js';

export const DEFAULT_PORT = 4173;

function defaultPort(): number {
  const env = process.env.SLS_PORT;
  if (env === undefined || env === '') return DEFAULT_PORT;
  const port = parsePort(env);
  if (port === null) console.error(`SLS_PORT="${env}" is not ${PORT_HINT}; using ${DEFAULT_PORT}`);
  return port ?? DEFAULT_PORT;
}

interface Options extends ControlStartOptions, SavedWorldOptions {
  port: number;
  scenario: string;
  paused: boolean;
  control: boolean;
}

/**
 * The renderer beside this bundle (dist/web/server.js → dist/renderer; a benchmark's own build folder
 * likewise), else the project's dist/renderer when running from sources.
 */
function rendererDirFor(moduleUrl: string): string {
  const beside = path.resolve(path.dirname(fileURLToPath(moduleUrl)), '..', 'renderer');
  return existsSync(path.join(beside, 'index.html')) ? beside : path.join(appRoot(), 'dist', 'renderer');
}

/** The control token asked for, or the reason it cannot be used (exit 2, as for any bad argument). */
function chosenToken(options: Options): ControlToken | null {
  if (!options.control) return null;
  try {
    return tokenFromOptions(options);
  } catch (error) {
    if (!(error instanceof TokenError)) throw error;
    console.error(`error: ${error.message}`);
    process.exit(2);
  }
}

async function main(argv: string[]): Promise<void> {
  const program = new Command('sls-web')
    .description('Serve the SLS Simulator (login window and phone) to a browser on 127.0.0.1')
    .option('-p, --port <n>', 'port to listen on; 0 = any free port (env SLS_PORT)', portArgument, defaultPort())
    .option('-s, --scenario <file.yaml>', 'scenario file', defaultScenarioPath())
    .option('--paused', 'start with the virtual clock paused', false)
    .option('--no-control', 'turn the control API (/control/*, token printed at start-up) off');
  addSavedWorldOptions(addStartOptions(program)).showHelpAfterError();
  program.parse(argv);
  const options = program.opts<Options>();
  // With --print-json, stdout carries the one JSON line only: every message for a person goes to stderr.
  const say = options.printJson ? (line: string) => console.error(line) : (line: string) => console.log(line);
  const token = chosenToken(options);
  for (const warning of token?.warnings ?? []) console.error(`warning: ${warning}`);

  if (options.import !== undefined && program.getOptionValueSource('scenario') === 'cli') {
    console.error('error: --import and --scenario both name the world to start from; give one of them');
    process.exit(2);
  }
  const exportOnExit = options.exportOnExit === undefined ? null : path.resolve(options.exportOnExit);
  const targetProblem = exportOnExit === null ? null : exportTargetProblem(exportOnExit);
  if (targetProblem) {
    console.error(`error: ${targetProblem}`);
    process.exit(2);
  }

  // Problems name the file as it was given, relative paths meaning the current folder. A saved world
  // (--import) is a scenario file, read and checked the same way.
  const loaded = readScenarioFile(options.import ?? options.scenario);
  if (!loaded.ok) {
    for (const problem of loaded.problems) console.error(formatProblem(problem));
    process.exit(2);
  }

  const sim = new Simulation(loaded.scenario, { library: fileLibrary() });
  if (options.paused) sim.setClockRunning({ running: false });
  const pacer = new Pacer(sim);

  let server;
  try {
    server = await createWebServer({
      sim,
      rendererDir: rendererDirFor(import.meta.url),
      port: options.port,
      ...(token === null ? { control: false as const } : { token: token.value }),
      onInternalError: (error) => console.error('Internal error:', error),
      // The Director's "New session": the old address no longer opens the simulator.
      onNewSession: (url) => say(`New session: the simulator is now at ${url} (the previous address and its cookies no longer work)`),
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') console.error(`Port ${options.port} is already in use. Try --port 0 for any free port, or --port <n>.`);
    else console.error(`Could not start the server: ${(error as Error).message}`);
    process.exit(1);
  }
  pacer.start();
  say(`SLS Simulator running at ${server.url}`);
  say('Open that address: it carries the session token (for the pages only), which the page then keeps for this browser session.');
  if (server.controlUrl && token) for (const line of controlBanner(server.controlUrl, token)) say(line);
  const { name, seed } = sim.scenario;
  say(`Scenario "${name}" (seed ${seed})${options.import === undefined ? '' : `, imported from ${options.import}`}${options.paused ? ', clock paused' : ''}. Press Ctrl+C to stop.`);
  if (exportOnExit) say(`On exit the world is saved to ${exportOnExit}.`);
  if (options.printJson) {
    const { url, origin, port, sessionToken, controlUrl, controlToken } = server;
    console.log(startLine({ host: 'web', port, url, origin, sessionToken, controlUrl, controlToken, scenario: name, pid: process.pid }));
  }

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    pacer.stop();
    // Saved first, while the world is as the user left it; a failure is said and the host still stops.
    let code = 0;
    if (exportOnExit) {
      const saved = saveWorldTo(sim, exportOnExit);
      (saved.ok ? say : console.error)(saved.message);
      if (!saved.ok) code = 1;
    }
    // Open event streams would keep the process alive; close() ends them, then the exit is clean.
    const force = setTimeout(() => process.exit(code), 2000);
    force.unref();
    server.close().then(
      () => process.exit(code),
      (error: unknown) => {
        console.error(`Error while stopping (${signal}):`, error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main(process.argv).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
