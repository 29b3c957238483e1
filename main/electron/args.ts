// The desktop app's command-line options: --scenario FILE and --user-data-dir DIR.
import path from 'node:path';

export interface LaunchOptions {
  /** A scenario file to load instead of the embedded default, resolved against the working directory. */
  scenario: string | null;
  /** A settings folder of its own (end-to-end tests use a fresh one each run). */
  userDataDir: string | null;
}

const flags = { '--scenario': 'scenario', '--user-data-dir': 'userDataDir' } as const;

/**
 * Reads our options from anywhere in argv: Electron, Chromium and Playwright put switches of their
 * own before and after the script path, so position tells nothing. Unknown switches are left alone.
 */
export function parseLaunchArgs(argv: readonly string[], cwd: string): LaunchOptions {
  const options: LaunchOptions = { scenario: null, userDataDir: null };
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!;
    for (const [flag, key] of Object.entries(flags) as [keyof typeof flags, keyof LaunchOptions][]) {
      let value: string | undefined;
      if (arg === flag) value = argv[++i];
      else if (arg.startsWith(`${flag}=`)) value = arg.slice(flag.length + 1);
      else continue;
      if (value) options[key] = path.resolve(cwd, value);
    }
  }
  return options;
}
