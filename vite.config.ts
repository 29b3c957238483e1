// Builds the Svelte renderer into dist/renderer, loaded by both hosts (app:// in Electron, http:// in a browser).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { catalogues } from './scripts/catalogues.ts';
import { icons } from './scripts/icon-parts.ts';

export default defineConfig({
  root: 'renderer',
  // Relative asset URLs: the same files work under app://sls/ and http://127.0.0.1:port/.
  base: './',
  plugins: [svelte({ configFile: fileURLToPath(new URL('./svelte.config.js', import.meta.url)) }), catalogues(), icons()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // The stage loads first; the director, the phone's settings and the devices are chunks fetched when shown.
    // No modulepreload polyfill (Chromium has it).
    modulePreload: { polyfill: false },
    // Rolldown's "[PLUGIN_TIMINGS]" report says the Svelte compiler takes the time, on every build: noise.
    rolldownOptions: { checks: { pluginTimings: false } },
  },
  server: { host: '127.0.0.1' },
});
