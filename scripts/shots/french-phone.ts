// The demo in French (docs/fr/), at the two screen sizes trainers record at: an SMS on the phone, the IBKR
// Mobile approval, and Android's Storage screen of the cache article. The scenario file sets `locale: fr`,
// so the windows and every account holder are French, as a trainer's own file would make them.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { defaultScenarioPath } from '../../main/host/scenario-files.js';
import type { Simulation } from '../../main/sim/simulation.js';
import { words } from '../catalogue-words.js';
import { DEMO_PASSWORD, type Shot } from './shot.js';

const t = words('fr');
const sizes = [
  { name: '720p', viewport: { width: 1280, height: 720 } },
  { name: '1080p', viewport: { width: 1920, height: 1080 } },
] as const;

/** The demo scenario as a French trainer's file: the same, with `locale: fr`. */
async function inFrench(page: Page, sim: Simulation): Promise<void> {
  const text = `${readFileSync(defaultScenarioPath(), 'utf8')}\nlocale: fr\n`;
  const result = sim.loadScenario({ text, fileName: 'demo-fr.yaml' });
  if (!result.ok) throw new Error(`the French demo scenario did not load: ${JSON.stringify(result)}`);
  await page.locator('html[lang="fr"]').waitFor({ state: 'attached' });
}

/** The login window's fields, by their English or French names (the login window is another surface's catalogue). */
async function logIn(page: Page, username: string): Promise<void> {
  await page.getByRole('textbox', { name: /^(Username|Nom d'utilisateur)$/ }).fill(username);
  await page.getByRole('textbox', { name: /^(Password|Mot de passe)$/ }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /^(Log In|Se connecter)$/ }).click();
}

const phone = (page: Page, name: string) => page.getByRole('region', { name: t('phone.label', { name }), exact: true });

const screens: { file: string; drive: Shot['drive'] }[] = [
  {
    file: 'stage-sms',
    drive: async (page, sim) => {
      await inFrench(page, sim);
      await logIn(page, 'smsuser');
      await page.getByRole('textbox', { name: /^(Security Code|Code de sécurité)$/ }).waitFor();
      sim.advance(sim.scenario.timing.smsDelay);
      const iphone = phone(page, 'iPhone');
      await iphone.getByRole('list', { name: t('phone.lock.notifications'), exact: true }).getByRole('button').first().click();
      await iphone.getByRole('list', { name: t('phone.messages.list'), exact: true }).getByRole('listitem').first().waitFor();
      sim.advance(20_000);
      await page.mouse.move(0, 0);
    },
  },
  {
    file: 'stage-ibkey-approval',
    drive: async (page, sim) => {
      await inFrench(page, sim);
      await logIn(page, 'ibkeyios');
      const iphone = phone(page, 'iPhone 15');
      await iphone.getByRole('button', { name: t('phone.home'), exact: true }).click();
      sim.advance(1_000);
      await iphone.getByRole('status').getByRole('button').click();
      await iphone.getByRole('region', { name: t('ibkr.loginRequest'), exact: true }).waitFor();
      sim.advance(12_000);
      await page.mouse.move(0, 0);
    },
  },
  {
    file: 'stage-android-storage',
    drive: async (page, sim) => {
      await inFrench(page, sim);
      await logIn(page, 'ibkeyandroid');
      const pixel = phone(page, 'Pixel 8');
      await pixel.getByRole('button', { name: t('phone.home'), exact: true }).click();
      await pixel.getByRole('button', { name: t('phone.app.settings.android'), exact: true }).click();
      await pixel.getByRole('button', { name: new RegExp(`^${t('settings.android.title.apps')}`) }).click();
      await pixel.getByRole('button', { name: /^IBKR Mobile/ }).click();
      await pixel.getByRole('button', { name: new RegExp(`^${t('settings.android.storage')}`) }).click();
      await pixel.getByRole('button', { name: t('settings.android.clearData'), exact: true }).waitFor();
      await page.mouse.move(0, 0);
    },
  },
];

export const shots: Shot[] = screens.flatMap((s) =>
  sizes.map((size) => ({ file: `fr/${s.file}-${size.name}.png`, hash: '', viewport: size.viewport, scale: 1, drive: s.drive })),
);
