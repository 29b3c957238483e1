// Builds the renderer when its sources are newer than dist/renderer, and the Node-side bundles (the browser host,
// the control client) when main/ is newer than them, so `npx playwright test` never runs a stale build.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { build } from 'vite';
import { rendererDir, repoRoot as root } from './renderer-dir.js';

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(file) : statSync(file).mtimeMs);
  }
  return latest;
}

function builtAt(): number {
  try {
    return statSync(path.join(rendererDir, 'index.html')).mtimeMs;
  } catch {
    return 0;
  }
}

function builtMtime(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/** The client module's spec starts the built browser host through sls-simulator/control (dist/control, dist/web). */
function buildNodeSide(): void {
  const built = Math.min(builtMtime(path.join(root, 'dist', 'control', 'index.js')), builtMtime(path.join(root, 'dist', 'web', 'server.js')));
  if (newest(path.join(root, 'main')) <= built) return;
  console.log('Building the browser host and the control client (main/ changed since the last build)…');
  const result = spawnSync(process.execPath, ['scripts/build-main.mjs'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('node scripts/build-main.mjs failed');
}

export default async function globalSetup(): Promise<void> {
  buildNodeSide();
  const sources = Math.max(newest(path.join(root, 'renderer')), statSync(path.join(root, 'vite.config.ts')).mtimeMs);
  if (sources <= builtAt()) return;
  console.log('Building the renderer (sources changed since the last build)…');
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn', build: { outDir: rendererDir, emptyOutDir: true } });
}
