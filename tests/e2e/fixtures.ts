// Test fixtures: a fresh simulation and browser host per test (virtual time moved only by the test), and page objects.
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import { readScenarioFile, defaultScenarioPath } from '../../main/host/scenario-files.js';
import { formatProblem } from '../../main/sim/scenario/load.js';
import { Simulation } from '../../main/sim/simulation.js';
import { createWebServer, type WebServer } from '../../main/web/server.js';
import { LoginWindow } from './pages/LoginWindow.js';
import { PhonePage } from './pages/PhonePage.js';
import { rendererDir } from './renderer-dir.js';


export const DEMO_PASSWORD = 'Demo1234';

interface Options {
  /** A library scenario (`scenarios/library/<name>.yaml`) the world starts on, before the page opens; null: the demo scenario. */
  scenario: string | null;
}

interface Fixtures {
  /** The simulated world behind the page: no pacer, so time stands still unless a test moves it. */
  sim: Simulation;
  server: WebServer;
  /** Moves virtual time (SMS delays, resend limits) without sleeping. */
  advance: (ms: number) => void;
  /** The stage (`/`), loaded and connected to the host's events. */
  login: LoginWindow;
  /** The SMS user's phone on the stage. */
  phone: PhonePage;
}

export const test = base.extend<Options & Fixtures>({
  scenario: [null, { option: true }],
  // A message or an icon shown before its part arrived (i18n.svelte.ts and icon-shapes.ts say so on the console) fails the test.
  page: async ({ page }, use) => {
    const missing: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && /^\[(i18n|icons)\] missing/.test(message.text())) missing.push(message.text());
    });
    await use(page);
    expect(missing, 'messages or icons asked for before their part arrived').toEqual([]);
  },
  sim: async ({ scenario }, use) => {
    const loaded = readScenarioFile(scenario === null ? defaultScenarioPath() : path.resolve('scenarios/library', `${scenario}.yaml`));
    if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
    await use(new Simulation(loaded.scenario));
  },
  server: async ({ sim }, use) => {
    const server = await createWebServer({ sim, rendererDir, port: 0, heartbeatMs: 60_000 });
    await use(server);
    await server.close();
  },
  advance: async ({ sim }, use) => {
    await use((ms) => sim.advance(ms));
  },
  login: async ({ page, server }, use) => {
    await page.goto(server.url);
    // The app marks itself ready once its event stream is open and the first state is loaded.
    await expect(page.locator('html[data-ready]')).toBeAttached();
    await use(new LoginWindow(page));
  },
  phone: async ({ page, login }, use) => {
    void login;
    await use(new PhonePage(page, 'iPhone'));
  },
});

export { expect };
