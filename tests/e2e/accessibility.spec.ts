// Every screen a trainer, a screen-reader user or a keyboard-only user meets, checked with axe-core:
// no critical or serious WCAG 2 A/AA violation. Each test walks one group of screens as a person would.
import type { Page } from '@playwright/test';
import { expectAccessible } from './axe.js';
import { test, expect as baseExpect, DEMO_PASSWORD } from './fixtures.js';
import { CodeCard } from './pages/CodeCard.js';
import { Director } from './pages/Director.js';
import { Fob } from './pages/Fob.js';
import { LoginWindow } from './pages/LoginWindow.js';
import { PhonePage } from './pages/PhonePage.js';

const SMS_DELAY = 3_000;
/** Push services take about a second to reach a connected phone. */
const PUSH_LATENCY = 1_000;
/** The resend limit (2 minutes), the voice call's delay (scenario default 30 s), and how long a call rings before it is missed. */
const RESEND_INTERVAL = 120_000;
const VOICE_DELAY = 30_000;
const RING = 30_000;

// Each test walks several screens and runs axe on each (seconds apiece on a busy machine): far more work
// than one behaviour test, hence the long test timeout and the patient waits for each screen.
test.describe.configure({ timeout: 300_000 });
test.use({ viewport: { width: 1280, height: 860 } });
const expect = baseExpect.configure({ timeout: 20_000 });

/** A window of its own (#login, #phone/<id>, #director…), as Electron opens it. */
async function openWindow(page: Page, url: string, hash: string): Promise<Page> {
  const window = await page.context().newPage();
  await window.goto(`${url}${hash}`);
  await expect(window.locator('html[data-ready]')).toBeAttached();
  return window;
}

/** smsuser as far as the security code, read off the phone's Messages. */
async function smsCode(login: LoginWindow, phone: PhonePage, advance: (ms: number) => void): Promise<string> {
  await login.logIn('smsuser', DEMO_PASSWORD);
  await expect(login.securityCode).toBeFocused();
  advance(SMS_DELAY);
  await phone.openMessages();
  return phone.latestCode();
}

test('the stage and the login window: credentials, invalid credentials, security code, "Didn\'t receive" menu', async ({ page, login }) => {
  await expect(login.username).toBeFocused();
  await expectAccessible(page, 'stage: login credentials, phone lock screen');

  await login.logIn('smsuser', 'not-the-password');
  await expect(login.alert).toHaveText('Invalid user name password combination');
  await expectAccessible(page, 'login: invalid credentials alert');

  await login.logIn('smsuser', DEMO_PASSWORD);
  await expect(login.securityCode).toBeFocused();
  await expectAccessible(page, 'login: SMS security code');

  await login.didntReceive.click();
  await expect(login.resendCountdown).toHaveText('2:00');
  await expectAccessible(page, "login: \"Didn't receive a security code?\" menu open");
});

test('the phone\'s lock screen and Messages, then logged in, and the paper-trading warning', async ({ page, login, phone, advance }) => {
  await login.logIn('smsuser', DEMO_PASSWORD);
  advance(SMS_DELAY);
  await expect(phone.notifications).toHaveCount(1);
  await expectAccessible(page, 'phone: lock screen with an SMS notification');
  await phone.notifications.first().click();
  await expect(phone.messages).toHaveCount(1);
  await expectAccessible(page, 'phone: Messages');

  await login.enterCode(await phone.latestCode());
  await expect(login.loggedInAs('smsuser')).toBeVisible();
  await expectAccessible(page, 'login: logged in');

  await login.logOutButton.click();
  await login.paper.click();
  await expect(login.paper).toHaveAttribute('aria-pressed', 'true');
  await login.enterCode(await smsCode(login, phone, advance));
  await expect(login.acceptPaper).toBeFocused();
  await expectAccessible(page, 'login: paper trading warning');
});

test('the login window with several devices, IB Key push waiting and challenge/response', async ({ page, login, advance }) => {
  await login.logIn('multidevice', DEMO_PASSWORD);
  await expect(login.deviceSelect).toBeFocused();
  await expectAccessible(page, 'login: Select Second Factor Device');

  await login.chooseDevice('IB Key (iPhone SE)');
  await expect(login.noNotification).toBeVisible();
  await expectAccessible(page, 'login: IB Key push waiting (with Choose Another Device)');
  await login.cancelButton.click();
  await expect(login.username).toBeVisible();

  await login.logIn('ibkeyios', DEMO_PASSWORD);
  await expect(login.noNotification).toBeFocused();
  advance(PUSH_LATENCY);
  await expect(new PhonePage(page, 'iPhone 15').notifications.filter({ hasText: 'Login request' })).toHaveCount(1);
  await expectAccessible(page, 'login: IB Key push waiting; phone: lock screen with the login request');

  await login.noNotification.click();
  await login.challengeDigits();
  await expect(login.responseCode).toBeFocused();
  await expectAccessible(page, 'login: challenge/response');
  await login.answer(login.responseCode, '12345678');
  await expect(login.alert).toHaveText('Login failed');
  await expectAccessible(page, 'login: challenge/response, wrong response');
});

test('the login window with a DSC+ fob and with a Security Code Card, each device beside it', async ({ page, login }) => {
  await login.logIn('dscuser', DEMO_PASSWORD);
  await expect(login.responseCode).toBeFocused();
  const fob = new Fob(page, 'SNA-52903318');
  await expect(fob.display).toHaveText('Off');
  await expectAccessible(page, 'login: DSC+ step; the fob switched off');
  await fob.holdPress();
  await fob.enter('2468');
  await expect(fob.display).toHaveText('CHALLNG>');
  await expectAccessible(page, 'DSC+ fob asking for the challenge');
  await login.cancelButton.click();
  await expect(login.username).toBeVisible();

  await login.logIn('carduser', DEMO_PASSWORD);
  await expect(login.cardValues).toBeFocused();
  await expectAccessible(page, 'login: code card step');
  await login.viewCard.click();
  await expect(new CodeCard(page, 'SCC-7702-4419').indexes).toHaveCount(224);
  await expectAccessible(page, 'Security Code Card beside the login window');
});

test('the login window when enrolment is required (hkuser) and offered (nodevice)', async ({ page, login, advance }) => {
  await login.logIn('hkuser', DEMO_PASSWORD);
  const number = login.root.getByRole('textbox', { name: 'Mobile Number', exact: true });
  await expect(number).toBeFocused();
  await expectAccessible(page, 'login: Two-Factor Authentication Required');
  await number.fill('5123 4567');
  await login.root.getByRole('button', { name: 'VERIFY', exact: true }).click();
  await expect(login.alert).toHaveText(/^Mobile Number: /);
  await expectAccessible(page, 'login: enrolment, number refused');
  await number.fill('+852 5123 4567');
  await login.root.getByRole('button', { name: 'VERIFY', exact: true }).click();
  await expect(login.confirmationNumber).toBeVisible();
  advance(SMS_DELAY);
  const galaxy = new PhonePage(page, 'Galaxy S23');
  await expect(galaxy.notifications).toHaveCount(1);
  await expectAccessible(page, 'login: enrolment, Confirmation Number; phone: Galaxy lock screen');
  await galaxy.notifications.first().click();
  const code = /Confirm Code is (\d{6})/.exec(await galaxy.messages.last().innerText())![1]!;
  await login.confirmationNumber.fill(code);
  await login.enrolContinue.click();
  await expect(login.smsVerifiedCheck).toBeVisible();
  await expectAccessible(page, 'login: enrolment, SMS Verified checked, CONTINUE to finalise');
  await login.cancelButton.click();
  await expect(login.username).toBeVisible();

  await login.logIn('nodevice', DEMO_PASSWORD);
  await expect(login.loggedInAs('nodevice')).toBeVisible();
  await expectAccessible(page, 'login: logged in, enrolment offered');
});

test('the login window and phones each in a window of their own: #login (with the card dialog), #phone/<id>', async ({ page, server }) => {
  const alone = await openWindow(page, server.url, '#login');
  const login = new LoginWindow(alone);
  await expect(login.username).toBeVisible();
  await expectAccessible(alone, '#login');
  await login.logIn('carduser', DEMO_PASSWORD);
  await login.viewCard.click();
  await expect(alone.getByRole('dialog', { name: 'Security Code Card' })).toBeVisible();
  await expect(new CodeCard(alone).indexes).toHaveCount(224);
  await expectAccessible(alone, '#login: the Security Code Card dialog');

  for (const [id, name] of [
    ['sms-phone', 'iPhone'],
    ['android-phone', 'Pixel 8'],
    ['trade-ipad', 'iPad'],
  ] as const) {
    const window = await openWindow(page, server.url, `#phone/${id}`);
    await expect(new PhonePage(window, name).root).toBeVisible();
    await expectAccessible(window, `#phone/${id}`);
  }
});

test('the director, the fob and the card each in a window of their own: #director, #fob, #card/<serial>', async ({ page, server, sim }) => {
  const director = await openWindow(page, server.url, '#director');
  await expect(new Director(director).entries.first()).toBeVisible();
  await expectAccessible(director, '#director');

  sim.submitCredentials({ username: 'dscuser', password: DEMO_PASSWORD, mode: 'live' });
  const fob = await openWindow(page, server.url, '#fob');
  await expect(new Fob(fob, 'SNA-52903318').display).toHaveText('Off');
  await expectAccessible(fob, '#fob');
  const card = await openWindow(page, server.url, '#card/SCC-7702-4419');
  await expect(new CodeCard(card, 'SCC-7702-4419').indexes).toHaveCount(224);
  await expectAccessible(card, '#card/<serial>');
});

test('the phone: home screen, banner, incoming call, call in progress, missed call in Recents', async ({ page, login, phone, advance }) => {
  await login.logIn('smsuser', DEMO_PASSWORD);
  await phone.home.click();
  await expect(phone.messagesApp).toBeVisible();
  await expectAccessible(page, 'phone: home screen');
  advance(SMS_DELAY);
  await expect(phone.banner).toContainText('security code');
  await expectAccessible(page, 'phone: SMS banner over the home screen');

  await login.didntReceive.click();
  advance(RESEND_INTERVAL);
  await login.voiceChoice.click();
  advance(VOICE_DELAY);
  await expect(phone.call).toHaveAccessibleName('Incoming call from IBKR');
  await expectAccessible(page, 'phone: incoming call');
  await phone.call.getByRole('button', { name: 'Accept', exact: true }).click();
  await expect(phone.call.getByRole('region', { name: 'Captions' })).toContainText('Your security code is');
  await expectAccessible(page, 'phone: call in progress with captions');
  await phone.call.getByRole('button', { name: 'End Call', exact: true }).click();
  await expect(phone.call).toHaveCount(0);

  // A second call, left to ring out, shows as missed in the Phone app.
  advance(RESEND_INTERVAL);
  await login.didntReceive.click();
  await login.voiceChoice.click();
  advance(VOICE_DELAY);
  await expect(phone.call).toBeVisible();
  advance(RING);
  await expect(phone.call).toHaveCount(0);
  await phone.home.click();
  await phone.root.getByRole('button', { name: /^Phone/ }).click();
  await expect(phone.root.getByRole('list', { name: 'Recents' }).getByRole('listitem').first()).toContainText('Missed call');
  await expectAccessible(page, 'phone: Recents with a missed call');
});

test('iOS Control Center with its Focus list, the side button\'s power menu, the phone switched off', async ({ page, server }) => {
  const iphone = new PhonePage(await openWindow(page, server.url, '#phone/ios-phone'), 'iPhone 15');
  await iphone.button('Control Center').click();
  await expect(iphone.button('Airplane Mode')).toBeFocused();
  await expectAccessible(iphone.page, 'iOS Control Center');
  await iphone.button('Airplane Mode').click();
  await expect(iphone.button('Airplane Mode')).toHaveAttribute('aria-pressed', 'true');
  await iphone.button('Focus').click();
  await expect(iphone.button('Do Not Disturb')).toBeVisible();
  await expectAccessible(iphone.page, 'iOS Control Center: airplane mode on, Focus list open');
  await iphone.page.keyboard.press('Escape');
  await expect(iphone.root.getByRole('dialog', { name: 'Control Center' })).toHaveCount(0);
  await iphone.button('Side button').click();
  await expect(iphone.root.getByRole('dialog', { name: 'Power' })).toBeVisible();
  await expectAccessible(iphone.page, 'iOS power menu (slide to power off)');
  await iphone.button('Power Off').click();
  await expect(iphone.home).toHaveCount(0);
  await expectAccessible(iphone.page, 'iPhone switched off');
});

test('Android quick settings and the power button\'s menu', async ({ page, server }) => {
  const pixel = new PhonePage(await openWindow(page, server.url, '#phone/android-phone'), 'Pixel 8');
  await pixel.button('Quick settings').click();
  const shade = pixel.root.getByRole('dialog', { name: 'Quick settings' });
  await expect(shade.getByText('No notifications')).toBeVisible();
  await expectAccessible(pixel.page, 'Android quick settings');
  await shade.getByRole('button', { name: 'Battery Saver' }).click();
  await expect(shade.getByRole('button', { name: 'Battery Saver' })).toHaveAttribute('aria-pressed', 'true');
  await expectAccessible(pixel.page, 'Android quick settings, Battery Saver on');
  await pixel.page.keyboard.press('Escape');
  await expect(shade).toHaveCount(0);
  await pixel.button('Power button').click();
  await expect(pixel.root.getByRole('dialog', { name: 'Power' })).toBeVisible();
  await expectAccessible(pixel.page, 'Android power menu');
});

test('iOS Settings: the first page, Wi-Fi, Cellular, Battery, Notifications and the app\'s notifications', async ({ page, server }) => {
  const iphone = new PhonePage(await openWindow(page, server.url, '#phone/ios-phone'), 'iPhone 15');
  await iphone.openSettings();
  await expect(iphone.root.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expectAccessible(iphone.page, 'iOS Settings');
  for (const name of ['Wi-Fi', 'Cellular', 'Battery']) {
    await iphone.row(name).click();
    await expect(iphone.root.getByRole('heading', { name })).toBeVisible();
    await expectAccessible(iphone.page, `iOS Settings → ${name}`);
    await iphone.button('Back').click();
  }
  await iphone.row('Notifications').click();
  await expect(iphone.root.getByRole('heading', { name: 'Notifications' })).toBeVisible();
  await expectAccessible(iphone.page, 'iOS Settings → Notifications');
  await iphone.row('IBKR Mobile').click();
  await expect(iphone.root.getByRole('switch', { name: 'Allow Notifications' })).toBeVisible();
  await expectAccessible(iphone.page, 'iOS Settings → Notifications → IBKR Mobile');
});

test('iOS Settings → Focus: the modes, Do Not Disturb, its allowed apps and the list to add one', async ({ page, server }) => {
  const iphone = new PhonePage(await openWindow(page, server.url, '#phone/ios-phone'), 'iPhone 15');
  await iphone.openSettings();
  await iphone.row('Focus').click();
  await expect(iphone.root.getByRole('heading', { name: 'Focus' })).toBeVisible();
  await expectAccessible(iphone.page, 'iOS Settings → Focus');
  await iphone.row('Do Not Disturb').click();
  await expect(iphone.root.getByRole('switch', { name: 'Do Not Disturb' })).toBeVisible();
  await expectAccessible(iphone.page, 'iOS Settings → Focus → Do Not Disturb');
  await iphone.row('Apps').click();
  await expect(iphone.button('Add')).toBeVisible();
  await expectAccessible(iphone.page, 'iOS Settings → Focus → Do Not Disturb → Apps');
  await iphone.button('Add').click();
  await expect(iphone.row('IBKR Mobile')).toBeVisible();
  await expectAccessible(iphone.page, 'iOS Settings → Focus → Do Not Disturb → Apps → Add');
});

test('Android Settings: the first page, Network & internet, Battery, Digital Wellbeing', async ({ page, server }) => {
  const pixel = new PhonePage(await openWindow(page, server.url, '#phone/android-phone'), 'Pixel 8');
  await pixel.openSettings();
  await expect(pixel.root.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expectAccessible(pixel.page, 'Android Settings');
  for (const [name, heading] of [
    ['Network & internet', 'Network & internet'],
    ['Battery', 'Battery'],
    ['Digital Wellbeing', 'Digital Wellbeing & parental controls'],
  ] as const) {
    await pixel.row(name).click();
    await expect(pixel.root.getByRole('heading', { name: heading })).toBeVisible();
    await expectAccessible(pixel.page, `Android Settings → ${name}`);
    await pixel.button('Back').click();
  }
});

test('Android Settings → Apps & notifications: Do Not Disturb, App info, its notifications and storage, "Delete app data?"', async ({ page, server }) => {
  const pixel = new PhonePage(await openWindow(page, server.url, '#phone/android-phone'), 'Pixel 8');
  await pixel.openSettings();
  await pixel.row('Apps & notifications').click();
  await expect(pixel.root.getByRole('heading', { name: 'Apps & notifications' })).toBeVisible();
  await expectAccessible(pixel.page, 'Android Settings → Apps & notifications');
  await pixel.row('Do Not Disturb').click();
  await expect(pixel.root.getByRole('switch', { name: 'Do Not Disturb' })).toBeVisible();
  await expectAccessible(pixel.page, 'Android Settings → Apps & notifications → Do Not Disturb');
  await pixel.button('Back').click();
  await pixel.row('IBKR Mobile').click();
  await expect(pixel.row('App notifications')).toBeVisible();
  await expectAccessible(pixel.page, 'Android Settings → App info');
  await pixel.row('App notifications').click();
  await expect(pixel.root.getByRole('switch', { name: 'All IBKR Mobile notifications' })).toBeVisible();
  await expectAccessible(pixel.page, 'Android Settings → App info → Notifications');
  await pixel.button('Back').click();
  await pixel.row('Storage').click();
  await expect(pixel.button('Clear data')).toBeVisible();
  await expectAccessible(pixel.page, 'Android Settings → App info → Storage');
  await pixel.button('Clear data').click();
  await expect(pixel.root.getByRole('alertdialog', { name: 'Delete app data?' })).toBeVisible();
  await expectAccessible(pixel.page, 'Android Settings → Storage → Delete app data?');
});

test('IBKR Mobile approves a login: the banner, the request with Face ID, approved; on Android the PIN and a wrong one', async ({ page, login, advance }) => {
  await login.logIn('ibkeyios', DEMO_PASSWORD);
  const iphone = new PhonePage(page, 'iPhone 15');
  await iphone.home.click();
  advance(PUSH_LATENCY);
  await expect(iphone.banner).toContainText('Login request');
  await expectAccessible(page, 'phone: IB Key banner');
  await iphone.banner.click();
  await expect(iphone.app.getByRole('region', { name: 'Login request' }).getByRole('timer')).toHaveText('2:59');
  await expectAccessible(page, 'IBKR Mobile: login approval');
  await iphone.button('Face ID').click();
  await expect(iphone.app.getByRole('status')).toContainText('Login approved');
  await expectAccessible(page, 'IBKR Mobile: login approved');
  await expect(login.loggedInAs('ibkeyios')).toBeVisible();
  await login.logOutButton.click();

  await login.logIn('ibkeyandroid', DEMO_PASSWORD);
  const pixel = new PhonePage(page, 'Pixel 8');
  advance(PUSH_LATENCY);
  await pixel.notifications.filter({ hasText: 'Login request' }).click();
  const pin = pixel.app.getByLabel('PIN', { exact: true });
  await expect(pin).toBeFocused();
  await expectAccessible(page, 'IBKR Mobile (Android): login approval with PIN');
  await pin.fill('2468');
  await pixel.button('Confirm').click();
  await expect(pixel.app.getByRole('alert')).toHaveText('Incorrect PIN.');
  await expectAccessible(page, 'IBKR Mobile (Android): wrong PIN');
});

test('IBKR Mobile\'s own screens: home, Services, Authenticate, its Response String, the Face ID prompt', async ({ page, login }) => {
  await login.logIn('ibkeyandroid', DEMO_PASSWORD);
  await login.noNotification.click();
  const challenge = await login.challengeDigits();
  const pixel = new PhonePage(page, 'Pixel 8');
  await pixel.openApp();
  await expectAccessible(page, 'IBKR Mobile: home');
  await pixel.button('Services').click();
  await expect(pixel.button('Authenticate')).toBeVisible();
  await expectAccessible(page, 'IBKR Mobile: Services');
  await pixel.button('Authenticate').click();
  await expect(pixel.app.getByRole('textbox', { name: 'Challenge', exact: true })).toBeVisible();
  await expectAccessible(page, 'IBKR Mobile: Authenticate');
  await pixel.generateResponse(challenge, { pin: '1357' });
  await expectAccessible(page, 'IBKR Mobile: Authenticate, Response String');

  await login.cancelButton.click();
  await login.logIn('ibkeyios', DEMO_PASSWORD);
  await login.noNotification.click();
  const iphone = new PhonePage(page, 'iPhone 15');
  await iphone.openApp();
  await iphone.button('Authenticate').click();
  await iphone.app.getByRole('textbox', { name: 'Challenge', exact: true }).fill(await login.challengeDigits());
  await iphone.button('Generate Response').click();
  await expect(iphone.button('Face ID')).toBeVisible();
  await expectAccessible(page, 'IBKR Mobile: Authenticate, Face ID prompt');
});

test('the trading device: IBKR Mobile\'s login on the iPad and its challenge', async ({ page, login }) => {
  await expect(login.root).toBeVisible();
  await page.getByRole('button', { name: 'Trading device', exact: true }).click();
  const ipad = new PhonePage(page, 'iPad');
  await ipad.openApp();
  await expect(ipad.app.getByRole('textbox', { name: 'Username', exact: true })).toBeVisible();
  await expectAccessible(page, 'trading device: IBKR Mobile login on the iPad');
  await ipad.app.getByRole('textbox', { name: 'Username', exact: true }).fill('ibkeyios');
  await ipad.app.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await ipad.button('Log In').click();
  await ipad.button('Two-Factor Authentication').click();
  await expect(ipad.app.getByLabel('Challenge', { exact: true })).toHaveText(/^\d{6}$/);
  await expectAccessible(page, 'trading device: challenge on the iPad');
});

test('the trading device: IBKR Mobile\'s enrolment on the iPad when the regulator requires it (hkuser)', async ({ page, login }) => {
  await expect(login.root).toBeVisible();
  await page.getByRole('button', { name: 'Trading device', exact: true }).click();
  const ipad = new PhonePage(page, 'iPad');
  await ipad.openApp();
  await ipad.appLogIn('hkuser', DEMO_PASSWORD);
  await expect(ipad.appField('Mobile Number')).toBeVisible();
  await expectAccessible(page, 'trading device: enrolment required, on the iPad');
});

test('the director docked on the stage: Scenario (with the time controls and journal), People & devices, Pending, Phones & faults', async ({ page, login }) => {
  await expect(login.username).toBeVisible();
  const director = new Director(page);
  await director.open();
  await expectAccessible(page, 'director: Scenario tab, time controls, journal');
  await director.tab('People & devices').click();
  await expect(director.root.getByRole('table', { name: 'Digital Security Card+ fobs' })).toBeVisible();
  await expectAccessible(page, 'director: People & devices tab');
  await director.tab('Pending').click();
  await expect(director.tab('Pending')).toHaveAttribute('aria-selected', 'true');
  await expectAccessible(page, 'director: Pending tab, empty');
  await director.faultsOf('iPhone');
  await expectAccessible(page, 'director: Phones & faults tab');
});

test('the director at work: a live code pending, time paused, the journal filtered, a broken scenario file reported', async ({ page, login, phone, advance }) => {
  const director = new Director(page);
  await director.open();
  const code = await smsCode(login, phone, advance);
  await director.tab('Pending').click();
  await expect(director.pending.getByRole('row', { name: /smsuser/ })).toContainText(code);
  await expectAccessible(page, 'director: Pending tab with a live code');

  await director.button('Pause').click();
  await expect(director.root.getByText('Paused', { exact: true })).toBeVisible();
  await director.userFilter.selectOption('smsuser');
  await expect(director.entries.filter({ hasText: 'SMS delivered to iPhone' })).toHaveCount(1);
  await expectAccessible(page, 'director: paused, journal filtered by user');

  await director.tab('Scenario').click();
  await director.fileInput.setInputFiles({ name: 'broken.yaml', mimeType: 'application/yaml', buffer: Buffer.from('name: broken\nphones: 3\n') });
  await expect(director.problems).toContainText('broken.yaml was not loaded');
  await expectAccessible(page, 'director: a broken scenario file reported');
});
