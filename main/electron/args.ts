// The desktop app's command-line options: --scenario FILE, --user-data-dir DIR and --control-port N.
import path from 'node:path';

export interface LaunchOptions {
  /** A scenario file to load instead of the embedded default, resolved against the working directory. */
  scenario: string | null;
  /** A settings folder of its own (end-to-end tests use a fresh one each run). */
  userDataDir: string | null;
  /** Serve the control API on 127.0.0.1 at this port (0: any free port); null: no control API. */
  controlPort: number | null;
  /** What was wrong with our switches (the app starts anyway and says so). */
  problems: string[];
}

const pathFlags = { '--scenario': 'scenario', '--user-data-dir': 'userDataDir' } as const;
const CONTROL_PORT = '--control-port';

/** The value of `flag` at argv[i] ("--flag value" or "--flag=value"): the value and how many items it took. */
function valueOf(argv: readonly string[], i: number, flag: string): { value: string | undefined; used: number } | null {
  const arg = argv[i]!;
  if (arg === flag) return { value: argv[i + 1], used: 2 };
  if (arg.startsWith(`${flag}=`)) return { value: arg.slice(flag.length + 1), used: 1 };
  return null;
}

export function parsePort(text: string): number | null {
  if (!/^\d{1,5}$/.test(text)) return null;
  const port = Number(text);
  return port <= 65535 ? port : null;
}

/**
 * Reads our options from anywhere in argv: Electron, Chromium and Playwright put switches of their
 * own before and after the script path, so position tells nothing. Unknown switches are left alone.
 */
export function parseLaunchArgs(argv: readonly string[], cwd: string): LaunchOptions {
  const options: LaunchOptions = { scenario: null, userDataDir: null, controlPort: null, problems: [] };
  for (let i = 1; i < argv.length; i++) {
    const port = valueOf(argv, i, CONTROL_PORT);
    if (port) {
      const parsed = port.value === undefined ? null : parsePort(port.value);
      if (parsed === null) options.problems.push(`${CONTROL_PORT} needs a port number from 0 to 65535 (0 = any free port), not "${port.value ?? ''}"`);
      options.controlPort = parsed;
      i += port.used - 1;
      continue;
    }
    for (const [flag, key] of Object.entries(pathFlags) as [keyof typeof pathFlags, (typeof pathFlags)[keyof typeof pathFlags]][]) {
      const found = valueOf(argv, i, flag);
      if (!found) continue;
      if (found.value) options[key] = path.resolve(cwd, found.value);
      i += found.used - 1;
      break;
    }
  }
  return options;
}
