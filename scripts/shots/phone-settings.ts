// The phone's own controls: iOS Control Center, Android quick settings, the app's notification settings, Android "Clear data".
import type { Page } from '@playwright/test';
import { PHONE_WINDOW, type Shot } from './shot.js';

/** One phone window (#phone/<id>): the 360×740 frame with a little room for the side key. */
const phoneWindow = { viewport: PHONE_WINDOW, scale: 2 };

const phone = (page: Page, name: string) => page.getByRole('region', { name: `Phone — ${name}`, exact: true });

/** Home, then the Settings app, as a person would open it. */
async function openSettings(page: Page, name: string): Promise<void> {
  const root = phone(page, name);
  await root.getByRole('button', { name: 'Home', exact: true }).click();
  await root.getByRole('button', { name: 'Settings', exact: true }).click();
}

export const shots: Shot[] = [
  {
    file: 'phone-control-center.png',
    hash: '#phone/ios-phone',
    ...phoneWindow,
    drive: async (page) => {
      const root = phone(page, 'iPhone 15');
      await root.getByRole('button', { name: 'Control Center', exact: true }).click();
      await root.getByRole('button', { name: 'Airplane Mode', exact: true }).click();
      await root.getByRole('button', { name: 'Low Power Mode', exact: true }).click();
      await root.getByRole('button', { name: 'Focus', exact: true }).click();
      await root.getByRole('button', { name: 'Do Not Disturb', exact: true }).click();
      await root.getByRole('button', { name: 'Focus: Do Not Disturb', exact: true }).waitFor();
      await root.getByRole('button', { name: 'Low Power Mode', pressed: true }).waitFor();
      await root.getByRole('button', { name: 'Airplane Mode', pressed: true }).waitFor();
      await page.mouse.move(0, 0);
    },
  },
  {
    file: 'phone-android-quick-settings.png',
    hash: '#phone/android-phone',
    ...phoneWindow,
    drive: async (page) => {
      const root = phone(page, 'Pixel 8');
      await root.getByRole('button', { name: 'Quick settings', exact: true }).click();
      await root.getByRole('button', { name: 'Do Not Disturb', exact: true }).click();
      await root.getByRole('button', { name: 'Battery Saver', exact: true }).click();
      await root.getByRole('button', { name: 'Battery Saver', pressed: true }).waitFor();
      await root.getByRole('button', { name: 'Do Not Disturb', pressed: true }).waitFor();
      await page.mouse.move(0, 0);
    },
  },
  {
    file: 'phone-settings-notifications.png',
    hash: '#phone/ios-phone',
    ...phoneWindow,
    drive: async (page) => {
      const root = phone(page, 'iPhone 15');
      await openSettings(page, 'iPhone 15');
      await root.getByRole('button', { name: 'Notifications', exact: true }).click();
      await root.getByRole('button', { name: /^IBKR Mobile/ }).click();
      await root.getByRole('switch', { name: 'Allow Notifications', checked: true }).waitFor();
      await page.mouse.move(0, 0);
    },
  },
  {
    file: 'phone-android-clear-data.png',
    hash: '#phone/android-phone',
    ...phoneWindow,
    drive: async (page) => {
      const root = phone(page, 'Pixel 8');
      await openSettings(page, 'Pixel 8');
      await root.getByRole('button', { name: /^Apps & notifications/ }).click();
      await root.getByRole('button', { name: /^IBKR Mobile/ }).click();
      await root.getByRole('button', { name: /^Storage/ }).click();
      await root.getByRole('button', { name: 'Clear data', exact: true }).click();
      await root.getByRole('alertdialog', { name: 'Delete app data?' }).waitFor();
      await page.mouse.move(0, 0);
    },
  },
];
