// npm start: make sure Electron's binary is there, build when the sources changed, then run the desktop app.
// Extra arguments go to the app: npm start -- --scenario my.yaml
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSources, needsBuild as needsFreshBuild } from './build-freshness.mjs';
import { ensureElectronBinary, projectRoot } from './electron-binary.mjs';

export const outputs = {
  main: path.join(projectRoot, 'dist/electron/main.js'),
  preload: path.join(projectRoot, 'dist/electron/preload.cjs'),
  renderer: path.join(projectRoot, 'dist/renderer/index.html'),
};
/** Whether an output is missing or older than a source file. */
export function needsBuild({ outputFiles = Object.values(outputs), sources = buildSources } = {}) {
  return needsFreshBuild({ outputFiles, sources });
}

/** With --print-json, stdout is kept for the app's one JSON line: the build's output goes to stderr. */
const wantsJson = (argv) => argv.includes('--print-json');

function run(command, args, toStderr = false) {
  const stdio = toStderr ? ['inherit', 2, 'inherit'] : 'inherit';
  const result = spawnSync(command, args, { cwd: projectRoot, stdio, shell: process.platform === 'win32' });
  return result.status ?? 1;
}

/**
 * Builds when needed. If the full build fails (the renderer is often mid-change), the desktop shell
 * alone is built so the app can still start, and the missing renderer is named.
 */
export function buildIfNeeded({ log = console.log, error = console.error, toStderr = false } = {}) {
  if (!needsBuild()) return { ok: true };
  const started = Date.now() - 1000;
  log('Building (npm run build:only)…');
  if (run('npm', ['run', 'build:only'], toStderr) === 0) return { ok: true };
  error('The full build failed (see above); building the desktop shell alone (node scripts/build-main.mjs).');
  run(process.execPath, ['scripts/build-main.mjs'], toStderr);
  const fresh = (f) => existsSync(f) && statSync(f).mtimeMs >= started;
  if (!fresh(outputs.main) || !fresh(outputs.preload)) {
    return { ok: false, message: 'The desktop app could not be built (see the errors above). Fix them and run npm start again.' };
  }
  if (!existsSync(outputs.renderer)) error(`The renderer is not built (${path.relative(projectRoot, outputs.renderer)} is missing): the windows will stay empty until "npm run build:only" succeeds.`);
  return { ok: true };
}

/** Makes --scenario, --user-data-dir, --token-file, --import and --export-on-exit paths absolute against the directory npm start was typed in. */
export function resolveUserArgs(argv, baseDir) {
  const out = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const flag = ['--scenario', '--user-data-dir', '--token-file', '--import', '--export-on-exit'].find((f) => arg === f || arg.startsWith(`${f}=`));
    if (!flag) out.push(arg);
    else if (arg === flag && i + 1 < argv.length) out.push(flag, path.resolve(baseDir, argv[++i]));
    else if (arg !== flag) out.push(`${flag}=${path.resolve(baseDir, arg.slice(flag.length + 1))}`);
    else out.push(arg);
  }
  return out;
}

/** Runs Electron until it exits, passing Ctrl+C on; resolves to its exit code. */
export function launchElectron(binary, args, { env = process.env, spawnFn = spawn, error = console.error } = {}) {
  const childEnv = { ...env };
  // Set, it would turn Electron into plain Node.js.
  delete childEnv.ELECTRON_RUN_AS_NODE;
  const child = spawnFn(binary, args, { cwd: projectRoot, stdio: 'inherit', env: childEnv, windowsHide: false });
  const forward = (signal) => () => child.kill(signal);
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, forward(signal));
  return new Promise((resolve) => {
    child.on('error', (e) => {
      error(`Electron could not be started: ${e.message}`);
      resolve(1);
    });
    child.on('close', (code) => resolve(code ?? 1));
  });
}

export async function main({
  argv = process.argv.slice(2),
  baseDir = process.env.INIT_CWD ?? process.cwd(),
  build = buildIfNeeded,
  ensure = ensureElectronBinary,
  launch = launchElectron,
  log = console.log,
  error = console.error,
} = {}) {
  // The binary first: without it nothing can start, and an offline machine learns so at once
  // instead of after a build; the explanation repeats the arguments for "npm run web".
  // With --print-json the app's stdout is one JSON line: what this script says goes to stderr.
  const toStderr = wantsJson(argv);
  const say = toStderr ? error : log;
  const electron = ensure({ log: say, args: argv });
  if (!electron.ok) {
    error(`\n${electron.message}\n`);
    return 1;
  }
  const built = build({ log: say, error, toStderr });
  if (!built.ok) {
    error(built.message);
    return 1;
  }
  return launch(electron.path, [outputs.main, ...resolveUserArgs(argv, baseDir)]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main();
}
