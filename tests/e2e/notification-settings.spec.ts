// The app's notification settings, as its owner changes them in the phone's Settings app and sees the
// effect on the next login's push: banners, the lock screen, Show Previews, badges, Override Do Not Disturb.
import type { Page } from '@playwright/test';
import { test, expect, DEMO_PASSWORD } from './fixtures.js';
import { expectAccessible } from './axe.js';
import { PhonePage } from './pages/PhonePage.js';

/** Push services take about a second to reach a connected phone. */
const PUSH_LATENCY = 1_000;

/** The phone's own window (#phone/<id>), as Electron opens it beside the login window. */
async function phoneWindow(page: Page, url: string, id: string, name: string): Promise<PhonePage> {
  const window = await page.context().newPage();
  await window.goto(`${url}#phone/${id}`);
  await expect(window.locator('html[data-ready]')).toBeAttached();
  return new PhonePage(window, name);
}

const button = (phone: PhonePage, name: string) => phone.root.getByRole('button', { name, exact: true });
const setting = (phone: PhonePage, name: string) => phone.root.getByRole('switch', { name, exact: true });
const row = (phone: PhonePage, label: string) => phone.root.getByRole('button', { name: new RegExp(`^${label}`) });

test('iOS: Banners off, no banner but the push waits in Notification Center; Show Previews Never hides its text; Badges count it', async ({ page, server, login, advance }) => {
  const iphone = await phoneWindow(page, server.url, 'ios-phone', 'iPhone 15');
  await iphone.openSettings();
  await row(iphone, 'Notifications').click();
  await row(iphone, 'IBKR Mobile').click();
  const banners = iphone.root.getByRole('checkbox', { name: 'Banners', exact: true });
  await expect(banners).toHaveAttribute('aria-checked', 'true');
  await expect(row(iphone, 'Banner Style')).toContainText('Temporary');
  await banners.click();
  await expect(banners).toHaveAttribute('aria-checked', 'false');
  // iOS hides Banner Style with the banners.
  await expect(row(iphone, 'Banner Style')).toHaveCount(0);
  await row(iphone, 'Show Previews').click();
  await row(iphone, 'Never').click();
  await expectAccessible(iphone.page, 'iOS Settings → IBKR Mobile → Show Previews');
  await button(iphone, 'Back').click();
  await expect(row(iphone, 'Show Previews')).toContainText('Never');
  await expectAccessible(iphone.page, 'iOS Settings → Notifications → IBKR Mobile');

  await login.logIn('ibkeyios', DEMO_PASSWORD);
  await expect(login.root.getByText('Waiting for approval on your phone')).toBeVisible();
  advance(PUSH_LATENCY);
  await iphone.home.click();
  await expect(iphone.banner).toHaveCount(0);
  // The icon's badge counts it.
  await expect(button(iphone, 'IBKR Mobile, 1 notification')).toBeVisible();
  await button(iphone, 'Notification Center').click();
  await expect(iphone.notifications).toHaveCount(1);
  // Show Previews "Never": the app's name and "Notification", not the request's text.
  await expect(iphone.notifications.first()).toContainText('IBKR Mobile');
  await expect(iphone.notifications.first()).toContainText('Notification');
  await expect(iphone.notifications.first()).not.toContainText('Login request');
  await expectAccessible(iphone.page, 'iOS Notification Center, preview hidden');
});

test('iOS: Banner Style Persistent keeps the banner up; Lock Screen off takes the push off the locked screen', async ({ page, server, login, advance }) => {
  const iphone = await phoneWindow(page, server.url, 'ios-phone', 'iPhone 15');
  await iphone.openSettings();
  await row(iphone, 'Notifications').click();
  await row(iphone, 'IBKR Mobile').click();
  await row(iphone, 'Banner Style').click();
  await row(iphone, 'Persistent').click();
  await expectAccessible(iphone.page, 'iOS Settings → IBKR Mobile → Banner Style');
  await button(iphone, 'Back').click();
  await expect(row(iphone, 'Banner Style')).toContainText('Persistent');
  const lockScreen = iphone.root.getByRole('checkbox', { name: 'Lock Screen', exact: true });
  await lockScreen.click();
  await expect(lockScreen).toHaveAttribute('aria-checked', 'false');

  await login.logIn('ibkeyios', DEMO_PASSWORD);
  advance(PUSH_LATENCY);
  await expect(iphone.banner).toContainText('Login request');
  // A temporary banner goes up after 6 s; a persistent one stays.
  advance(60_000);
  await expect(iphone.banner).toContainText('Login request');

  // Locked (the phone's window opened afresh shows its lock screen), the phone does not show it;
  // Notification Center, pulled down once unlocked, does.
  const locked = await phoneWindow(page, server.url, 'ios-phone', 'iPhone 15');
  await expect(locked.root.getByText(/Swipe up to open|Press Home to open/)).toBeVisible();
  await expect(locked.notifications).toHaveCount(0);
  await locked.home.click();
  await button(locked, 'Notification Center').click();
  await expect(locked.notifications).toHaveCount(1);
});

test('Android: Override Do Not Disturb lets the push through Do Not Disturb with its pop-up', async ({ page, server, login, advance }) => {
  const pixel = await phoneWindow(page, server.url, 'android-phone', 'Pixel 8');
  await button(pixel, 'Quick settings').click();
  const shade = pixel.root.getByRole('dialog', { name: 'Quick settings' });
  await shade.getByRole('button', { name: 'Do Not Disturb' }).click();
  await expect(shade.getByRole('button', { name: 'Do Not Disturb' })).toHaveAttribute('aria-pressed', 'true');
  await pixel.page.keyboard.press('Escape');

  // Do Not Disturb alone: silenced, no pop-up.
  await pixel.openSettings();
  await login.logIn('ibkeyandroid', DEMO_PASSWORD);
  advance(PUSH_LATENCY);
  await expect(pixel.banner).toHaveCount(0);
  await login.root.getByRole('button', { name: 'Cancel' }).click();

  await row(pixel, 'Apps & notifications').click();
  await row(pixel, 'IBKR Mobile').click();
  await row(pixel, 'App notifications').click();
  const override = setting(pixel, 'Override Do Not Disturb');
  await expect(override).toHaveAttribute('aria-checked', 'false');
  await override.click();
  await expect(override).toHaveAttribute('aria-checked', 'true');
  await expectAccessible(pixel.page, 'Android Settings → IBKR Mobile → Notifications');

  await login.logIn('ibkeyandroid', DEMO_PASSWORD);
  advance(PUSH_LATENCY);
  await expect(pixel.banner).toContainText('Login request');
});

test('Android: Allow interruptions off, no pop-up but the push is in the shade; the notification dot goes with its switch', async ({ page, server, login, advance }) => {
  const pixel = await phoneWindow(page, server.url, 'android-phone', 'Pixel 8');
  await pixel.openSettings();
  await row(pixel, 'Apps & notifications').click();
  await row(pixel, 'IBKR Mobile').click();
  await row(pixel, 'App notifications').click();
  await setting(pixel, 'Allow interruptions').click();
  await expect(setting(pixel, 'Allow interruptions')).toHaveAttribute('aria-checked', 'false');

  await login.logIn('ibkeyandroid', DEMO_PASSWORD);
  advance(PUSH_LATENCY);
  await pixel.home.click();
  await expect(pixel.banner).toHaveCount(0);
  await expect(button(pixel, 'IBKR Mobile, 1 notification')).toBeVisible();
  await button(pixel, 'Quick settings').click();
  await expect(pixel.root.getByRole('list', { name: 'Notifications in quick settings' })).toContainText('Login request');
  await pixel.page.keyboard.press('Escape');

  await pixel.openSettings();
  await row(pixel, 'Apps & notifications').click();
  await row(pixel, 'IBKR Mobile').click();
  await row(pixel, 'App notifications').click();
  await setting(pixel, 'Allow notification dots').click();
  await pixel.home.click();
  await expect(button(pixel, 'IBKR Mobile')).toBeVisible();
});

test('iOS Focus: IBKR Mobile allowed in Work passes Work only; Sleep keeps its own Allowed Apps and silences it', async ({ page, server, login, advance }) => {
  const iphone = await phoneWindow(page, server.url, 'ios-phone', 'iPhone 15');
  await iphone.openSettings();
  await row(iphone, 'Focus').click();
  await row(iphone, 'Work').click();
  await row(iphone, 'Apps').click();
  await button(iphone, 'Add').click();
  await row(iphone, 'IBKR Mobile').click();
  await expect(button(iphone, 'Remove IBKR Mobile')).toBeVisible();
  await expectAccessible(iphone.page, 'iOS Settings → Focus → Work → Apps');
  await button(iphone, 'Back').click();
  await expect(row(iphone, 'Apps')).toContainText('1 app');
  await button(iphone, 'Back').click();

  // Sleep has its own list, still empty: the article's "repeat this operation for the other focus patterns".
  await row(iphone, 'Sleep').click();
  await expect(row(iphone, 'Apps')).toContainText('None');
  await setting(iphone, 'Sleep').click();
  await expect(setting(iphone, 'Sleep')).toHaveAttribute('aria-checked', 'true');
  await expectAccessible(iphone.page, 'iOS Settings → Focus → Sleep');

  await login.logIn('ibkeyios', DEMO_PASSWORD);
  advance(PUSH_LATENCY);
  await expect(iphone.banner).toHaveCount(0);
  await login.root.getByRole('button', { name: 'Cancel' }).click();

  // Work on instead: the app passes with its banner.
  await button(iphone, 'Back').click();
  await row(iphone, 'Work').click();
  await setting(iphone, 'Work').click();
  await expect(setting(iphone, 'Work')).toHaveAttribute('aria-checked', 'true');
  await login.logIn('ibkeyios', DEMO_PASSWORD);
  advance(PUSH_LATENCY);
  await expect(iphone.banner).toContainText('Login request');
});
