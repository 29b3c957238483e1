// Screenshots for the README and docs/: every shot listed in scripts/shots/*.ts, each on a fresh simulation.
// Run: npx tsx scripts/screenshots.ts [words…]   (only shots whose file name contains one of the words)
// Builds the renderer (into SLS_E2E_RENDERER_DIR when set) and drives Chromium at /usr/bin/chromium.
import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { build } from 'vite';
import { appRoot, defaultScenarioPath, readScenarioFile } from '../main/host/scenario-files.js';
import { formatProblem } from '../main/sim/scenario/load.js';
import { Simulation } from '../main/sim/simulation.js';
import { createWebServer } from '../main/web/server.js';
import type { Shot } from './shots/shot.js';

const root = appRoot();
const docs = path.join(root, 'docs');
const rendererDir = process.env.SLS_E2E_RENDERER_DIR ? path.resolve(process.env.SLS_E2E_RENDERER_DIR) : path.join(root, 'dist', 'renderer');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function freshSimulation(): Simulation {
  const loaded = readScenarioFile(defaultScenarioPath());
  if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  return new Simulation(loaded.scenario);
}

async function allShots(): Promise<Shot[]> {
  const dir = path.join(root, 'scripts', 'shots');
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'shot.ts').sort();
  const shots: Shot[] = [];
  for (const file of files) shots.push(...((await import(pathToFileURL(path.join(dir, file)).href)) as { shots: Shot[] }).shots);
  return shots;
}

async function main(): Promise<void> {
  const words = process.argv.slice(2);
  const shots = (await allShots()).filter((s) => words.length === 0 || words.some((w) => s.file.includes(w)));
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn', build: { outDir: rendererDir, emptyOutDir: true } });
  mkdirSync(docs, { recursive: true });
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  let failed = 0;
  try {
    for (const shot of shots) {
      const sim = freshSimulation();
      const server = await createWebServer({ sim, rendererDir, port: 0 });
      const page = await browser.newPage({ viewport: shot.viewport, deviceScaleFactor: shot.scale });
      try {
        await page.goto(`${server.url}${shot.hash}`);
        await page.locator('html[data-ready]').waitFor();
        await shot.drive(page, sim);
        await page.screenshot({ path: path.join(docs, shot.file) });
        console.log(`saved docs/${shot.file}`);
      } catch (error) {
        failed++;
        console.error(`docs/${shot.file}: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        await page.close();
        await server.close();
      }
    }
  } finally {
    await browser.close();
  }
  if (failed > 0) process.exit(1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
