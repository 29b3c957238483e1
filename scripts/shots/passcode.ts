// The temporary passcode (a lost device): the login window asking for it, and the stage at the two recording sizes.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { Simulation } from '../../main/sim/simulation.js';
import { LOGIN_WINDOW, logIn, type Shot } from './shot.js';

/** The library's temporary-passcode scenario, loaded the way a dropped file is, then lostphone logging in. */
async function askedForPasscode(page: Page, sim: Simulation): Promise<void> {
  const text = readFileSync(new URL('../../scenarios/library/temporary-passcode.yaml', import.meta.url), 'utf8');
  const loaded = sim.loadScenario({ text, fileName: 'temporary-passcode.yaml' });
  if (!loaded.ok) throw new Error('the temporary-passcode scenario did not load');
  const login = page.getByRole('region', { name: 'Login', exact: true });
  await login.getByRole('textbox', { name: 'Username' }).waitFor();
  await logIn(page, 'lostphone');
  await login.getByRole('textbox', { name: 'Temporary passcode' }).waitFor();
}

export const shots: Shot[] = [
  { file: 'login-temporary-passcode.png', hash: '#login', viewport: LOGIN_WINDOW, scale: 2, drive: askedForPasscode },
  { file: 'stage-temporary-passcode-720p.png', hash: '', viewport: { width: 1280, height: 720 }, scale: 1, drive: askedForPasscode },
  { file: 'stage-temporary-passcode-1080p.png', hash: '', viewport: { width: 1920, height: 1080 }, scale: 1, drive: askedForPasscode },
];
