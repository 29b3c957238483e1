// Bundles the Node-side entry points: Electron main (ESM), preload (CommonJS, for sandbox), web host, the control client.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning' };

const results = await Promise.allSettled([
  build({
    ...common,
    entryPoints: ['main/electron/main.ts'],
    outfile: 'dist/electron/main.js',
    format: 'esm',
    external: ['electron'],
    // ESM bundles of CommonJS dependencies need a require of their own.
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  }),
  build({
    ...common,
    entryPoints: ['preload/preload.ts'],
    outfile: 'dist/electron/preload.cjs',
    format: 'cjs',
    external: ['electron'],
    platform: 'browser',
  }),
  // The typed client for test code, exported by the package as sls-simulator/control.
  build({ ...common, entryPoints: ['main/control-client/index.ts'], outfile: 'dist/control/index.js', format: 'esm', packages: 'external' }),
  build({
    ...common,
    entryPoints: ['main/web/index.ts'],
    outfile: 'dist/web/server.js',
    format: 'esm',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  }),
]);

// Every entry is tried even when one fails, so the shell can still build while another is broken.
const failed = results.filter((r) => r.status === 'rejected');
if (failed.length) {
  for (const f of failed) console.error(f.reason?.message ?? f.reason);
  process.exitCode = 1;
}
