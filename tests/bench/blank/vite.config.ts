// Builds the blank floor page for the cold-start benchmark (tests/bench/run.ts sets the output folder).
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  root: 'tests/bench/blank',
  base: './',
  plugins: [svelte()],
  logLevel: 'warn',
  build: { outDir: '../../../.tmp/bench-dist/blank', emptyOutDir: true },
});
