// Electron's binary: finding it, fetching it with Electron's own installer, and explaining when that fails.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const electronPackageDir = path.join(projectRoot, 'node_modules', 'electron');

/**
 * The executable the way node_modules/electron/index.js finds it (path.txt, dist/, the
 * ELECTRON_OVERRIDE_DIST_PATH override), or null when it was never downloaded. Unlike
 * `require('electron')` it does not throw and is not cached, so it can be asked again after installing.
 */
export function findElectronBinary({ packageDir = electronPackageDir, env = process.env, fs = { existsSync, readFileSync } } = {}) {
  let relative = null;
  try {
    relative = fs.readFileSync(path.join(packageDir, 'path.txt'), 'utf8').trim() || null;
  } catch {
    relative = null;
  }
  let binary = null;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) binary = path.join(env.ELECTRON_OVERRIDE_DIST_PATH, relative ?? 'electron');
  else if (relative) binary = path.join(packageDir, 'dist', relative);
  return binary && fs.existsSync(binary) ? binary : null;
}

/** The one line worth showing from an installer's output: its error message, not its stack. */
export function firstErrorLine(output) {
  const lines = String(output ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const error = lines.find((l) => /^[A-Za-z]*Error\b.*:/.test(l));
  const line = error ?? lines.find((l) => !l.startsWith('at '));
  return line ? line.slice(0, 200) : null;
}

/** Runs `node node_modules/electron/install.js`, quietly; its stack trace never reaches the user. */
export function runElectronInstaller({ packageDir = electronPackageDir, env = process.env, spawn = spawnSync, timeoutMs = 15 * 60_000 } = {}) {
  const script = path.join(packageDir, 'install.js');
  if (!existsSync(script)) return { ok: false, reason: 'the electron package is missing from node_modules (run npm install first)' };
  // Asked for explicitly now, so a skip flag meant for `npm install` must not skip it.
  const childEnv = { ...env };
  delete childEnv.ELECTRON_SKIP_BINARY_DOWNLOAD;
  const result = spawn(process.execPath, [script], { cwd: packageDir, env: childEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: timeoutMs });
  if (result.error) return { ok: false, reason: result.error.message };
  if (result.status === 0) return { ok: true, reason: null };
  return { ok: false, reason: firstErrorLine(result.stderr) ?? firstErrorLine(result.stdout) ?? `the installer exited with code ${result.status}` };
}

function electronVersion(packageDir = electronPackageDir) {
  try {
    return JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')).version ?? null;
  } catch {
    return null;
  }
}

/** Wraps a paragraph for the terminal without breaking words, nor a "quoted command" in two. */
export function wrap(text, width = 100) {
  const lines = [];
  let line = '';
  for (const word of text.match(/"[^"]*"\S*|\S+/g) ?? []) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

/** Arguments that only the desktop app takes, left out of the "npm run web" it suggests. */
const DESKTOP_ONLY = ['--user-data-dir'];

/** The browser host's command with the arguments typed for npm start, quoted for a POSIX shell. */
export function webCommand(args = []) {
  const kept = [];
  for (let i = 0; i < args.length; i++) {
    const flag = DESKTOP_ONLY.find((f) => args[i] === f || args[i].startsWith(`${f}=`));
    if (!flag) kept.push(args[i]);
    else if (args[i] === flag) i++;
  }
  const quote = (a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replaceAll("'", "'\\''")}'`);
  return kept.length ? `npm run web -- ${kept.map(quote).join(' ')}` : 'npm run web';
}

/** The one paragraph shown when the binary is missing and could not be fetched; `args`: what npm start was given. */
export function explainMissingElectron(reason, version = electronVersion(), args = []) {
  const v = version ? `Electron ${version}` : 'Electron';
  return wrap(
    [
      `The desktop app cannot start: the ${v} binary is not installed and could not be downloaded${reason ? ` (${reason})` : ''}.`,
      'npm install leaves it out on purpose (package.json "allowScripts" keeps Electron\'s download script from running) and npm start fetches it on first use, which needs internet access.',
      'To install it, run "node node_modules/electron/install.js" on a connected machine, or set ELECTRON_MIRROR to a mirror you can reach (or ELECTRON_OVERRIDE_DIST_PATH to a copied Electron folder) and run npm start again;',
      'with an older npm that ignores "allowScripts", ELECTRON_SKIP_BINARY_DOWNLOAD=1 keeps npm install from failing offline.',
      `Meanwhile, "${webCommand(args)}" runs the same simulator in a browser.`,
    ].join(' '),
  );
}

/**
 * The binary's path, fetching it first when it is missing. Returns { ok: true, path } or
 * { ok: false, message } with the paragraph to print.
 */
export function ensureElectronBinary({ find = () => findElectronBinary(), install = () => runElectronInstaller(), log = console.log, args = [] } = {}) {
  const existing = find();
  if (existing) return { ok: true, path: existing };
  log("Electron's binary is not installed yet: fetching it with Electron's installer (node node_modules/electron/install.js)…");
  const installed = install();
  const after = installed.ok ? find() : null;
  if (after) return { ok: true, path: after };
  const reason = installed.ok ? 'the installer finished, but no binary is in node_modules/electron/dist' : installed.reason;
  return { ok: false, message: explainMissingElectron(reason, electronVersion(), args) };
}
