// The dialogs around a login, as a person meets them in the login window, each checked with axe.
import { test, expect, DEMO_PASSWORD } from './fixtures.js';
import { expectAccessible } from './axe.js';
import { PhonePage } from './pages/PhonePage.js';

const SMS_DELAY = 3_000;

// Each test's scenario is loaded before the page opens (the `scenario` option), so the page never starts on another world.
test.describe(() => {
  test.use({ scenario: 'session-existing-continue' });
  test('"Existing session detected": Continue Login disconnects the other session', async ({ page, login, phone, advance }) => {
    await login.logIn('smsuser', DEMO_PASSWORD);
    advance(SMS_DELAY);
    await phone.openMessages();
    await login.enterCode(await phone.latestCode());
    await expect(page.getByRole('heading', { name: 'Existing session detected' })).toBeVisible();
    await expectAccessible(page, 'login dialog');
    await page.getByRole('button', { name: 'Continue Login' }).click();
    await expect(login.loggedInAs('smsuser')).toBeVisible();
  });
});

test.describe(() => {
  test.use({ scenario: 'session-existing-cancel' });
  test('"Existing session detected": Cancel goes back to the first screen', async ({ page, login, phone, advance }) => {
    await login.logIn('smsuser', DEMO_PASSWORD);
    advance(SMS_DELAY);
    await phone.openMessages();
    await login.enterCode(await phone.latestCode());
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('button', { name: 'Log In' })).toBeVisible();
  });
});

test.describe(() => {
  test.use({ scenario: 'read-only-login' });
  test('"Read-Only Login": no second factor, orders disabled', async ({ page, login }) => {
    await page.getByRole('checkbox', { name: 'Read-Only Login' }).check();
    await login.logIn('smsuser', DEMO_PASSWORD);
    await expect(login.loggedInAs('smsuser')).toBeVisible();
    await expect(page.getByText('Read-only login: orders are disabled in this session.')).toBeVisible();
    await expectAccessible(page, 'login dialog');
  });
});

test.describe(() => {
  test.use({ scenario: 'session-timeout' });
  test('"Re-login is required" after the session timed out', async ({ page, login, phone, advance }) => {
    await login.logIn('smsuser', DEMO_PASSWORD);
    advance(SMS_DELAY);
    await phone.openMessages();
    await login.enterCode(await phone.latestCode());
    await expect(login.loggedInAs('smsuser')).toBeVisible();
    advance(30 * 60_000);
    await expect(page.getByRole('heading', { name: 'Re-login is required' })).toBeVisible();
    await expectAccessible(page, 'login dialog');
    await page.getByRole('button', { name: 'Re-login' }).click();
    await expect(page.getByRole('button', { name: 'Log In' })).toBeVisible();
  });
});

test.describe(() => {
  test.use({ scenario: 'connection-retries' });
  test('"Log in progress (attempt #N)" while the connection retries', async ({ page, login, advance }) => {
    await login.logIn('smsuser', DEMO_PASSWORD);
    await expect(page.getByRole('heading', { name: 'Log in progress (attempt #1)' })).toBeVisible();
    await expectAccessible(page, 'login dialog');
    advance(10_000);
    await expect(page.getByRole('heading', { name: 'Log in progress (attempt #2)' })).toBeVisible();
    advance(20_000);
    await expect(login.securityCode).toBeVisible();
  });
});

test('"Existing session detected" in IBKR Mobile on the trading device: Continue Login there ends the login window\'s session', async ({ page, login, phone, advance }) => {
  await login.logIn('smsuser', DEMO_PASSWORD);
  advance(SMS_DELAY);
  await phone.openMessages();
  await login.enterCode(await phone.latestCode());
  await expect(login.loggedInAs('smsuser')).toBeVisible();

  // The same user logs in to the app on the iPad: one trading session at a time.
  await page.getByRole('button', { name: 'Trading device', exact: true }).click();
  const ipad = new PhonePage(page, 'iPad');
  await ipad.openApp();
  await ipad.appLogIn('smsuser', DEMO_PASSWORD);
  advance(SMS_DELAY);
  await ipad.appField('Security Code').fill(await phone.latestCode());
  await ipad.button('Log In').click();
  await expect(ipad.app.getByRole('heading', { name: 'Existing session detected' })).toBeVisible();
  await expectAccessible(page, 'IBKR Mobile: existing session detected');
  await ipad.button('Continue Login').click();
  await expect(ipad.button('Log Out')).toBeVisible();

  // Back at the login window: its session was the one disconnected.
  await page.getByRole('button', { name: 'Trading device', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Re-login is required' })).toBeVisible();
  await page.getByRole('button', { name: 'Re-login' }).click();
  await expect(login.username).toBeVisible();
});
