// IB Key as a new user meets it: the push approved on the phone, the challenge/response fallback, and IB Key on another phone.
import { test, expect, DEMO_PASSWORD } from './fixtures.js';
import { PhonePage } from './pages/PhonePage.js';

/** Push services take about a second (main/sim/push.ts); the approval window is 3 minutes (timing.pushWindow, main/sim/scenario/schema.ts). */
const PUSH_LATENCY = 1_000;
const PUSH_WINDOW = 180_000;

test('ibkeyios approves the push notification with Face ID', async ({ page, login, advance }) => {
  await login.logIn('ibkeyios', DEMO_PASSWORD);
  await expect(login.noNotification).toBeVisible();
  const phone = new PhonePage(page, 'iPhone 15');
  await expect(phone.root).toBeVisible();
  // Unlocked, the phone shows the notification as a banner.
  await phone.home.click();
  advance(PUSH_LATENCY);
  await expect(phone.banner).toContainText('Login request');
  await phone.banner.click();

  // IB Key: who logs in, to what, and the time left.
  const request = phone.app.getByRole('region', { name: 'Login request' });
  await expect(request).toContainText('ibkeyios');
  await expect(request).toContainText('Trader Workstation');
  await expect(request.getByRole('timer')).toHaveText('2:59');
  await phone.button('Face ID').click();

  await expect(phone.app.getByRole('status')).toContainText('Login approved');
  await expect(login.loggedInAs('ibkeyios')).toBeVisible();
});

test('ibkeyandroid approves with the PIN; a wrong PIN first is refused and keeps what was typed', async ({ page, login, advance }) => {
  await login.logIn('ibkeyandroid', DEMO_PASSWORD);
  const phone = new PhonePage(page, 'Pixel 8');
  await expect(phone.root).toBeVisible();
  advance(PUSH_LATENCY);
  // Locked, the notification waits in the lock screen's list.
  await phone.notifications.filter({ hasText: 'Login request' }).click();

  const pin = phone.app.getByLabel('PIN', { exact: true });
  await expect(pin).toBeFocused();
  await pin.fill('2468');
  await phone.button('Confirm').click();
  await expect(phone.app.getByRole('alert')).toHaveText('Incorrect PIN.');
  await expect(pin).toHaveValue('2468');
  await expect(login.noNotification).toBeVisible();

  await pin.fill('1357');
  await phone.button('Confirm').click();
  await expect(login.loggedInAs('ibkeyandroid')).toBeVisible();
});

test('ibkeyios by challenge/response: the challenge typed into the phone, the response into the login window', async ({ page, login }) => {
  await login.logIn('ibkeyios', DEMO_PASSWORD);
  await login.noNotification.click();
  const challenge = await login.challengeDigits();

  const phone = new PhonePage(page, 'iPhone 15');
  await phone.openApp();
  await phone.button('Authenticate').click();
  const response = await phone.generateResponse(challenge, { biometric: 'Face ID' });

  await login.answer(login.responseCode, response);
  await expect(login.loggedInAs('ibkeyios')).toBeVisible();
});

test('ibkeyandroid by challenge/response through Services, with the PIN', async ({ page, login }) => {
  await login.logIn('ibkeyandroid', DEMO_PASSWORD);
  await login.noNotification.click();
  const challenge = await login.challengeDigits();

  const phone = new PhonePage(page, 'Pixel 8');
  await phone.openApp();
  await phone.button('Services').click();
  await phone.button('Authenticate').click();
  const response = await phone.generateResponse(challenge, { pin: '1357' });

  await login.answer(login.responseCode, response);
  await expect(login.loggedInAs('ibkeyandroid')).toBeVisible();
});

test('a wrong PIN in Authenticate is refused by the app (it counts toward locking IB Key); a wrong response is refused by the login', async ({ page, login }) => {
  await login.logIn('ibkeyandroid', DEMO_PASSWORD);
  await login.noNotification.click();
  const challenge = await login.challengeDigits();
  const phone = new PhonePage(page, 'Pixel 8');
  await phone.openApp();
  await phone.button('Authenticate').click();

  await phone.app.getByLabel('PIN', { exact: true }).fill('9999');
  await phone.app.getByRole('textbox', { name: 'Challenge', exact: true }).fill(challenge);
  // Android's button, as the FAQ names it.
  await phone.button('Generate Passcode').click();
  await expect(phone.app.getByRole('alert')).toHaveText('Incorrect PIN.');
  await expect(phone.app.getByLabel('Response String', { exact: true })).toHaveCount(0);

  await login.answer(login.responseCode, '12345678');
  await expect(login.alert).toHaveText('Login failed');
  await expect(login.responseCode).toHaveValue('12345678');

  const response = await phone.generateResponse(challenge, { pin: '1357' });
  await login.answer(login.responseCode, response);
  await expect(login.loggedInAs('ibkeyandroid')).toBeVisible();
});

test('an approval after the 3-minute window is refused, and the login offers the challenge instead', async ({ page, login, advance }) => {
  await login.logIn('ibkeyios', DEMO_PASSWORD);
  const phone = new PhonePage(page, 'iPhone 15');
  await expect(phone.root).toBeVisible();
  advance(PUSH_LATENCY);
  await phone.notifications.filter({ hasText: 'Login request' }).click();
  await expect(phone.app.getByRole('timer')).toHaveText('2:59');

  advance(PUSH_WINDOW);
  await expect(phone.app.getByRole('region', { name: 'Login request' })).toContainText('Expired');
  await phone.button('Face ID').click();
  await expect(phone.app.getByRole('alert')).toContainText('This login request has expired');

  await expect(login.loggedInAs('ibkeyios')).toHaveCount(0);
  await expect(login.root).toContainText('not approved in time');
  await expect(login.challenge).toHaveText(/\d{3}\s*\d{3}/);
  await expect(login.responseCode).toBeVisible();
});

test('multidevice chooses "IB Key (iPhone SE)" and approves with Touch ID', async ({ page, login, advance }) => {
  await login.logIn('multidevice', DEMO_PASSWORD);
  await login.chooseDevice('IB Key (iPhone SE)');
  await expect(login.noNotification).toBeVisible();

  const phone = new PhonePage(page, 'iPhone SE');
  await expect(phone.root).toBeVisible();
  await phone.home.click();
  advance(PUSH_LATENCY);
  await phone.banner.click();
  await phone.button('Touch ID').click();
  await expect(login.loggedInAs('multidevice')).toBeVisible();
});

test('IB Key on another phone: the iPad logs in with the response generated on the iPhone 15', async ({ page, login }) => {
  await expect(login.root).toBeVisible();
  await page.getByRole('button', { name: 'Trading device', exact: true }).click();
  const ipad = new PhonePage(page, 'iPad');
  await ipad.openApp();
  await ipad.app.getByRole('textbox', { name: 'Username', exact: true }).fill('ibkeyios');
  await ipad.app.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await ipad.button('Log In').click();

  await ipad.button('Two-Factor Authentication').click();
  const shown = ipad.app.getByLabel('Challenge', { exact: true });
  await expect(shown).toHaveText(/^\d{6}$/);
  const challenge = (await shown.textContent())!.trim();

  // The authentication device: the app's Services → Authenticate, as the article shows.
  const iphone = new PhonePage(page, 'iPhone 15');
  await iphone.openApp();
  await iphone.button('Services').click();
  await iphone.button('Authenticate').click();
  const response = await iphone.generateResponse(challenge, { biometric: 'Face ID' });

  await ipad.app.getByRole('textbox', { name: 'Enter response code', exact: true }).fill(response);
  await ipad.button('Send').click();
  await expect(ipad.app.getByText('Logged in as ibkeyios', { exact: true })).toBeVisible();
});

test('the app says why it cannot answer: IB Key not active on this phone, or a jailbroken phone', async ({ page, login, sim }) => {
  await expect(login.root).toBeVisible();
  await page.getByRole('button', { name: 'Trading device', exact: true }).click();
  const ipad = new PhonePage(page, 'iPad');
  await ipad.openApp();
  await ipad.button('Authenticate').click();
  await ipad.app.getByRole('textbox', { name: 'Challenge', exact: true }).fill('123456');
  await ipad.button('Generate Response').click();
  await expect(ipad.app.getByRole('alert')).toHaveText('IB Key is not activated on this phone.');
  await expect(ipad.app.getByRole('textbox', { name: 'Challenge', exact: true })).toHaveValue('123456');

  // The director's fault: the iPhone 15 is jailbroken.
  sim.setPhoneState({ phoneId: 'ios-phone', patch: { jailbroken: true } });
  // Back to the login window (the trading device off): it kept its state.
  await page.getByRole('button', { name: 'Trading device', exact: true }).click();
  await login.logIn('ibkeyios', DEMO_PASSWORD);
  const iphone = new PhonePage(page, 'iPhone 15');
  await iphone.openApp();
  await iphone.button('Authenticate').click();
  await iphone.app.getByRole('textbox', { name: 'Challenge', exact: true }).fill('123456');
  await iphone.button('Generate Response').click();
  await expect(iphone.app.getByRole('alert')).toHaveText('IB Key cannot be used on a jailbroken or rooted device.');
});

test('five wrong app PINs lock IB Key on the Android phone: its Services screen says it must be activated again', async ({ page, login, sim }) => {
  await login.logIn('ibkeyandroid', DEMO_PASSWORD);
  await login.noNotification.click();
  await login.challengeDigits();
  // Five wrong PINs in Authenticate, by the control API (the app's refusal is unit-tested).
  for (let i = 0; i < 5; i++) sim.generateResponse({ phoneId: 'android-phone', challenge: '123456', method: 'pin', pin: '9999' });
  const phone = new PhonePage(page, 'Pixel 8');
  await phone.openApp();
  await phone.button('Services').click();
  await expect(phone.app).toContainText('Too many incorrect PINs: IB Key is locked on this phone. Activate IB Key again to use it.');
});
