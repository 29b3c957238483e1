// The director docked beside the stage: a Do Not Disturb case with its reason and fix, and a rooted phone's faults.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { appRoot } from '../../main/host/scenario-files.js';
import { logIn, type Shot } from './shot.js';

const viewport = { width: 1280, height: 800 };

/** Opens the director, then the phone's faults, and switches one on as a trainer would. */
async function switchOn(page: Page, phone: string, label: string): Promise<void> {
  const director = page.getByRole('region', { name: 'Director', exact: true });
  await page.getByRole('button', { name: 'Director', exact: true }).click();
  await director.getByRole('tab', { name: 'Phones & faults' }).click();
  await director.getByRole('group', { name: 'Phone to control' }).getByRole('button', { name: phone, exact: true }).click();
  await director.getByRole('switch', { name: label, exact: true }).check();
}

/** The login window waits for the notification: the push has been sent. */
async function waitForPush(page: Page): Promise<void> {
  await page.getByRole('region', { name: 'Login', exact: true }).getByText('Click here if you do not receive the notification').waitFor();
}

export const shots: Shot[] = [
  {
    file: 'director.png',
    hash: '',
    viewport,
    scale: 1.5,
    drive: async (page, sim) => {
      // The library's Do Not Disturb scenario, opened as a trainer opens a file.
      const director = page.getByRole('region', { name: 'Director', exact: true });
      await page.getByRole('button', { name: 'Director', exact: true }).click();
      const file = readFileSync(path.join(appRoot(), 'scenarios', 'library', 'push-dnd.yaml'));
      await director.getByLabel('Open scenario file…').setInputFiles({ name: 'push-dnd.yaml', mimeType: 'application/yaml', buffer: file });
      await director.getByRole('heading', { name: 'Push: Do Not Disturb silences the banner' }).waitFor();
      await logIn(page, 'ibkeyios');
      await waitForPush(page);
      sim.advance(1_000);
      await director.getByText(/^Fix: Open the notification list/).waitFor();
      await page.getByRole('region', { name: 'Phone — iPhone' }).getByRole('list', { name: 'Notifications' }).waitFor();
      sim.advance(12_000);
    },
  },
  {
    file: 'director-faults.png',
    hash: '',
    viewport,
    scale: 1.5,
    drive: async (page, sim) => {
      await switchOn(page, 'Pixel 8', 'Rooted');
      await logIn(page, 'ibkeyandroid');
      await waitForPush(page);
      sim.advance(1_000);
      const director = page.getByRole('region', { name: 'Director', exact: true });
      await director.getByText(/^Fix: Use a phone that is not jailbroken/).waitFor();
      await director.getByRole('switch', { name: 'Rooted', exact: true }).focus();
    },
  },
];
