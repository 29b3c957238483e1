// Regulations: a Hong Kong user with no device enrols a mobile number before the login can finish; nodevice is offered it.
import { test, expect, DEMO_PASSWORD } from './fixtures.js';
import { PhonePage } from './pages/PhonePage.js';

const SMS_DELAY = 3_000;
/** The code in the enrolment's SMS ("Your Confirm Code is 123456"). */
const CONFIRM_CODE = /Confirm Code is (\d{6})/;

test('hkuser must enrol: types the number, reads the confirmation code on the Galaxy, and is logged in', async ({ login, page, advance }) => {
  await login.logIn('hkuser', DEMO_PASSWORD);
  const region = login.root;
  await expect(region.getByRole('heading', { name: 'Two-Factor Authentication Required' })).toBeVisible();
  await expect(region.getByText(/Hong Kong accounts cannot opt out of the Secure Login System/)).toBeVisible();
  // The rule quoted in full: the SFC's guidelines of 27 October 2017, the HKMA's circular, article 1.1.
  await expect(region.getByText(/^On 27 October 2017, the Securities & Futures Commission of Hong Kong \(SFC\) .* the Hong Kong Monetary Authority \(HKMA\) issued a circular .* Per article 1\.1 of the SFC guidelines/)).toBeVisible();

  const number = login.mobileNumber;
  await expect(number).toBeFocused();
  // The example is a Hong Kong number.
  await expect(number).toHaveAttribute('placeholder', '+852 5123 4567');
  // A number in the wrong form is refused with a clear message, and stays as typed.
  await number.fill('5123 4567');
  await login.verifyButton.click();
  await expect(login.alert).toHaveText('Mobile Number: type it in international format, + and country code first, e.g. +852 5123 4567');
  await expect(number).toHaveValue('5123 4567');

  await number.fill('+852 5123 4567');
  await login.verifyButton.click();
  await expect(region.getByText(/The Confirm Code has been sent to \*\*\*-\*\*\*-4567: enter it in Confirmation Number, then click CONTINUE\./)).toBeVisible();
  await expect(region.getByRole('timer')).toHaveText('2:00');
  // The number's row, not verified yet under "SMS Verified".
  await expect(login.smsVerifiedColumn).toBeVisible();
  await expect(login.numbers.getByRole('img', { name: 'Not verified yet', exact: true })).toBeVisible();
  await expect(login.confirmationNumber).toBeFocused();

  advance(SMS_DELAY);
  const galaxy = new PhonePage(page, 'Galaxy S23');
  await expect(galaxy.notifications).toHaveCount(1);
  await galaxy.notifications.first().click();
  await expect(galaxy.messages.last()).toContainText(/Your Confirm Code is \d{6}\. Enter it in the Confirmation Number field/);
  const code = CONFIRM_CODE.exec(await galaxy.messages.last().innerText())![1]!;

  const confirm = login.confirmationNumber;
  await confirm.fill(code === '000000' ? '111111' : '000000');
  await login.enrolContinue.click();
  await expect(login.alert).toHaveText('Login failed');
  await expect(login.smsVerifiedCheck).toHaveCount(0);
  await confirm.fill(code);
  await login.enrolContinue.click();
  // The code accepted: a green check in the column "SMS Verified", and CONTINUE again finalises.
  await expect(login.smsVerifiedCheck).toBeVisible();
  await expect(login.root.getByRole('status').filter({ hasText: 'Click CONTINUE to finalize the procedure.' })).toBeVisible();
  await expect(confirm).toHaveCount(0);
  await expect(login.loggedInAs('hkuser')).toHaveCount(0);
  await expect(login.enrolContinue).toBeFocused();
  await login.enrolContinue.click();
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
  await expect(ipad.app.getByText(/The Confirm Code has been sent/)).toBeVisible();
  await expect(ipad.appField('Confirmation Number')).toBeFocused();

  advance(SMS_DELAY);
  const galaxy = new PhonePage(page, 'Galaxy S23');
  await expect(galaxy.notifications).toHaveCount(1);
  await galaxy.notifications.first().click();
  const code = CONFIRM_CODE.exec(await galaxy.messages.last().innerText())![1]!;

  // A wrong code is refused and selected, to be typed again.
  await ipad.appField('Confirmation Number').fill(code === '000000' ? '111111' : '000000');
  await ipad.button('CONTINUE').click();
  await expect(ipad.app.getByRole('alert')).toHaveText('Login failed');
  await ipad.appField('Confirmation Number').fill(code);
  await ipad.button('CONTINUE').click();
  // The green check under "SMS Verified", then CONTINUE again.
  await expect(ipad.app.getByRole('columnheader', { name: 'SMS Verified', exact: true })).toBeVisible();
  await expect(ipad.app.getByRole('img', { name: 'Verified', exact: true })).toBeVisible();
  await expect(ipad.button('CONTINUE')).toBeFocused();
  await ipad.button('CONTINUE').click();
  await expect(ipad.app.getByText('Logged in as hkuser', { exact: true })).toBeVisible();
});

test('inuser reads the Indian rule and can cancel: back to the first screen, the username kept', async ({ login }) => {
  await login.logIn('inuser', DEMO_PASSWORD);
  // The example in Mobile Number is an Indian number.
  await expect(login.mobileNumber).toHaveAttribute('placeholder', '+91 98123 45678');
  // The rule quoted in full, as "Regulations Mandating Two-Factor Protection" gives it.
  await expect(login.root.getByText(/^On 25 March 2014, the National Stock Exchange of India \(NSEI\) issued a circular .* Per regulation 3b, .* India accounts cannot opt out of the Secure Login System/)).toBeVisible();
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
  const number = login.mobileNumber;
  await expect(number).toBeFocused();
  await number.fill('+1 312 555 0142');
  await login.verifyButton.click();
  await expect(login.root.getByText(/Confirm Code has been sent to \*\*\*-\*\*\*-0142/)).toBeVisible();

  advance(SMS_DELAY);
  const iphone = new PhonePage(page, 'iPhone');
  await expect(iphone.notifications).toHaveCount(1);
  await iphone.notifications.first().click();
  const code = CONFIRM_CODE.exec(await iphone.messages.last().innerText())![1]!;
  await login.confirmationNumber.fill(code);
  await login.enrolContinue.click();
  await expect(login.smsVerifiedCheck).toBeVisible();
  await login.enrolContinue.click();
  await expect(login.root.getByRole('status').filter({ hasText: 'SMS Verified' })).toBeVisible();
  await expect(login.loggedInAs('nodevice')).toBeVisible();
  await expect(login.root.getByRole('button', { name: 'Enroll in SMS authentication' })).toHaveCount(0);

  await login.logOutButton.click();
  await login.logIn('nodevice', DEMO_PASSWORD);
  await expect(login.securityCode).toBeVisible();
});
