// Unit tests: pure Node, virtual clock, no browser. The Svelte plugin compiles the renderer's
// `.svelte.ts` state classes for the browser, as Vite does for the app, so they run under test too.
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';
import { catalogues } from './scripts/catalogues.ts';
import { icons } from './scripts/icon-parts.ts';

export default defineConfig({
  plugins: [svelte({ configFile: false, compilerOptions: { runes: true } }), catalogues(), icons()],
  test: {
    environment: 'node',
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], exclude: ['**/*.svelte.test.ts'] } },
      // `*.svelte.test.ts`: the renderer's state classes (and the tests' own runes: $effect.root) compiled for the
      // browser and run on Svelte's client runtime, as in the app — real reactivity, effects and flushSync — still
      // in Node. Vite's client pipeline resolves `svelte` for the browser only when it is inlined, not left to Node.
      {
        extends: true,
        resolve: { conditions: ['browser', 'development'] },
        test: {
          name: 'renderer',
          include: ['tests/unit/renderer/**/*.svelte.test.ts'],
          environment: './tests/unit/renderer/svelte-client-environment.ts',
          server: { deps: { inline: ['svelte', 'esm-env'] } },
        },
      },
    ],
    pool: 'threads',
    maxWorkers: 2,
    // Vitest's 5 s default is a budget a loaded 2-core machine misses for ordinary tests (compiling a module, a
    // Fastify inject) — these are hang guards, not speed limits. Tests doing legitimately slow work (property
    // runs, child processes, the whole scenario library) set a longer timeout of their own.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Off unless asked (`npm run test:unit -- --coverage`): instrumenting costs time that `npm test` does not need.
    coverage: {
      provider: 'v8',
      include: ['renderer/lib/**/*.ts', 'main/**/*.ts'],
      // Wide enough that the file column is not cut short when the output is not a terminal (CI, a log).
      reporter: [['text', { maxCols: 160 }], 'text-summary'],
      reportsDirectory: '.tmp/coverage',
      // The renderer's state under test: its lines must stay at least this well covered (checked on coverage runs only).
      thresholds: { 'renderer/lib/**': { lines: 80 } },
    },
  },
});
