// The desktop app's command-line options (--scenario, --user-data-dir, --control-port, the control API's start options, --import and --export-on-exit), read with commander like every other entry point.
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { addStartOptions, type ControlStartOptions } from '../host/control/start-options.js';
import { parsePort, PORT_HINT } from '../host/port.js';
import { addSavedWorldOptions, type SavedWorldOptions } from '../host/saved-world.js';

export interface LaunchOptions {
  /** A scenario file to load instead of the embedded default, resolved against the working directory. */
  scenario: string | null;
  /** A settings folder of its own (end-to-end tests use a fresh one each run). */
  userDataDir: string | null;
  /** Serve the control API on 127.0.0.1 at this port (0: any free port); null: no control API. */
  controlPort: number | null;
  /** How the control API's token is chosen and whether the start is printed as JSON (with --control-port). */
  control: ControlStartOptions;
  /** A saved world to start from (--import), resolved against the working directory; a file with problems stops the start. */
  importFile: string | null;
  /** Where to save the world when the app quits (--export-on-exit), resolved against the working directory. */
  exportOnExit: string | null;
  /** What was wrong with our switches (the app starts anyway and says so). */
  problems: string[];
}

interface Parsed extends ControlStartOptions, SavedWorldOptions {
  scenario?: string;
  userDataDir?: string;
  controlPort?: number;
}

/** commander's message in our words: a switch of ours given last without its value says what it needs. */
function problemOf(message: string): string {
  const missing = /option '(--[a-z-]+)[^']*' argument missing/.exec(message)?.[1];
  if (missing) return `${missing} needs ${missing === '--control-port' ? PORT_HINT : 'a value'}, and none was given`;
  return message.replace(/^error: /, '').trim();
}

/**
 * Reads our options from anywhere in argv: Electron, Chromium and Playwright put switches of their
 * own before and after the script path, so position tells nothing, and switches that are not ours
 * are left alone. A bad value of ours is a problem to report, never a reason not to start.
 */
export function parseLaunchArgs(argv: readonly string[], cwd: string): LaunchOptions {
  const problems: string[] = [];
  const program = new Command('sls-simulator')
    .helpOption(false)
    .allowUnknownOption()
    .allowExcessArguments()
    .exitOverride()
    .configureOutput({ writeOut: () => {}, writeErr: () => {}, outputError: (text) => problems.push(problemOf(text)) })
    .option('--scenario <file.yaml>', 'scenario file')
    .option('--user-data-dir <dir>', 'settings folder')
    .option('--control-port <n>', `serve the control API on 127.0.0.1 at this port; ${PORT_HINT}`, (text: string) => {
      const port = parsePort(text);
      if (port === null) problems.push(`--control-port needs ${PORT_HINT}, not "${text}"`);
      // commander keeps a null as no value at all; -1 says "given, but not a port".
      return port ?? -1;
    });
  addSavedWorldOptions(addStartOptions(program));
  try {
    // argv[0] is the executable (Electron, or the packaged app); the rest may hold anyone's switches.
    program.parse([...argv.slice(1)], { from: 'user' });
  } catch (error) {
    // A switch of ours given last without its value: what came before it still counts.
    if (!(error instanceof CommanderError)) throw error;
  }
  const parsed = program.opts<Parsed>();
  const { token, tokenFile, generateToken, printJson } = parsed;
  const control: ControlStartOptions = {
    ...(token === undefined ? {} : { token }),
    ...(tokenFile === undefined ? {} : { tokenFile: path.resolve(cwd, tokenFile) }),
    ...(generateToken ? { generateToken } : {}),
    ...(printJson ? { printJson } : {}),
  };
  const controlPort = parsed.controlPort === undefined || parsed.controlPort < 0 ? null : parsed.controlPort;
  if (parsed.controlPort === undefined && Object.keys(control).length > 0) {
    problems.push(`${Object.keys(control).map(flagOf).join(', ')} need --control-port <n> (without it there is no control API)`);
  }
  if (parsed.import !== undefined && parsed.scenario !== undefined) problems.push('--import and --scenario both name the world to start from; --scenario is ignored');
  return {
    scenario: parsed.scenario && parsed.import === undefined ? path.resolve(cwd, parsed.scenario) : null,
    importFile: parsed.import === undefined ? null : path.resolve(cwd, parsed.import),
    exportOnExit: parsed.exportOnExit === undefined ? null : path.resolve(cwd, parsed.exportOnExit),
    userDataDir: parsed.userDataDir ? path.resolve(cwd, parsed.userDataDir) : null,
    controlPort,
    control,
    problems,
  };
}

/** `tokenFile` → `--token-file`. */
const flagOf = (key: string) => `--${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
