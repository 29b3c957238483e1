// Where the end-to-end tests find the built renderer: dist/renderer, or SLS_E2E_RENDERER_DIR
// (so several working copies of the UI can be built and tested side by side without one build
// emptying the folder another run is serving).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const rendererDir = process.env.SLS_E2E_RENDERER_DIR ? path.resolve(process.env.SLS_E2E_RENDERER_DIR) : path.join(repoRoot, 'dist', 'renderer');
