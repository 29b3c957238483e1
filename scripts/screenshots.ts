// Screenshots for the README and docs/: the stage during an SMS login, and the login window alone.
// Run: npx tsx scripts/screenshots.ts   (builds the renderer, drives Chromium at /usr/bin/chromium)
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { build } from 'vite';
import { appRoot, defaultScenarioPath, readScenarioFile } from '../main/host/scenario-files.js';
import { formatProblem } from '../main/sim/scenario/load.js';
import { Simulation } from '../main/sim/simulation.js';
import { createWebServer } from '../main/web/server.js';

const root = appRoot();
const docs = path.join(root, 'docs');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function freshSimulation(): Simulation {
  const loaded = readScenarioFile(defaultScenarioPath());
  if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  return new Simulation(loaded.scenario);
}

async function ready(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('html[data-ready]').waitFor();
}

async function main(): Promise<void> {
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
  mkdirSync(docs, { recursive: true });
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  try {
    // The login window alone, at the size of the desktop app's login window.
    {
      const sim = freshSimulation();
      const server = await createWebServer({ sim, rendererDir: path.join(root, 'dist', 'renderer'), port: 0 });
      const page = await browser.newPage({ viewport: { width: 420, height: 560 }, deviceScaleFactor: 2 });
      await ready(page, `${server.url}#login`);
      await page.getByRole('textbox', { name: 'Username' }).fill('smsuser');
      await page.getByRole('textbox', { name: 'Password' }).fill('Demo1234');
      await page.getByRole('textbox', { name: 'Password' }).blur();
      await page.screenshot({ path: path.join(docs, 'login.png') });
      await page.close();
      await server.close();
    }
    // The stage: the code step, and the phone showing the SMS that carries the code.
    {
      const sim = freshSimulation();
      const server = await createWebServer({ sim, rendererDir: path.join(root, 'dist', 'renderer'), port: 0 });
      const page = await browser.newPage({ viewport: { width: 1000, height: 840 }, deviceScaleFactor: 1.5 });
      await ready(page, server.url);
      const login = page.getByRole('region', { name: 'Login' });
      await login.getByRole('textbox', { name: 'Username' }).fill('smsuser');
      await login.getByRole('textbox', { name: 'Password' }).fill('Demo1234');
      await login.getByRole('button', { name: 'Log In' }).click();
      await login.getByRole('textbox', { name: 'Security Code' }).waitFor();
      sim.advance(sim.scenario.timing.smsDelay);
      const phone = page.getByRole('region', { name: 'Phone — iPhone', exact: true });
      await phone.getByRole('list', { name: 'Notifications' }).getByRole('button').first().click();
      await phone.getByRole('list', { name: 'Messages' }).getByRole('listitem').first().waitFor();
      sim.advance(20_000);
      await login.getByRole('textbox', { name: 'Security Code' }).focus();
      await page.screenshot({ path: path.join(docs, 'stage.png') });
      await page.close();
      await server.close();
    }
  } finally {
    await browser.close();
  }
  console.log(`Saved ${path.relative(process.cwd(), path.join(docs, 'stage.png'))} and ${path.relative(process.cwd(), path.join(docs, 'login.png'))}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
