// Builds the renderer when its sources are newer than dist/renderer, so `npx playwright test` never runs a stale UI.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
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

export default async function globalSetup(): Promise<void> {
  const sources = Math.max(newest(path.join(root, 'renderer')), statSync(path.join(root, 'vite.config.ts')).mtimeMs);
  if (sources <= builtAt()) return;
  console.log('Building the renderer (sources changed since the last build)…');
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn', build: { outDir: rendererDir, emptyOutDir: true } });
}
