// The app's notification settings, as its owner changes them in the phone's Settings app and sees the
// effect on the next login's push: banners, the lock screen, Show Previews, badges, Override Do Not Disturb.
import { test, expect, DEMO_PASSWORD } from './fixtures.js';
import { expectAccessible } from './axe.js';
import { PhonePage } from './pages/PhonePage.js';

/** Push services take about a second to reach a connected phone. */
const PUSH_LATENCY = 1_000;

test('iOS: Banners off, no banner but the push waits in Notification Center; Show Previews Never hides its text; Badges count it', async ({ page, server, login, advance }) => {
  const iphone = await PhonePage.inWindow(page, server.url, 'ios-phone', 'iPhone 15');
  await iphone.openSettings();
  await iphone.row('Notifications').click();
  await iphone.row('IBKR Mobile').click();
  const banners = iphone.root.getByRole('checkbox', { name: 'Banners', exact: true });
  await expect(banners).toHaveAttribute('aria-checked', 'true');
  await expect(iphone.row('Banner Style')).toContainText('Temporary');
  await banners.click();
  await expect(banners).toHaveAttribute('aria-checked', 'false');
  // iOS hides Banner Style with the banners.
  await expect(iphone.row('Banner Style')).toHaveCount(0);
  await iphone.row('Show Previews').click();
  await iphone.row('Never').click();
  await expectAccessible(iphone.page, 'iOS Settings → IBKR Mobile → Show Previews');
  await iphone.button('Back').click();
  await expect(iphone.row('Show Previews')).toContainText('Never');
  await expectAccessible(iphone.page, 'iOS Settings → Notifications → IBKR Mobile');

  await login.logIn('ibkeyios', DEMO_PASSWORD);
  await expect(login.root.getByText('Waiting for approval on your phone')).toBeVisible();
  advance(PUSH_LATENCY);
  await iphone.home.click();
  await expect(iphone.banner).toHaveCount(0);
  // The icon's badge counts it.
  await expect(iphone.button('IBKR Mobile, 1 notification')).toBeVisible();
  await iphone.button('Notification Center').click();
  await expect(iphone.notifications).toHaveCount(1);
  // Show Previews "Never": the app's name and "Notification", not the request's text.
  await expect(iphone.notifications.first()).toContainText('IBKR Mobile');
  await expect(iphone.notifications.first()).toContainText('Notification');
  await expect(iphone.notifications.first()).not.toContainText('Login request');
  await expectAccessible(iphone.page, 'iOS Notification Center, preview hidden');
});

test('iOS: Banner Style Persistent keeps the banner up; Lock Screen off takes the push off the locked screen', async ({ page, server, login, advance }) => {
  const iphone = await PhonePage.inWindow(page, server.url, 'ios-phone', 'iPhone 15');
  await iphone.openSettings();
  await iphone.row('Notifications').click();
  await iphone.row('IBKR Mobile').click();
  await iphone.row('Banner Style').click();
  await iphone.row('Persistent').click();
  await expectAccessible(iphone.page, 'iOS Settings → IBKR Mobile → Banner Style');
  await iphone.button('Back').click();
  await expect(iphone.row('Banner Style')).toContainText('Persistent');
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
  const locked = await PhonePage.inWindow(page, server.url, 'ios-phone', 'iPhone 15');
  await expect(locked.root.getByText(/Swipe up to open|Press Home to open/)).toBeVisible();
  await expect(locked.notifications).toHaveCount(0);
  await locked.home.click();
  await locked.button('Notification Center').click();
  await expect(locked.notifications).toHaveCount(1);
});

test('Android: Override Do Not Disturb lets the push through Do Not Disturb with its pop-up', async ({ page, server, login, advance }) => {
  const pixel = await PhonePage.inWindow(page, server.url, 'android-phone', 'Pixel 8');
  await pixel.button('Quick settings').click();
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

  await pixel.row('Apps & notifications').click();
  await pixel.row('IBKR Mobile').click();
  await pixel.row('App notifications').click();
  const override = pixel.setting('Override Do Not Disturb');
  await expect(override).toHaveAttribute('aria-checked', 'false');
  await override.click();
  await expect(override).toHaveAttribute('aria-checked', 'true');
  await expectAccessible(pixel.page, 'Android Settings → IBKR Mobile → Notifications');

  await login.logIn('ibkeyandroid', DEMO_PASSWORD);
  advance(PUSH_LATENCY);
  await expect(pixel.banner).toContainText('Login request');
});

test('Android: Allow interruptions off, no pop-up but the push is in the shade; the notification dot goes with its switch', async ({ page, server, login, advance }) => {
  const pixel = await PhonePage.inWindow(page, server.url, 'android-phone', 'Pixel 8');
  await pixel.openSettings();
  await pixel.row('Apps & notifications').click();
  await pixel.row('IBKR Mobile').click();
  await pixel.row('App notifications').click();
  await pixel.setting('Allow interruptions').click();
  await expect(pixel.setting('Allow interruptions')).toHaveAttribute('aria-checked', 'false');

  await login.logIn('ibkeyandroid', DEMO_PASSWORD);
  advance(PUSH_LATENCY);
  await pixel.home.click();
  await expect(pixel.banner).toHaveCount(0);
  await expect(pixel.button('IBKR Mobile, 1 notification')).toBeVisible();
  await pixel.button('Quick settings').click();
  await expect(pixel.root.getByRole('list', { name: 'Notifications in quick settings' })).toContainText('Login request');
  await pixel.page.keyboard.press('Escape');

  await pixel.openSettings();
  await pixel.row('Apps & notifications').click();
  await pixel.row('IBKR Mobile').click();
  await pixel.row('App notifications').click();
  await pixel.setting('Allow notification dots').click();
  await pixel.home.click();
  await expect(pixel.button('IBKR Mobile')).toBeVisible();
});

test('iOS Focus: IBKR Mobile allowed in Work passes Work only; Sleep keeps its own Allowed Apps and silences it', async ({ page, server, login, advance }) => {
  const iphone = await PhonePage.inWindow(page, server.url, 'ios-phone', 'iPhone 15');
  await iphone.openSettings();
  await iphone.row('Focus').click();
  await iphone.row('Work').click();
  await iphone.row('Apps').click();
  await iphone.button('Add').click();
  await iphone.row('IBKR Mobile').click();
  await expect(iphone.button('Remove IBKR Mobile')).toBeVisible();
  await expectAccessible(iphone.page, 'iOS Settings → Focus → Work → Apps');
  await iphone.button('Back').click();
  await expect(iphone.row('Apps')).toContainText('1 app');
  await iphone.button('Back').click();

  // Sleep has its own list, still empty: the article's "repeat this operation for the other focus patterns".
  await iphone.row('Sleep').click();
  await expect(iphone.row('Apps')).toContainText('None');
  await iphone.setting('Sleep').click();
  await expect(iphone.setting('Sleep')).toHaveAttribute('aria-checked', 'true');
  await expectAccessible(iphone.page, 'iOS Settings → Focus → Sleep');

  await login.logIn('ibkeyios', DEMO_PASSWORD);
  advance(PUSH_LATENCY);
  await expect(iphone.banner).toHaveCount(0);
  await login.root.getByRole('button', { name: 'Cancel' }).click();

  // Work on instead: the app passes with its banner.
  await iphone.button('Back').click();
  await iphone.row('Work').click();
  await iphone.setting('Work').click();
  await expect(iphone.setting('Work')).toHaveAttribute('aria-checked', 'true');
  await login.logIn('ibkeyios', DEMO_PASSWORD);
  advance(PUSH_LATENCY);
  await expect(iphone.banner).toContainText('Login request');
});
