// The dialogs around a login: Existing session detected, Read-Only Login, Re-login is required,
// Log in progress (attempt #N), each from its library scenario, the login window alone.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { Simulation } from '../../main/sim/simulation.js';
import { LOGIN_WINDOW, logIn, type Shot } from './shot.js';

function load(sim: Simulation, name: string): void {
  const text = readFileSync(new URL(`../../scenarios/library/${name}.yaml`, import.meta.url), 'utf8');
  if (!sim.loadScenario({ text, fileName: `${name}.yaml` }).ok) throw new Error(`${name} did not load`);
}

/** smsuser logs in and types the SMS code the simulation sent. */
async function smsLogin(page: Page, sim: Simulation): Promise<void> {
  const login = page.getByRole('region', { name: 'Login', exact: true });
  await login.getByRole('textbox', { name: 'Username' }).waitFor();
  await logIn(page, 'smsuser');
  await login.getByRole('textbox', { name: 'Security Code' }).waitFor();
  sim.advance(sim.scenario.timing.smsDelay);
  const code = sim.listPending({ username: 'smsuser' }).find((p) => p.kind === 'code')?.code;
  if (!code) throw new Error('no SMS code pending');
  await login.getByRole('textbox', { name: 'Security Code' }).fill(code);
  await login.getByRole('button', { name: 'Log In' }).click();
}

const WINDOW = { hash: '#login', viewport: LOGIN_WINDOW, scale: 2 } as const;

export const shots: Shot[] = [
  {
    file: 'login-existing-session.png',
    ...WINDOW,
    drive: async (page, sim) => {
      load(sim, 'session-existing-continue');
      await smsLogin(page, sim);
      await page.getByRole('heading', { name: 'Existing session detected' }).waitFor();
    },
  },
  {
    file: 'login-read-only.png',
    ...WINDOW,
    drive: async (page, sim) => {
      load(sim, 'read-only-login');
      await page.getByRole('checkbox', { name: 'Read-Only Login' }).check();
      await logIn(page, 'smsuser');
      await page.getByText('Read-only login: orders are disabled in this session.').waitFor();
    },
  },
  {
    file: 'login-relogin-required.png',
    ...WINDOW,
    drive: async (page, sim) => {
      load(sim, 'session-timeout');
      await smsLogin(page, sim);
      await page.getByText('Logged in as smsuser', { exact: true }).waitFor();
      sim.advance(30 * 60_000);
      await page.getByRole('heading', { name: 'Re-login is required' }).waitFor();
    },
  },
  {
    file: 'login-connecting.png',
    ...WINDOW,
    drive: async (page, sim) => {
      load(sim, 'connection-retries');
      await logIn(page, 'smsuser');
      await page.getByRole('heading', { name: 'Log in progress (attempt #1)' }).waitFor();
      sim.advance(10_000);
      await page.getByRole('heading', { name: 'Log in progress (attempt #2)' }).waitFor();
    },
  },
];
