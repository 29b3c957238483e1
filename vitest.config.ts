// Unit tests: pure Node, virtual clock, no browser. The Svelte plugin compiles the renderer's
// `.svelte.ts` state classes for the browser, as Vite does for the app, so they run under test too.
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [svelte({ configFile: false, compilerOptions: { runes: true } })],
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    pool: 'threads',
    maxWorkers: 2,
  },
});
