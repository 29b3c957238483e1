// Entry point of the desktop app, bundled to dist/electron/main.js (ESM).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog } from 'electron';
import ElectronStore from 'electron-store';
import { startApp } from './lifecycle.js';
import type { Settings } from './store.js';

const distDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

startApp({
  argv: process.argv,
  cwd: process.cwd(),
  distDir,
  createStore: (options) => new ElectronStore<Settings>(options),
}).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`SLS Simulator could not start: ${message}`);
  dialog.showErrorBox('SLS Simulator could not start', message);
  app.exit(1);
});
