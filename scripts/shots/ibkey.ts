// IBKR Mobile's install and IB Key's migration on the stage at 1280×720: the App Store's download,
// Google Play's progress, iOS's "Remove App", the migration's screens on the new iPhone 16 and Pixel 9
// (the old phone beside it with the Activation Token), and the Director's "Add a phone".
import type { Page } from '@playwright/test';
import { defaultScenarioPath, readScenarioFile } from '../../main/host/scenario-files.js';
import { formatProblem } from '../../main/sim/scenario/load.js';
import type { Simulation } from '../../main/sim/simulation.js';
import { DEMO_PASSWORD, type Shot } from './shot.js';

const stage = { viewport: { width: 1280, height: 720 }, scale: 1 };

const phone = (page: Page, name: string) => page.getByRole('region', { name: `Phone — ${name}`, exact: true });
const button = (page: Page, phoneName: string, name: string) => phone(page, phoneName).getByRole('button', { name, exact: true });
const app = (page: Page, phoneName: string) => phone(page, phoneName).getByRole('group', { name: 'IBKR Mobile', exact: true });

/** A library scenario in place of the demo, before anything is on screen. */
async function load(page: Page, sim: Simulation, name: string): Promise<void> {
  const loaded = readScenarioFile(defaultScenarioPath().replace(/default\.yaml$/, `library/${name}.yaml`));
  if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  sim.load(loaded.scenario);
  await page.getByRole('region', { name: 'Login', exact: true }).waitFor();
}

/** The user's name typed in the login window: the stage puts their phone beside it. */
async function typeUser(page: Page, username: string): Promise<void> {
  await page.getByRole('region', { name: 'Login', exact: true }).getByRole('textbox', { name: 'Username' }).fill(username);
}

/** The migration article's steps 1 to 4 on the new phone (the trading device on the stage), up to the Activation Token. */
async function migrateUpToToken(page: Page, sim: Simulation, newPhone: string, username: string): Promise<void> {
  await page.getByRole('button', { name: 'Trading device', exact: true }).click();
  await button(page, newPhone, 'Home').click();
  await button(page, newPhone, 'IBKR Mobile').click();
  await app(page, newPhone).getByRole('textbox', { name: 'Username', exact: true }).fill(username);
  await app(page, newPhone).getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await button(page, newPhone, 'Log In').click();
  await button(page, newPhone, 'Migrate IB Key').click();
  await button(page, newPhone, 'Migrate IB Key').click();
  await button(page, newPhone, 'Continue').click();
  await app(page, newPhone).getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await button(page, newPhone, 'Log In').click();
  await app(page, newPhone).getByRole('status').waitFor();
  sim.advance(sim.scenario.timing.smsDelay);
}

/** The old phone's Messages, where the Activation Token is read. */
async function tokenOn(page: Page, oldPhone: string): Promise<string> {
  await button(page, oldPhone, 'Home').click();
  await phone(page, oldPhone).getByRole('button', { name: /^Messages/ }).click();
  const last = phone(page, oldPhone).getByRole('list', { name: 'Messages' }).getByRole('listitem').last();
  await last.waitFor();
  return /\b(\d{6})\b/.exec(await last.innerText())![1]!;
}

export const shots: Shot[] = [
  {
    file: 'ibkey-store-ios.png',
    hash: '',
    ...stage,
    drive: async (page, sim) => {
      await load(page, sim, 'install-activate-ibkey');
      await typeUser(page, 'smsuser');
      await button(page, 'iPhone', 'Home').click();
      await button(page, 'iPhone', 'App Store').click();
      await button(page, 'iPhone', 'Get').click();
      sim.advance(2_500);
      await phone(page, 'iPhone').getByRole('progressbar', { name: 'Loading…' }).waitFor();
    },
  },
  {
    file: 'ibkey-store-android.png',
    hash: '',
    ...stage,
    drive: async (page, sim) => {
      sim.uninstallApp({ phoneId: 'android-phone' });
      await typeUser(page, 'ibkeyandroid');
      await button(page, 'Pixel 8', 'Home').click();
      await button(page, 'Pixel 8', 'Play Store').click();
      await button(page, 'Pixel 8', 'Install').click();
      sim.advance(2_500);
      await phone(page, 'Pixel 8').getByText('50% of 48.2 MB').waitFor();
    },
  },
  {
    file: 'ibkey-remove-ios.png',
    hash: '',
    ...stage,
    drive: async (page) => {
      await typeUser(page, 'ibkeyios');
      await button(page, 'iPhone 15', 'Home').click();
      await button(page, 'iPhone 15', 'IBKR Mobile').click({ button: 'right' });
      await phone(page, 'iPhone 15').getByRole('menuitem', { name: 'Remove App' }).click();
      await button(page, 'iPhone 15', 'Delete App').click();
      await phone(page, 'iPhone 15').getByRole('alertdialog', { name: 'Delete “IBKR Mobile”?' }).waitFor();
    },
  },
  {
    file: 'ibkey-migrate-confirm.png',
    hash: '',
    ...stage,
    drive: async (page, sim) => {
      await load(page, sim, 'migrate-ibkey-ios');
      await page.getByRole('button', { name: 'Trading device', exact: true }).click();
      await button(page, 'iPhone 16', 'Home').click();
      await button(page, 'iPhone 16', 'IBKR Mobile').click();
      await app(page, 'iPhone 16').getByRole('textbox', { name: 'Username', exact: true }).fill('ibkeyios');
      await app(page, 'iPhone 16').getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
      await button(page, 'iPhone 16', 'Log In').click();
      await button(page, 'iPhone 16', 'Migrate IB Key').click();
      await app(page, 'iPhone 16').getByRole('heading', { name: 'Migrate IB Key' }).waitFor();
    },
  },
  {
    file: 'ibkey-migrate-code.png',
    hash: '',
    ...stage,
    drive: async (page, sim) => {
      await load(page, sim, 'migrate-ibkey-ios');
      await migrateUpToToken(page, sim, 'iPhone 16', 'ibkeyios');
      const token = await tokenOn(page, 'iPhone 15');
      await app(page, 'iPhone 16').getByLabel('Activation Code', { exact: true }).fill(token);
    },
  },
  {
    file: 'ibkey-migrate-android-pin.png',
    hash: '',
    ...stage,
    drive: async (page, sim) => {
      await load(page, sim, 'migrate-ibkey-android');
      await migrateUpToToken(page, sim, 'Pixel 9', 'ibkeyandroid');
      const token = await tokenOn(page, 'Pixel 8');
      await app(page, 'Pixel 9').getByLabel('SMS Code', { exact: true }).fill(token);
      await button(page, 'Pixel 9', 'Verify').click();
      await app(page, 'Pixel 9').getByLabel('PIN', { exact: true }).fill('abcd');
      await app(page, 'Pixel 9').getByLabel('Repeat PIN', { exact: true }).fill('abcd');
      await button(page, 'Pixel 9', 'Activate').click();
      await app(page, 'Pixel 9').getByRole('alert').waitFor();
    },
  },
  {
    file: 'ibkey-migrate-done.png',
    hash: '',
    ...stage,
    drive: async (page, sim) => {
      await load(page, sim, 'migrate-ibkey-ios');
      await migrateUpToToken(page, sim, 'iPhone 16', 'ibkeyios');
      const token = await tokenOn(page, 'iPhone 15');
      await app(page, 'iPhone 16').getByLabel('Activation Code', { exact: true }).fill(token);
      await button(page, 'iPhone 16', 'Activate').click();
      await app(page, 'iPhone 16').getByText('IB Key migrated').waitFor();
      // The old phone's Services: IB Key moved.
      await button(page, 'iPhone 15', 'Home').click();
      await button(page, 'iPhone 15', 'IBKR Mobile').click();
      await button(page, 'iPhone 15', 'Services').click();
      await app(page, 'iPhone 15').getByText(/IB Key was migrated to another phone/).waitFor();
    },
  },
  {
    file: 'ibkey-add-phone.png',
    hash: '',
    ...stage,
    drive: async (page) => {
      const director = page.getByRole('region', { name: 'Director', exact: true });
      await page.getByRole('button', { name: 'Director', exact: true }).click();
      await director.getByRole('tab', { name: 'People & devices' }).click();
      const form = director.getByRole('form', { name: 'Add a phone' });
      await form.getByRole('combobox', { name: 'Owner' }).selectOption('smsuser');
      await form.getByRole('combobox', { name: 'Platform' }).selectOption('Android');
      await form.getByRole('combobox', { name: 'Model' }).selectOption('Google Pixel 9');
      await form.getByRole('textbox', { name: 'Phone id' }).fill('sms-phone');
      await form.getByRole('button', { name: 'Add phone' }).click();
      await director.getByRole('alert').waitFor();
      await form.scrollIntoViewIfNeeded();
    },
  },
];
