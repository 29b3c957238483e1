// Node, but modules compiled as for the browser: the renderer's `.svelte.ts` classes run with Svelte's client runtime (real runes, effects, flushSync).
import type { Environment } from 'vitest/environments';

export default {
  name: 'svelte-client',
  // The Vite environment that transforms the modules: 'client' makes the Svelte plugin compile for the browser.
  viteEnvironment: 'client',
  setup: () => ({ teardown: () => {} }),
} satisfies Environment;
