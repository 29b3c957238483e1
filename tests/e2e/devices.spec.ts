// Physical second factors as a new user meets them: the DSC+ fob beside the login window, the Security Code Card,
// the device drop-down, and the login window's side of IB Key (push waiting screen, challenge/response).
import { FOB_IDLE_MS } from '../../main/sim/fob.js';
import { test, expect, DEMO_PASSWORD } from './fixtures.js';
import { CodeCard } from './pages/CodeCard.js';
import { Fob } from './pages/Fob.js';
import { LoginWindow } from './pages/LoginWindow.js';
import { PhonePage } from './pages/PhonePage.js';

const SMS_DELAY = 3_000;

/** Something other than what was read, of the same shape. */
const other = (text: string, a: string, b: string) => (text.startsWith(a) ? b : a) + text.slice(1);

test('dscuser logs in with the fob: press, PIN, the challenge from the login window, the response', async ({ page, login }) => {
  await login.logIn('dscuser', DEMO_PASSWORD);
  await expect(login.responseCode).toBeFocused();
  const fob = new Fob(page, 'SNA-52903318');
  await expect(fob.display).toHaveText('Off');

  await fob.holdPress();
  await fob.key('2').click();
  await fob.key('4').click();
  // The PIN is masked on the display, as on the real card.
  await expect(fob.display).toHaveText('PIN>**');
  await fob.enter('68');
  await expect(fob.display).toHaveText('CHALLNG>');

  const challenge = await login.challengeDigits();
  await fob.enter(challenge);
  const response = await fob.response();

  await login.answer(login.responseCode, response);
  await expect(login.loggedInAs('dscuser')).toBeVisible();
});

test('dscuser: a wrong response says "Login failed" and keeps it to correct; three wrong PINs lock the fob', async ({ page, login }) => {
  await login.logIn('dscuser', DEMO_PASSWORD);
  const fob = new Fob(page, 'SNA-52903318');
  await fob.holdPress();
  await fob.enter('2468');
  await fob.enter(await login.challengeDigits());
  const response = await fob.response();
  const wrong = other(response, '1', '2');

  await login.answer(login.responseCode, wrong);
  await expect(login.alert).toHaveText('Login failed');
  await expect(login.challenge).toBeVisible();
  await expect(login.responseCode).toHaveValue(wrong);
  await expect(login.responseCode).toBeFocused();

  // Pressed again, the fob asks for the PIN again; three wrong ones lock it.
  await fob.holdPress();
  await fob.enter('1111');
  await expect(fob.display).toHaveText('PIN> FAIL 1');
  await fob.enter('2222');
  await expect(fob.display).toHaveText('PIN> FAIL 2');
  await fob.enter('3333');
  await expect(fob.display).toHaveText('LOCKED');
  // Locked, "press" does nothing.
  await fob.pressButton.press('Enter');
  await expect(fob.display).toHaveText('LOCKED');
});

test('the fob works from the keyboard and switches itself off when left alone', async ({ page, login, advance }) => {
  await login.logIn('dscuser', DEMO_PASSWORD);
  const fob = new Fob(page, 'SNA-52903318');
  // Enter on "press" counts as holding it.
  await fob.pressButton.focus();
  await page.keyboard.press('Enter');
  await expect(fob.display).toHaveText('PIN>');
  // Digits typed while the card has focus go to its keypad; Backspace takes one back.
  await page.keyboard.type('2469');
  await expect(fob.display).toHaveText('PIN>****');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('8');
  await fob.okButton.click();
  await expect(fob.display).toHaveText('CHALLNG>');

  advance(FOB_IDLE_MS);
  await expect(fob.display).toHaveText('Off');
  // It starts over from the beginning, as the manual says.
  await fob.holdPress();
  await expect(fob.display).toHaveText('PIN>');
});

test('carduser logs in with the values read off the Security Code Card; a wrong value is refused', async ({ page, login }) => {
  await login.logIn('carduser', DEMO_PASSWORD);
  await expect(login.cardValues).toBeFocused();
  const [first, second] = await login.indexNumbers();
  expect(first).not.toBe(second);

  await login.viewCard.click();
  await expect(login.viewCard).toHaveAttribute('aria-expanded', 'true');
  const card = new CodeCard(page, 'SCC-7702-4419');
  const a = await card.valueAt(first);
  const b = await card.valueAt(second);
  expect(a).toMatch(/^[A-Z0-9]{3}$/);

  const wrong = `${a}${other(b, 'A', 'B')}`;
  await login.answer(login.cardValues, wrong);
  await expect(login.alert).toHaveText('Login failed');
  await expect(login.cardValues).toHaveValue(wrong);

  // Typed as a person might: lower case, a space between the two values.
  await login.answer(login.cardValues, `${a.toLowerCase()} ${b.toLowerCase()}`);
  await expect(login.loggedInAs('carduser')).toBeVisible();
  // The login over, the card is closed again: its face stays on the desk, its values hidden.
  await expect(card.values).toHaveCount(0);
  await expect(card.root.getByRole('button', { name: 'Open card', exact: true })).toBeVisible();
});

test('the login window alone opens the card in a dialog', async ({ page, server }) => {
  await page.goto(`${server.url}#login`);
  await expect(page.locator('html[data-ready]')).toBeAttached();
  const login = new LoginWindow(page);
  await login.logIn('carduser', DEMO_PASSWORD);
  const [first, second] = await login.indexNumbers();
  await login.viewCard.click();
  const dialog = page.getByRole('dialog', { name: 'Security Code Card' });
  await expect(dialog).toBeVisible();
  const card = new CodeCard(page);
  const values = (await card.valueAt(first)) + (await card.valueAt(second));
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await login.answer(login.cardValues, values);
  await expect(login.loggedInAs('carduser')).toBeVisible();
});

test('multidevice: DSC+ from the drop-down, completed with its fob', async ({ page, login }) => {
  await login.logIn('multidevice', DEMO_PASSWORD);
  await login.chooseDevice('Digital Security Card+ (SNA-31478259)');
  const fob = new Fob(page, 'SNA-31478259');
  await fob.holdPress();
  await fob.enter('2468');
  await fob.enter(await login.challengeDigits());
  await login.answer(login.responseCode, await fob.response());
  await expect(login.loggedInAs('multidevice')).toBeVisible();
});

test('multidevice: "Choose Another Device" goes back to the drop-down; SMS then completes with the phone', async ({ page, login, advance }) => {
  await login.logIn('multidevice', DEMO_PASSWORD);
  await login.chooseDevice('Digital Security Card+ (SNA-31478259)');
  await expect(login.challenge).toBeVisible();
  await login.chooseAnotherDevice.click();
  // The same login: no password asked again, the drop-down offered again; the fob stays on the desk, multidevice's as the phone is.
  await expect(login.deviceSelect).toBeFocused();
  await expect(login.password).toHaveCount(0);
  await expect(new Fob(page, 'SNA-31478259').root).toBeVisible();

  await login.chooseDevice('SMS (***-***-0164)');
  await expect(login.securityCode).toBeFocused();
  advance(SMS_DELAY);
  const phone = new PhonePage(page, 'iPhone SE');
  await phone.openMessages();
  await login.enterCode(await phone.latestCode());
  await expect(login.loggedInAs('multidevice')).toBeVisible();
});

test('IB Key: the push screen waits for the phone; the link offers a challenge instead', async ({ login }) => {
  await login.logIn('ibkeyios', DEMO_PASSWORD);
  await expect(login.root.getByText(/notification has been sent to your phone \(iPhone 15 Pro\)/)).toBeVisible();
  await expect(login.noNotification).toBeFocused();
  await expect(login.chooseAnotherDevice).toHaveCount(0);

  await login.noNotification.click();
  await login.challengeDigits();
  await expect(login.responseCode).toBeFocused();
  await expect(login.responseCode).toHaveAttribute('inputmode', 'numeric');
  await login.answer(login.responseCode, '12345678');
  await expect(login.alert).toHaveText('Login failed');
  await expect(login.responseCode).toHaveValue('12345678');
});

test('IB Key: when the push is not approved in time, the window shows the challenge by itself', async ({ login, sim, advance }) => {
  await login.logIn('ibkeyios', DEMO_PASSWORD);
  await expect(login.noNotification).toBeVisible();
  advance(sim.scenario.timing.pushWindow);
  await expect(login.root.getByText('The notification was not approved in time', { exact: false })).toBeVisible();
  await login.challengeDigits();
  await expect(login.cancelButton).toBeVisible();
});

test('device windows: #card shows a card by serial, #fob follows the login in progress', async ({ page, server, context, login }) => {
  const cardPage = await context.newPage();
  await cardPage.goto(`${server.url}#card/SCC-7702-4419`);
  await expect(new CodeCard(cardPage, 'SCC-7702-4419').indexes).toHaveCount(224);
  await expect(new CodeCard(cardPage).printButton).toBeEnabled();

  const fobPage = await context.newPage();
  await fobPage.goto(`${server.url}#fob`);
  await expect(fobPage.locator('html[data-ready]')).toBeAttached();
  // Before any login, the scenario's first fob; then the one of the login in progress.
  await expect(new Fob(fobPage, 'SNA-31478259').root).toBeVisible();
  await page.bringToFront();
  await login.logIn('dscuser', DEMO_PASSWORD);
  await expect(new Fob(fobPage, 'SNA-52903318').root).toBeVisible();
});

test('a #fob window opened while a DSC+ login waits shows that login\'s fob', async ({ server, context, login }) => {
  await login.logIn('dscuser', DEMO_PASSWORD);
  await expect(login.root.getByText('Digital Security Card+', { exact: true })).toBeVisible();
  const fobPage = await context.newPage();
  await fobPage.goto(`${server.url}#fob`);
  await expect(fobPage.locator('html[data-ready]')).toBeAttached();
  await expect(new Fob(fobPage, 'SNA-52903318').root).toBeVisible();
});
