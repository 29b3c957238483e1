// Every second factor's screen: IB Key push and challenge, the device drop-down, the DSC+ fob and the Security Code Card.
import type { Page } from '@playwright/test';
import { LOGIN_WINDOW, logIn, STAGE_720P, type Shot } from './shot.js';

const loginWindow = { viewport: LOGIN_WINDOW, scale: 2 };
const stage = STAGE_720P;

const region = (page: Page) => page.getByRole('region', { name: 'Login', exact: true });

/** The challenge as the login window shows it, read off the screen. */
async function challengeOnScreen(page: Page): Promise<string> {
  return (await region(page).getByLabel('Challenge', { exact: true }).innerText()).replace(/\D/g, '');
}

export const shots: Shot[] = [
  {
    file: 'login-push.png',
    hash: '#login',
    ...loginWindow,
    drive: async (page) => {
      await logIn(page, 'ibkeyios');
      await region(page).getByRole('link', { name: 'Click here if you do not receive the notification' }).waitFor();
    },
  },
  {
    file: 'login-challenge.png',
    hash: '#login',
    ...loginWindow,
    drive: async (page) => {
      await logIn(page, 'ibkeyios');
      await region(page).getByRole('link', { name: 'Click here if you do not receive the notification' }).click();
      await region(page).getByRole('textbox', { name: 'Enter response code' }).waitFor();
    },
  },
  {
    file: 'login-device-select.png',
    hash: '#login',
    ...loginWindow,
    drive: async (page) => {
      await logIn(page, 'multidevice');
      await region(page).getByRole('combobox', { name: 'Select Second Factor Device' }).focus();
    },
  },
  {
    file: 'login-codecard.png',
    hash: '#login',
    ...loginWindow,
    drive: async (page) => {
      await logIn(page, 'carduser');
      await region(page).getByRole('textbox', { name: 'Card Values' }).waitFor();
    },
  },
  {
    file: 'fob.png',
    hash: '',
    ...stage,
    drive: async (page) => {
      await logIn(page, 'dscuser');
      const fob = page.getByRole('region', { name: /^Digital Security Card\+/ });
      const display = fob.getByRole('status', { name: 'Display' });
      const key = (name: string) => fob.getByRole('button', { name, exact: true });
      await key('Press').press('Enter');
      await display.filter({ hasText: 'PIN>' }).waitFor();
      for (const digit of '2468') await key(digit).click();
      await key('OK').click();
      await display.filter({ hasText: 'CHALLNG>' }).waitFor();
      for (const digit of await challengeOnScreen(page)) await key(digit).click();
      await key('OK').click();
      await display.filter({ hasText: /^\d{8}$/ }).waitFor();
      await region(page).getByRole('textbox', { name: 'Enter response code' }).fill(await display.innerText());
    },
  },
  {
    file: 'code-card.png',
    hash: '',
    ...STAGE_720P,
    drive: async (page) => {
      await logIn(page, 'carduser');
      await region(page).getByRole('button', { name: 'View Security Code Card' }).click();
      await page.getByRole('region', { name: /^Security Code Card/ }).getByRole('term').first().waitFor();
      await region(page).getByRole('textbox', { name: 'Card Values' }).focus();
    },
  },
];
