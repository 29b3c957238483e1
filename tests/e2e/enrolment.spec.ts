// Regulations: a Hong Kong user with no device enrols a mobile number before the login can finish; nodevice is offered it.
import { test, expect, DEMO_PASSWORD } from './fixtures.js';
import { PhonePage } from './pages/PhonePage.js';

const SMS_DELAY = 3_000;

test('hkuser must enrol: types the number, reads the confirmation code on the Galaxy, and is logged in', async ({ login, page, advance }) => {
  await login.logIn('hkuser', DEMO_PASSWORD);
  const region = login.root;
  await expect(region.getByRole('heading', { name: 'Two-Factor Authentication Required' })).toBeVisible();
  await expect(region.getByText(/Hong Kong accounts cannot opt out of the Secure Login System/)).toBeVisible();

  const number = region.getByRole('textbox', { name: 'Mobile Number', exact: true });
  await expect(number).toBeFocused();
  // A number in the wrong form is refused with a clear message, and stays as typed.
  await number.fill('5123 4567');
  await region.getByRole('button', { name: 'VERIFY', exact: true }).click();
  await expect(login.alert).toHaveText(/^Mobile Number: type it in international format/);
  await expect(number).toHaveValue('5123 4567');

  await number.fill('+852 5123 4567');
  await region.getByRole('button', { name: 'VERIFY', exact: true }).click();
  await expect(region.getByText(/confirmation code has been sent/)).toBeVisible();
  await expect(region.getByRole('timer')).toHaveText('2:00');

  advance(SMS_DELAY);
  const galaxy = new PhonePage(page, 'Galaxy S23');
  await expect(galaxy.notifications).toHaveCount(1);
  await galaxy.notifications.first().click();
  await expect(galaxy.messages.last()).toContainText(/confirmation code is \d{6}/);
  const code = /confirmation code is (\d{6})/.exec(await galaxy.messages.last().innerText())![1]!;

  const confirm = region.getByRole('textbox', { name: 'Confirm Code', exact: true });
  await confirm.fill(code === '000000' ? '111111' : '000000');
  await region.getByRole('button', { name: 'CONTINUE', exact: true }).click();
  await expect(login.alert).toHaveText('Login failed');
  await confirm.fill(code);
  await region.getByRole('button', { name: 'CONTINUE', exact: true }).click();
  await expect(login.loggedInAs('hkuser')).toBeVisible();
  await expect(region.getByRole('status').filter({ hasText: 'SMS Verified' })).toBeVisible();

  // From now on hkuser logs in with an SMS code, like smsuser.
  await login.logOutButton.click();
  await login.logIn('hkuser', DEMO_PASSWORD);
  await expect(login.securityCode).toBeVisible();
  await expect(login.notice).toHaveText('A security code has been sent to your mobile phone ***-***-4567.');
});

// The bug this guards: the app's own login reached the enrolment step and showed an empty screen.
test('the app logging in on the trading iPad: hkuser must enrol there too, and is logged in', async ({ page, login, advance }) => {
  await expect(login.root).toBeVisible();
  await page.getByRole('button', { name: 'Trading device', exact: true }).click();
  const ipad = new PhonePage(page, 'iPad');
  await ipad.openApp();
  await ipad.appLogIn('hkuser', DEMO_PASSWORD);

  await expect(ipad.app.getByRole('heading', { name: 'Two-Factor Authentication Required' })).toBeVisible();
  await expect(ipad.app.getByText(/Hong Kong accounts cannot opt out of the Secure Login System/)).toBeVisible();
  const number = ipad.appField('Mobile Number');
  await expect(number).toBeFocused();
  await number.fill('+852 5123 4567');
  await ipad.button('VERIFY').click();
  await expect(ipad.app.getByText(/confirmation code has been sent/)).toBeVisible();
  await expect(ipad.appField('Confirm Code')).toBeFocused();

  advance(SMS_DELAY);
  const galaxy = new PhonePage(page, 'Galaxy S23');
  await expect(galaxy.notifications).toHaveCount(1);
  await galaxy.notifications.first().click();
  const code = /confirmation code is (\d{6})/.exec(await galaxy.messages.last().innerText())![1]!;

  // A wrong code is refused and selected, to be typed again.
  await ipad.appField('Confirm Code').fill(code === '000000' ? '111111' : '000000');
  await ipad.button('CONTINUE').click();
  await expect(ipad.app.getByRole('alert')).toHaveText('Login failed');
  await ipad.appField('Confirm Code').fill(code);
  await ipad.button('CONTINUE').click();
  await expect(ipad.app.getByText('Logged in as hkuser', { exact: true })).toBeVisible();
});

test('inuser reads the Indian rule and can cancel: back to the first screen, the username kept', async ({ login }) => {
  await login.logIn('inuser', DEMO_PASSWORD);
  await expect(login.root.getByText(/regulation 3b .* India accounts cannot opt out of the Secure Login System/)).toBeVisible();
  await login.cancelButton.click();
  await expect(login.username).toHaveValue('inuser');
  await expect(login.password).toHaveValue('');
});

test('nodevice logs in without a second factor and is offered enrolment, which can wait', async ({ login }) => {
  await login.logIn('nodevice', DEMO_PASSWORD);
  await expect(login.loggedInAs('nodevice')).toBeVisible();
  const offer = login.root.getByRole('status').filter({ hasText: 'not protected by the Secure Login System' });
  await expect(offer).toBeVisible();
  await expect(login.root.getByRole('button', { name: 'Enroll in SMS authentication' })).toBeVisible();
  await login.root.getByRole('button', { name: 'Remind me later' }).click();
  await expect(offer).toHaveCount(0);
  await expect(login.root.getByRole('button', { name: 'Enroll in SMS authentication' })).toHaveCount(0);
  await expect(login.logOutButton).toBeVisible();
});

test('nodevice enrols from the logged-in screen with the iPhone: SMS Verified, then SMS codes at login', async ({ login, page, advance }) => {
  await login.logIn('nodevice', DEMO_PASSWORD);
  await login.root.getByRole('button', { name: 'Enroll in SMS authentication' }).click();
  const number = login.root.getByRole('textbox', { name: 'Mobile Number', exact: true });
  await expect(number).toBeFocused();
  await number.fill('+1 312 555 0142');
  await login.root.getByRole('button', { name: 'VERIFY', exact: true }).click();
  await expect(login.root.getByText(/confirmation code has been sent to \*\*\*-\*\*\*-0142/)).toBeVisible();

  advance(SMS_DELAY);
  const iphone = new PhonePage(page, 'iPhone');
  await expect(iphone.notifications).toHaveCount(1);
  await iphone.notifications.first().click();
  const code = /confirmation code is (\d{6})/.exec(await iphone.messages.last().innerText())![1]!;
  await login.root.getByRole('textbox', { name: 'Confirm Code', exact: true }).fill(code);
  await login.root.getByRole('button', { name: 'CONTINUE', exact: true }).click();
  await expect(login.root.getByRole('status').filter({ hasText: 'SMS Verified' })).toBeVisible();
  await expect(login.loggedInAs('nodevice')).toBeVisible();
  await expect(login.root.getByRole('button', { name: 'Enroll in SMS authentication' })).toHaveCount(0);

  await login.logOutButton.click();
  await login.logIn('nodevice', DEMO_PASSWORD);
  await expect(login.securityCode).toBeVisible();
});
