// The SMS login as a new user meets it: the login window on the left, the phone that receives the code on the right.
import { test, expect, DEMO_PASSWORD } from './fixtures.js';

const SMS_DELAY = 3_000;
const RESEND_INTERVAL = 120_000;

test('logs in with the security code read from the phone', async ({ login, phone, advance }) => {
  await expect(login.live).toHaveAttribute('aria-pressed', 'true');
  await login.logIn('smsuser', DEMO_PASSWORD);
  await expect(login.securityCode).toBeFocused();
  await expect(login.notice).toHaveText('A security code has been sent to your mobile phone ***-***-0142.');

  advance(SMS_DELAY);
  // The SMS shows on the lock screen; tapping it opens Messages.
  await expect(phone.notifications).toHaveCount(1);
  await phone.notifications.first().click();
  await expect(phone.messages).toHaveCount(1);
  await expect(phone.messages.first()).toContainText(/Your security code is \d{6}\./);

  await login.enterCode(await phone.latestCode());
  await expect(login.loggedInAs('smsuser')).toBeVisible();
  await expect(login.logOutButton).toBeVisible();
});

test('a wrong code says "Login failed" and keeps the user on the code step', async ({ login, phone, advance }) => {
  await login.logIn('smsuser', DEMO_PASSWORD);
  advance(SMS_DELAY);
  await phone.openMessages();
  const code = await phone.latestCode();
  const wrong = code === '000000' ? '111111' : '000000';

  await login.enterCode(wrong);
  await expect(login.alert).toHaveText('Login failed');
  await expect(login.securityCode).toBeVisible();
  await expect(login.securityCode).toHaveValue(wrong);

  await login.enterCode(code);
  await expect(login.loggedInAs('smsuser')).toBeVisible();
});

test('a new SMS is offered after the resend countdown; it replaces the old code', async ({ login, phone, advance }) => {
  await login.logIn('smsuser', DEMO_PASSWORD);
  await login.didntReceive.click();
  await expect(login.didntReceive).toHaveAttribute('aria-expanded', 'true');
  await expect(login.smsChoice).toBeDisabled();
  // The voice callback is not held back by the SMS's timer.
  await expect(login.voiceChoice).toBeEnabled();
  await expect(login.root.getByText('SMS available in')).toBeVisible();
  await expect(login.resendCountdown).toHaveText('2:00');

  advance(SMS_DELAY);
  await expect(login.resendCountdown).toHaveText('1:57');
  await phone.openMessages();
  await expect(phone.messages).toHaveCount(1);
  const oldCode = await phone.latestCode();

  advance(RESEND_INTERVAL - SMS_DELAY);
  await expect(login.smsChoice).toBeEnabled();
  await expect(login.voiceChoice).toBeEnabled();
  await expect(login.resendCountdown).toHaveCount(0);
  await login.smsChoice.click();
  await expect(login.securityCode).toBeFocused();

  advance(SMS_DELAY);
  await expect(phone.messages).toHaveCount(2);
  const newCode = await phone.latestCode();
  expect(newCode).not.toBe(oldCode);

  await login.enterCode(oldCode);
  await expect(login.alert).toHaveText('Login failed');
  await login.enterCode(newCode);
  await expect(login.loggedInAs('smsuser')).toBeVisible();
});

test('a wrong password says "Invalid user name password combination" and keeps the username', async ({ login }) => {
  await login.logIn('smsuser', 'not-the-password');
  await expect(login.alert).toHaveText('Invalid user name password combination');
  await expect(login.username).toHaveValue('smsuser');
  await expect(login.password).toBeFocused();
  await expect(login.securityCode).toHaveCount(0);
});

test('paper trading shows the paper-account warning, accepted with "I understand and accept"', async ({ login, phone, advance }) => {
  await login.paper.click();
  await expect(login.paper).toHaveAttribute('aria-pressed', 'true');
  await expect(login.live).toHaveAttribute('aria-pressed', 'false');
  await login.logIn('smsuser', DEMO_PASSWORD);
  advance(SMS_DELAY);
  await phone.openMessages();
  await login.enterCode(await phone.latestCode());

  await expect(login.acceptPaper).toBeFocused();
  await login.acceptPaper.click();
  await expect(login.loggedInAs('smsuser')).toBeVisible();
  await expect(login.root).toContainText('Paper Trading');
});

test('Log Out returns to the login form', async ({ login, phone, advance }) => {
  await login.logIn('smsuser', DEMO_PASSWORD);
  advance(SMS_DELAY);
  await phone.openMessages();
  await login.enterCode(await phone.latestCode());
  await expect(login.loggedInAs('smsuser')).toBeVisible();

  await login.logOutButton.click();
  await expect(login.username).toBeVisible();
  await expect(login.username).toHaveValue('smsuser');
  await expect(login.password).toHaveValue('');
  await expect(login.logInButton).toBeEnabled();
  await expect(login.live).toBeEnabled();
});

test('the whole login works from the keyboard', async ({ page, login, phone, advance }) => {
  await expect(login.username).toBeFocused();
  await page.keyboard.type('smsuser');
  // Enter in Username moves on to Password rather than sending half the form.
  await page.keyboard.press('Enter');
  await expect(login.password).toBeFocused();
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(login.securityCode).toBeFocused();

  advance(SMS_DELAY);
  await expect(phone.notifications).toHaveCount(1);
  const code = /\b(\d{6})\b/.exec(await phone.notifications.first().innerText())![1]!;
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
  await expect(login.loggedInAs('smsuser')).toBeVisible();
  // The Log In button is gone: the focus is on the new screen's heading, not lost to the page's body.
  await expect(login.root.getByRole('heading', { name: 'Logged in as smsuser' })).toBeFocused();
});

test('several devices: the drop-down decides the next screen, and each screen offers a way back', async ({ login, advance }) => {
  await login.logIn('multidevice', DEMO_PASSWORD);
  await expect(login.deviceSelect).toBeFocused();

  await login.chooseDevice('IB Key (iPhone SE)');
  await expect(login.root.getByRole('button', { name: 'Choose Another Device' })).toBeVisible();
  await login.root.getByRole('button', { name: 'Choose Another Device' }).click();

  await login.chooseDevice('SMS (***-***-0164)');
  await expect(login.securityCode).toBeFocused();
  await expect(login.notice).toContainText('***-***-0164');
  advance(SMS_DELAY);
  await login.root.getByRole('button', { name: 'Choose Another Device' }).click();
  await expect(login.deviceSelect).toBeVisible();
  await login.root.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(login.username).toBeVisible();
});

test('the device drop-down waits for Continue: the arrow keys only move the choice, no push goes out', async ({ page, login }) => {
  await login.logIn('multidevice', DEMO_PASSWORD);
  await expect(login.deviceSelect).toBeFocused();
  // A closed drop-down changes its value at each arrow key; before, the first one already chose IB Key and sent the push.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(login.deviceSelect).toBeVisible();
  await expect(login.noNotification).toHaveCount(0);
  await expect(login.securityCode).toHaveCount(0);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Tab');
  await expect(login.continueButton).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(login.noNotification).toBeVisible();
});

test('the stage shows the phone of the user logging in', async ({ page, login }) => {
  await login.logIn('multidevice', DEMO_PASSWORD);
  await expect(page.getByRole('region', { name: 'Phone — iPhone SE', exact: true })).toBeVisible();
});
