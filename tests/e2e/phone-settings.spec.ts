// The phone's own controls, as its owner uses them to fix a missing code or notification: quick settings, Settings, the power key.
import { test, expect, DEMO_PASSWORD } from './fixtures.js';
import { PhonePage } from './pages/PhonePage.js';

const SMS_DELAY = 3_000;
/** Push services take about a second to reach a connected phone. */
const PUSH_LATENCY = 1_000;

test('airplane mode from Control Center holds the SMS; switched off, the code arrives and the login succeeds', async ({ login, phone, advance }) => {
  await phone.button('Control Center').click();
  const panel = phone.root.getByRole('dialog', { name: 'Control Center' });
  await panel.getByRole('button', { name: 'Airplane Mode' }).click();
  await expect(panel.getByRole('button', { name: 'Airplane Mode' })).toHaveAttribute('aria-pressed', 'true');
  // Wi-Fi and cellular data go with it.
  await expect(panel.getByRole('button', { name: 'Wi-Fi' })).toBeDisabled();
  await phone.page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(phone.root.getByText(/^Airplane mode, battery/)).toBeAttached();

  await login.logIn('smsuser', DEMO_PASSWORD);
  await expect(login.securityCode).toBeVisible();
  advance(SMS_DELAY + 60_000);
  await expect(phone.notifications).toHaveCount(0);

  await phone.button('Control Center').click();
  await panel.getByRole('button', { name: 'Airplane Mode' }).click();
  await expect(panel.getByRole('button', { name: 'Airplane Mode' })).toHaveAttribute('aria-pressed', 'false');
  await phone.button('Close Control Center').click();
  // The network delivers what it held as soon as the phone is back on it.
  await expect(phone.root.getByText(/^Verizon, 4 of 4 bars, Wi-Fi/)).toBeAttached();
  await expect(phone.notifications).toHaveCount(1);
  await phone.notifications.first().click();
  await login.enterCode(await phone.latestCode());
  await expect(login.loggedInAs('smsuser')).toBeVisible();
});

test('notifications turned off in Android Settings: no push; on again, the next login\'s push arrives', async ({ page, server, login, advance }) => {
  const pixel = await PhonePage.inWindow(page, server.url, 'android-phone', 'Pixel 8');
  await pixel.openSettings();
  await pixel.row('Apps & notifications').click();
  await pixel.row('IBKR Mobile').click();
  await expect(pixel.row('App notifications')).toContainText('On');
  await pixel.row('App notifications').click();
  const all = pixel.setting('All IBKR Mobile notifications');
  await all.click();
  await expect(all).toHaveAttribute('aria-checked', 'false');

  await login.logIn('ibkeyandroid', DEMO_PASSWORD);
  await expect(login.root.getByText('Waiting for approval on your phone')).toBeVisible();
  advance(PUSH_LATENCY + 30_000);
  await pixel.button('Quick settings').click();
  await expect(pixel.root.getByText('No notifications')).toBeVisible();
  await pixel.page.keyboard.press('Escape');
  await login.root.getByRole('button', { name: 'Cancel' }).click();

  await all.click();
  await expect(all).toHaveAttribute('aria-checked', 'true');
  await login.logIn('ibkeyandroid', DEMO_PASSWORD);
  advance(PUSH_LATENCY);
  await expect(pixel.banner).toContainText('Login request');
  // The first push was dropped, not held: only the new one is in the list.
  await pixel.button('Quick settings').click();
  await expect(pixel.root.getByRole('list', { name: 'Notifications in quick settings' }).getByRole('listitem')).toHaveCount(1);
});

test('Android Storage → Clear data → OK deletes the app\'s data: IB Key is no longer active', async ({ page, server, login, advance }) => {
  const pixel = await PhonePage.inWindow(page, server.url, 'android-phone', 'Pixel 8');
  await pixel.openSettings();
  await pixel.row('Apps & notifications').click();
  await pixel.row('IBKR Mobile').click();
  await pixel.row('Storage').click();
  await expect(pixel.row('User data')).toHaveCount(0); // scenery rows are not buttons
  await expect(pixel.root.getByText('6.4 MB')).toBeVisible();

  // Cancel first: nothing is deleted.
  await pixel.button('Clear data').click();
  const dialog = pixel.root.getByRole('alertdialog', { name: 'Delete app data?' });
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(pixel.root.getByText('6.4 MB')).toBeVisible();

  await pixel.button('Clear data').click();
  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(pixel.root.getByText('User data')).toBeVisible();
  await expect(pixel.root.getByText('6.4 MB')).toHaveCount(0);

  // The app, opened again, has forgotten IB Key (cache article: relaunch the app).
  await pixel.home.click();
  await pixel.root.getByRole('button', { name: 'IBKR Mobile' }).click();
  await pixel.root.getByRole('button', { name: 'Services', exact: true }).click();
  await expect(pixel.root.getByText(/IB Key is not activated/)).toBeVisible();

  // Without its data the app holds no IB Key: a login's notification never comes.
  await login.logIn('ibkeyandroid', DEMO_PASSWORD);
  advance(PUSH_LATENCY + 30_000);
  await pixel.button('Quick settings').click();
  await expect(pixel.root.getByText('No notifications')).toBeVisible();
});

test('a phone switched off with its side button gets the held SMS once switched on again', async ({ login, phone, advance }) => {
  await phone.button('Side button').click();
  await phone.button('Power Off').click();
  await expect(phone.root.getByText('Switched off')).toBeAttached();
  await expect(phone.home).toHaveCount(0);

  await login.logIn('smsuser', DEMO_PASSWORD);
  advance(SMS_DELAY + 60_000);
  await expect(phone.notifications).toHaveCount(0);

  await phone.button('Side button').click();
  await expect(phone.home).toBeVisible();
  await expect(phone.notifications).toHaveCount(1);
  await phone.notifications.first().click();
  await login.enterCode(await phone.latestCode());
  await expect(login.loggedInAs('smsuser')).toBeVisible();
});

test('an SMS stuck in the phone arrives after switching it off and on (SMS article, step 2)', async ({ sim, login, phone, advance }) => {
  // A glitch no user can cause: the director's fault, set through the simulation.
  sim.setPhoneState({ phoneId: 'sms-phone', patch: { smsStuck: true } });
  await login.logIn('smsuser', DEMO_PASSWORD);
  advance(SMS_DELAY + 60_000);
  await expect(phone.notifications).toHaveCount(0);

  await phone.button('Side button').click();
  const menu = phone.root.getByRole('dialog', { name: 'Power' });
  await expect(menu.getByRole('button', { name: 'Power Off' })).toBeFocused();
  await menu.getByRole('button', { name: 'Cancel' }).click();
  await expect(menu).toHaveCount(0);
  await expect(phone.notifications).toHaveCount(0);

  await phone.button('Side button').click();
  await phone.button('Power Off').click();
  await expect(phone.root.getByText('Switched off')).toBeAttached();
  await phone.button('Side button').click();
  await expect(phone.notifications).toHaveCount(1);
  await phone.notifications.first().click();
  await login.enterCode(await phone.latestCode());
  await expect(login.loggedInAs('smsuser')).toBeVisible();
});

test('Android Restart clears an unstable connection: the next login\'s push arrives', async ({ sim, page, server, login, advance }) => {
  sim.setPhoneState({ phoneId: 'android-phone', patch: { poorConnection: true } });
  const pixel = await PhonePage.inWindow(page, server.url, 'android-phone', 'Pixel 8');
  await login.logIn('ibkeyandroid', DEMO_PASSWORD);
  advance(PUSH_LATENCY);
  await expect(pixel.notifications).toHaveCount(0);
  await login.root.getByRole('button', { name: 'Cancel' }).click();

  await pixel.button('Power button').click();
  await pixel.button('Restart').click();
  await expect(pixel.root.getByRole('dialog', { name: 'Power' })).toHaveCount(0);
  await login.logIn('ibkeyandroid', DEMO_PASSWORD);
  advance(PUSH_LATENCY);
  await expect(pixel.notifications).toHaveCount(1);
  await expect(pixel.notifications.first()).toContainText('Login request');
});

test('iOS Focus silences the push; allowing the app in Settings → Focus lets the next one through', async ({ page, server, login, advance }) => {
  const iphone = await PhonePage.inWindow(page, server.url, 'ios-phone', 'iPhone 15');
  await iphone.button('Control Center').click();
  await iphone.button('Focus').click();
  await iphone.button('Do Not Disturb').click();
  await expect(iphone.button('Focus: Do Not Disturb')).toBeVisible();
  await iphone.page.keyboard.press('Escape');
  await expect(iphone.root.getByText(/Do Not Disturb, battery/)).toBeAttached();

  await iphone.openSettings();
  await login.logIn('ibkeyios', DEMO_PASSWORD);
  advance(PUSH_LATENCY);
  // Delivered but silenced: no banner, but it waits in Notification Center (article step 2).
  await iphone.button('Notification Center').click();
  await expect(iphone.notifications).toHaveCount(1);
  await expect(iphone.notifications.first()).toContainText('Login request');
  await iphone.openSettings();
  await expect(iphone.banner).toHaveCount(0);
  await login.root.getByRole('button', { name: 'Cancel' }).click();

  await iphone.row('Focus').click();
  await expect(iphone.row('Do Not Disturb')).toContainText('On');
  await iphone.row('Do Not Disturb').click();
  await expect(iphone.setting('Do Not Disturb')).toHaveAttribute('aria-checked', 'true');
  await iphone.row('Apps').click();
  await iphone.button('Add').click();
  await iphone.row('IBKR Mobile').click();
  await expect(iphone.button('Remove IBKR Mobile')).toBeVisible();

  await login.logIn('ibkeyios', DEMO_PASSWORD);
  advance(PUSH_LATENCY);
  await expect(iphone.banner).toContainText('Login request');
});

test('Battery Saver holds the push; turned off in quick settings, the push arrives', async ({ page, server, login, advance }) => {
  const pixel = await PhonePage.inWindow(page, server.url, 'android-phone', 'Pixel 8');
  await pixel.button('Quick settings').click();
  const shade = pixel.root.getByRole('dialog', { name: 'Quick settings' });
  await shade.getByRole('button', { name: 'Battery Saver' }).click();
  await expect(shade.getByRole('button', { name: 'Battery Saver' })).toHaveAttribute('aria-pressed', 'true');

  await login.logIn('ibkeyandroid', DEMO_PASSWORD);
  advance(PUSH_LATENCY + 10_000);
  await expect(shade.getByText('No notifications')).toBeVisible();
  await shade.getByRole('button', { name: 'Battery Saver' }).click();
  await expect(shade.getByRole('list', { name: 'Notifications in quick settings' })).toContainText('Login request');
});

test('Control Center works from the keyboard', async ({ phone }) => {
  const pull = phone.button('Control Center');
  await pull.focus();
  await phone.page.keyboard.press('Enter');
  const airplane = phone.button('Airplane Mode');
  await expect(airplane).toBeFocused();
  await phone.page.keyboard.press('Space');
  await expect(airplane).toHaveAttribute('aria-pressed', 'true');
  await phone.page.keyboard.press('Escape');
  await expect(pull).toBeFocused();
  await expect(pull).toHaveAttribute('aria-expanded', 'false');
});
