// The Client Portal, as a person uses it on the stage: its own login, then Settings → User Settings →
// the gear beside Mobile Number → VERIFY → the SMS on the phone → Confirmation Number → CONTINUE →
// the green check under SMS Verified → CONTINUE (in English and in French); wrong and expired codes,
// and the 2-minute resend rule; Secure Login System → Secure Login Settings → the wheel → Seamless
// Authentication → Save, then a platform login with no push; opting out refused in Hong Kong and India.
// axe on each screen.
import type { Page } from '@playwright/test';
import { test, expect as baseExpect, DEMO_PASSWORD } from './fixtures.js';
import { expectAccessible } from './axe.js';
import { expectNoEnglish } from './leftover-english.js';
import { PhonePage } from './pages/PhonePage.js';
import { Portal } from './pages/Portal.js';
import { wordsFor } from './pages/words.js';

const SMS_DELAY = 3_000;
/** Push services take about a second (main/sim/push.ts). */
const PUSH_LATENCY = 1_000;
/** timing.codeLifetime (main/sim/scenario/schema.ts). */
const CODE_LIFETIME = 600_000;
const en = wordsFor('en');
const fr = wordsFor('fr');

// Several screens each with axe: long on a busy machine.
test.describe.configure({ timeout: 240_000 });
test.use({ viewport: { width: 1280, height: 860 } });
const expect = baseExpect.configure({ timeout: 20_000 });

/** The newest SMS on the phone, opened from the lock screen's notification: its 6-digit code. */
async function codeFrom(phone: PhonePage, count = 1): Promise<string> {
  await expect(phone.notifications).toHaveCount(count);
  await phone.notifications.first().click();
  return phone.latestCode();
}

/** A 6-digit code that is not `code`. */
const wrong = (code: string) => (code === '000000' ? '111111' : '000000');

test('nodevice verifies a mobile number in the Client Portal and is enrolled in SMS shortly afterwards', async ({ page, login, advance }) => {
  await expect(login.root).toBeVisible();
  const portal = new Portal(page);
  await portal.open();
  await portal.username.fill('nodevice');
  await portal.password.fill(DEMO_PASSWORD);
  await expectAccessible(page, 'Client Portal login');
  await portal.logInButton.click();

  await portal.openSettings();
  await expectAccessible(page, 'Client Portal settings');
  await portal.configureMobile.click();
  await portal.verify('+1 312 555 0142');
  await expect(portal.confirmationNumber).toBeVisible();
  await expectAccessible(page, 'Client Portal: Confirmation Number');

  advance(SMS_DELAY);
  const code = await codeFrom(new PhonePage(page, 'iPhone'));
  await portal.confirm(code);
  await expect(portal.smsVerifiedCheck).toBeVisible();
  await expect(portal.smsVerifiedColumn).toBeVisible();
  await expectAccessible(page, 'Client Portal: SMS Verified');
  await portal.continueButton.click();
  await expect(portal.root.getByText(/is verified\. As your user has no active Secure Login device/)).toBeVisible();
  await expect(portal.root.getByRole('status').filter({ hasText: en('portal.mobile.enrolPending') })).toBeVisible();

  // "Shortly afterwards": SMS becomes nodevice's second factor, listed under the active SLS devices.
  advance(60_000);
  await portal.openSecureLogin();
  await expect(portal.devices.getByRole('listitem')).toHaveCount(1);
  await expectAccessible(page, 'Client Portal: Secure Login System');
});

/** The stage's language switch, found by its English name. */
async function toFrench(page: Page): Promise<void> {
  await page.getByRole('combobox', { name: en('stage.language'), exact: true }).selectOption({ label: 'Français' });
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
}

test('en français : nodevice vérifie son Numéro mobile dans le Portail Client (VÉRIFIER, Numéro de confirmation, POURSUIVRE, SMS vérifié)', async ({ page, login, advance }) => {
  await expect(login.root).toBeVisible();
  await toFrench(page);
  const portal = new Portal(page, 'fr');
  // The broker's French words, as the French SMS article has them.
  await expect(portal.tab).toHaveText('Portail Client');
  await portal.open();
  await expectNoEnglish(portal.root, 'Portail Client: connexion');
  await portal.logIn('nodevice', DEMO_PASSWORD);

  await portal.userMenu.click();
  await expect(portal.settingsItem).toHaveText('Paramètres');
  await expectNoEnglish(portal.root, 'Portail Client: menu utilisateur');
  await portal.settingsItem.click();
  await expect(portal.root.getByRole('heading', { name: 'Paramètres utilisateurs', exact: true })).toBeVisible();
  await expect(portal.root.getByText('Numéro mobile', { exact: true })).toBeVisible();
  await expectNoEnglish(portal.root, 'Portail Client: Paramètres');
  await expectAccessible(page, 'Portail Client: Paramètres');

  await portal.configureMobile.click();
  await expect(portal.root.getByRole('textbox', { name: 'Numéro mobile', exact: true })).toBeVisible();
  await expect(portal.verifyButton).toHaveText('VÉRIFIER');
  await portal.verify('+1 312 555 0142');
  await expect(portal.root.getByRole('textbox', { name: 'Numéro de confirmation', exact: true })).toBeVisible();
  await expect(portal.status.filter({ hasText: /^Nous avons envoyé un SMS avec le Code de confirmation/ })).toBeVisible();
  await expect(portal.resendTimer).toHaveText(fr('portal.mobile.resendIn', { countdown: '2:00' }));
  await expectNoEnglish(portal.root, 'Portail Client: Numéro de confirmation');
  await expectAccessible(page, 'Portail Client: Numéro de confirmation');

  advance(SMS_DELAY);
  const code = await codeFrom(new PhonePage(page, 'iPhone', 'fr'));
  await portal.confirm(code);
  await expect(portal.continueButton).toHaveText('POURSUIVRE');
  await expect(portal.root.getByRole('columnheader', { name: 'SMS vérifié', exact: true })).toBeVisible();
  await expect(portal.root.getByRole('img', { name: 'Vérifié', exact: true })).toBeVisible();
  await expectNoEnglish(portal.root, 'Portail Client: SMS vérifié');
  await expectAccessible(page, 'Portail Client: SMS vérifié');
  await portal.continueButton.click();
  await expect(portal.status.filter({ hasText: /^Votre numéro mobile .* est vérifié\./ })).toBeVisible();
  await expectNoEnglish(portal.root, 'Portail Client: numéro vérifié');

  advance(60_000);
  await portal.openSecureLogin();
  await expect(portal.root.getByRole('heading', { name: 'Paramètres de connexion sécurisée', exact: true })).toBeVisible();
  await expectNoEnglish(portal.root, 'Portail Client: Secure Login System');
  await expectAccessible(page, 'Portail Client: Secure Login System');
});

test('a wrong Confirm Code and an expired one are explained; a new SMS only every 2 minutes', async ({ page, login, advance }) => {
  await expect(login.root).toBeVisible();
  const portal = new Portal(page);
  await portal.open();
  await portal.logIn('nodevice', DEMO_PASSWORD);
  await portal.openMobileNumber();
  await portal.verify('+1 312 555 0142');
  // The rule is said, and the countdown shows; VERIFY waits for it.
  await expect(portal.status).toContainText('a new SMS may only be requested every 2 minutes');
  await expect(portal.resendTimer).toHaveText(en('portal.mobile.resendIn', { countdown: '2:00' }));
  await expect(portal.verifyButton).toBeDisabled();

  advance(SMS_DELAY);
  const iphone = new PhonePage(page, 'iPhone');
  const first = await codeFrom(iphone);
  await portal.confirm(wrong(first));
  await expect(portal.alert).toHaveText('The Confirmation Number is not correct. Enter the Confirm Code from the SMS.');
  await expect(portal.smsVerifiedCheck).toHaveCount(0);
  await expectAccessible(page, 'Client Portal: a wrong Confirmation Number');
  await expect(portal.resendTimer).toHaveText(en('portal.mobile.resendIn', { countdown: '1:57' }));
  await expect(portal.verifyButton).toBeDisabled();

  // Ten minutes later the code has expired: said so, with what to do.
  advance(CODE_LIFETIME);
  await expect(portal.resendTimer).toHaveCount(0);
  await expect(portal.verifyButton).toBeEnabled();
  await portal.confirm(first);
  await expect(portal.alert).toHaveText('This Confirm Code has expired. Click VERIFY to receive a new one.');
  await expect(portal.smsVerifiedCheck).toHaveCount(0);

  // VERIFY again: a new SMS, a new code, and the 2 minutes start again.
  await portal.verifyButton.click();
  await expect(portal.resendTimer).toHaveText(en('portal.mobile.resendIn', { countdown: '2:00' }));
  advance(SMS_DELAY);
  await iphone.home.click();
  await iphone.openMessages();
  await expect(iphone.messages).toHaveCount(2);
  const second = await iphone.latestCode();
  await portal.confirm(second);
  await expect(portal.smsVerifiedCheck).toBeVisible();
});

test('Seamless Authentication turned off in the Client Portal: the next platform login goes straight to challenge/response, no push on the phone', async ({ page, login, advance }) => {
  await expect(login.root).toBeVisible();
  const portal = new Portal(page);
  await portal.open();
  // The portal's own login asks ibkeyios's second factor: the push, approved with Face ID.
  await portal.logIn('ibkeyios', DEMO_PASSWORD);
  await expect(portal.noMessage).toBeVisible();
  const phone = new PhonePage(page, 'iPhone 15');
  await phone.home.click();
  advance(PUSH_LATENCY);
  await phone.banner.click();
  await phone.button('Face ID').click();
  await expect(portal.userMenu).toBeVisible();

  // User menu → Settings → User Settings → Secure Login System → Secure Login Settings → the wheel → switch → Save.
  await portal.openSecureLogin();
  const seamless = portal.root.getByRole('region', { name: 'Secure Login Settings', exact: true });
  await expect(seamless).toContainText(/Seamless Authentication\s*Enabled/);
  await expect(portal.devices.getByRole('listitem')).toHaveCount(1);
  await portal.configureSeamless.click();
  await expect(portal.seamlessSwitch).toHaveAttribute('aria-checked', 'true');
  await expectAccessible(page, 'Client Portal: Seamless Authentication switch');
  await portal.seamlessSwitch.click();
  await expect(portal.seamlessSwitch).toHaveAttribute('aria-checked', 'false');
  await portal.saveButton.click();
  await expect(portal.status).toHaveText(en('messages.portal_seamless_off'));
  await expect(seamless).toContainText(/Seamless Authentication\s*Disabled/);
  await expect(portal.seamlessSwitch).toHaveCount(0);
  await expectAccessible(page, 'Client Portal: Seamless Authentication saved');

  // The platform's login window: no push, the challenge at once.
  await portal.platformTab.click();
  await login.logIn('ibkeyios', DEMO_PASSWORD);
  await expect(login.challenge).toBeVisible();
  await expect(login.root.getByText(/^Seamless Authentication is disabled in the Client Portal, so no notification was sent\./)).toBeVisible();
  advance(PUSH_LATENCY * 5);
  await expect(phone.root).toBeVisible();
  await expect(phone.banner).toHaveCount(0);
  await expect(phone.notifications).toHaveCount(0);
  const challenge = await login.challengeDigits();
  await phone.openApp();
  await expect(phone.app.getByRole('region', { name: 'Login request' })).toHaveCount(0);
  await phone.button('Authenticate').click();
  const response = await phone.generateResponse(challenge, { biometric: 'Face ID' });
  await login.answer(login.responseCode, response);
  await expect(login.loggedInAs('ibkeyios')).toBeVisible();
});

for (const { user, phone, number, rule, citation } of [
  { user: 'hkuser', phone: 'Galaxy S23', number: '+852 5123 4567', rule: 'messages.opt_out_refused_hk', citation: /27 October 2017.*\(SFC\).*\(HKMA\) issued a circular.*article 1\.1/ },
  { user: 'inuser', phone: 'iPhone 13', number: '+91 98123 45678', rule: 'messages.opt_out_refused_in', citation: /25 March 2014.*\(NSEI\) issued a circular.*regulation 3b/ },
] as const) {
  test(`${user} enrols in the Client Portal, then is refused opting out of the Secure Login System with the regulation quoted in full`, async ({ page, login, advance }) => {
    await expect(login.root).toBeVisible();
    const portal = new Portal(page);
    await portal.open();
    // No device yet: the portal's login requires enrolment, as the login window does, citing the rule.
    await portal.logIn(user, DEMO_PASSWORD);
    await expect(portal.root.getByRole('heading', { name: en('login.enrol.required'), exact: true })).toBeVisible();
    await expect(portal.root.getByText(citation)).toBeVisible();
    await portal.verify(number);
    advance(SMS_DELAY);
    await portal.confirm(await codeFrom(new PhonePage(page, phone)));
    await expect(portal.smsVerifiedCheck).toBeVisible();
    await portal.continueButton.click();
    await expect(portal.userMenu).toBeVisible();

    await portal.openSecureLogin();
    await expect(portal.devices.getByRole('listitem')).toHaveCount(1);
    await portal.optOutButton.click();
    await expect(portal.alert).toHaveText(en(rule));
    await expect(portal.alert).toContainText(citation);
    await expectAccessible(page, `Client Portal: ${user}'s opt-out refused`);
    // Still enrolled: the device is still listed, and nothing says they opted out.
    await expect(portal.devices.getByRole('listitem')).toHaveCount(1);
    await expect(portal.root.getByText(en('portal.sls.optedOut'))).toHaveCount(0);
  });
}

test.describe('sms-not-verified', () => {
  test.use({ scenario: 'sms-not-verified' });

  test('smsuser, stuck at the Security Code (no SMS to an unverified number), verifies the number by logging in to the Client Portal, then logs in with SMS', async ({ page, login, advance }) => {
    // The dead end: the platform's login sends nothing to a number that was never verified.
    await login.logIn('smsuser', DEMO_PASSWORD);
    await expect(login.securityCode).toBeVisible();
    advance(10_000);
    const iphone = new PhonePage(page, 'iPhone');
    await expect(iphone.root).toBeVisible();
    await expect(iphone.notifications).toHaveCount(0);

    // The portal's own login: its only device is SMS to that number, so the number on record gets a Confirm Code, said on screen.
    const portal = new Portal(page);
    await portal.open();
    await portal.logIn('smsuser', DEMO_PASSWORD);
    await expect(portal.securityCode).toBeVisible();
    await expect(portal.root.getByText(/^Your mobile number \*\*\*-\*\*\*-0142 is not verified yet, so no security code can be sent to it: we sent an SMS with a Confirm Code instead\. Enter it as the Security Code: it logs you in to Client Portal and verifies your number/)).toBeVisible();
    await expectAccessible(page, 'Client Portal: a Confirm Code to the number on record');
    advance(SMS_DELAY);
    await expect(iphone.notifications).toHaveCount(1);
    await iphone.notifications.first().click();
    await expect(iphone.messages.last()).toContainText('Confirm Code');
    await portal.securityCode.fill(await iphone.latestCode());
    await portal.logInButton.click();
    await expect(portal.userMenu).toBeVisible();
    await expect(portal.status).toHaveText('Your mobile number ***-***-0142 is verified.');
    await expectAccessible(page, 'Client Portal: logged in, the number verified');
    await portal.openSettings();
    await expect(portal.root.getByText(en('portal.settings.verified'), { exact: true })).toBeVisible();

    // Back at the login window: a new SMS now reaches the phone, and its code logs smsuser in.
    await portal.platformTab.click();
    advance(120_000);
    await login.didntReceive.click();
    await login.smsChoice.click();
    advance(SMS_DELAY);
    await iphone.home.click();
    await iphone.openMessages();
    await expect(iphone.messages).toHaveCount(2);
    await expect(iphone.messages.last()).not.toContainText('Confirm Code');
    await login.enterCode(await iphone.latestCode());
    await expect(login.loggedInAs('smsuser')).toBeVisible();
  });
});
