// Builds the blank floor page for the cold-start benchmark.
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  root: 'tests/bench/blank',
  base: './',
  plugins: [svelte()],
  logLevel: 'warn',
  build: { outDir: '../../../dist/bench-blank', emptyOutDir: true },
});
