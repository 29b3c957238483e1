// Whether a build is needed: an output missing, or older than any source. npm start and npm run web
// both ask, so a start with nothing changed goes straight to the app.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Everything the build reads: the sources and the build's own configuration. */
export const buildSources = [
  ...['main', 'preload', 'renderer'].map((d) => path.join(projectRoot, d)),
  ...['package.json', 'vite.config.ts', 'svelte.config.js', 'scripts/build-main.mjs'].map((f) => path.join(projectRoot, f)),
];

export function newestMtime(entry) {
  let stat;
  try {
    stat = statSync(entry);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const child of readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

/** Whether an output is missing or older than a source file. */
export function needsBuild({ outputFiles, sources = buildSources }) {
  const outputTimes = outputFiles.map((f) => (existsSync(f) ? statSync(f).mtimeMs : 0));
  const oldestOutput = Math.min(...outputTimes);
  if (oldestOutput === 0) return true;
  return Math.max(...sources.map(newestMtime)) > oldestOutput;
}
