// `npm run web -- [--port n] [--scenario file] [--paused]`: build what changed, then serve the app to a browser.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { needsBuild, projectRoot as root } from './build-freshness.mjs';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const server = path.join(root, 'dist', 'web', 'server.js');
const renderer = path.join(root, 'dist', 'renderer', 'index.html');

// Nothing changed since the last build: straight to the server (a warm start takes a second, a build 10–40 s).
const build = needsBuild({ outputFiles: [server, renderer] }) ? spawnSync(npm, ['run', 'build:only'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' }) : { status: 0 };
if (build.status !== 0) {
  // The build bundles every entry point at once; a broken one elsewhere (the desktop shell) need not stop the browser host.
  if (existsSync(server) && existsSync(renderer)) console.error('\nThe build reported errors (above); starting the browser host from what was built.\n');
  else {
    console.error('\nThe build failed and the browser host was not built; see the errors above.');
    process.exit(build.status ?? 1);
  }
}

// Relative paths (--scenario my.yaml) mean the folder npm was started from, not the project root.
const cwd = process.env.INIT_CWD ?? process.cwd();
const child = spawn(process.execPath, [server, ...process.argv.slice(2)], { cwd, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
