// Phone frames by model: the iPhone SE's Home button (and Touch ID on it), the notch of the 13 and 14, the Dynamic Island of the 15 Pro, the Pixel's punch-hole.
import type { Locator, Page } from '@playwright/test';
import { expectAccessible } from './axe.js';
import { test, expect, DEMO_PASSWORD } from './fixtures.js';
import { PhonePage } from './pages/PhonePage.js';

test.describe.configure({ timeout: 120_000 });

const PUSH_LATENCY = 1_000;

/** The phone's screen: the glass under the frame, whatever it shows. */
const screen = (phone: PhonePage) => phone.root.locator('.screen');
/** What the front camera cuts out of the screen (decoration only, hidden from screen readers). */
const camera = (phone: PhonePage) => phone.root.locator('.camera');

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error('not drawn');
  return b;
}

/** Saves a shot of the phone for a person to look at (test-results/, not committed). */
async function shoot(page: Page, phone: PhonePage, name: string): Promise<void> {
  await phone.root.screenshot({ path: test.info().outputPath(`${name}.png`), animations: 'disabled' });
}

test('the iPhone SE has a round Home button under its screen, no camera cut-out and no gesture bar; Home opens it', async ({ page, login }) => {
  await login.username.fill('multidevice');
  const se = new PhonePage(page, 'iPhone SE');
  await expect(se.root).toBeVisible();
  // One Home control: the button itself (no gesture bar on the screen), below the glass, round and centred.
  await expect(se.home).toHaveCount(1);
  const glass = await box(screen(se));
  const home = await box(se.home);
  expect(home.y).toBeGreaterThanOrEqual(glass.y + glass.height);
  expect(Math.abs(home.width - home.height)).toBeLessThan(1);
  expect(Math.abs(home.x + home.width / 2 - (glass.x + glass.width / 2))).toBeLessThan(1);
  await expect(camera(se)).toHaveCount(0);
  await expect(se.root).toContainText('Press Home to open');
  await shoot(page, se, 'se-lock');
  await expectAccessible(page, 'the iPhone SE on its lock screen');

  await se.home.click();
  await expect(se.messagesApp).toBeVisible();
});

test('multidevice approves the IB Key push with Touch ID on the SE\'s Home button', async ({ page, login, advance }) => {
  await login.logIn('multidevice', DEMO_PASSWORD);
  await login.chooseDevice('IB Key (iPhone SE)');
  await expect(login.noNotification).toBeVisible();
  const se = new PhonePage(page, 'iPhone SE');
  await se.home.click();
  advance(PUSH_LATENCY);
  await se.banner.click();

  // The screen asks for a finger on the Home button; the button becomes the sensor, named "Touch ID", and takes the focus.
  await expect(se.app).toContainText('Place your finger on the Home button');
  const sensor = se.button('Touch ID');
  await expect(sensor).toHaveCount(1);
  await expect(sensor).toBeFocused();
  await expect(se.home).toHaveCount(0);
  const glass = await box(screen(se));
  expect((await box(sensor)).y).toBeGreaterThanOrEqual(glass.y + glass.height);
  await shoot(page, se, 'se-touch-id');
  await expectAccessible(page, 'the iPhone SE asking for Touch ID on its Home button');

  await page.keyboard.press('Enter');
  await expect(login.loggedInAs('multidevice')).toBeVisible();
  // Touch ID done, the button is the Home button again.
  await expect(se.home).toHaveCount(1);
});

test('the SE generates a response string with Touch ID on its Home button, and Passcode stays on the screen', async ({ page, login }) => {
  await expect(login.root).toBeVisible();
  await page.goto(page.url().replace(/#.*$/, '') + '#phone/multi-phone');
  const se = new PhonePage(page, 'iPhone SE');
  await expect(se.root).toBeVisible();
  await se.openApp();
  await se.button('Authenticate').click();
  await se.app.getByRole('textbox', { name: 'Challenge', exact: true }).fill('123456');
  await se.button('Generate Response').click();
  await expect(se.app).toContainText('Place your finger on the Home button');
  await expect(se.app.getByRole('button', { name: 'Enter Passcode', exact: true })).toBeVisible();
  await expectAccessible(page, 'the iPhone SE window asking for Touch ID to generate a response');
  await se.button('Touch ID').click();
  await expect(se.app.getByLabel('Response String', { exact: true })).toHaveText(/^\d{8}$/);
});

test('the iPhone 13 and 14 have the notch, the iPhone 15 Pro the Dynamic Island, the Pixel 8 the punch-hole; none a Home button', async ({ page, login }) => {
  const cases: [user: string, phone: string, cutout: string][] = [
    ['smsuser', 'iPhone', 'notch'],
    ['inuser', 'iPhone 13', 'notch'],
    ['ibkeyios', 'iPhone 15', 'island'],
    ['ibkeyandroid', 'Pixel 8', 'punchHole'],
  ];
  for (const [user, name, cutout] of cases) {
    await login.username.fill(user);
    const phone = new PhonePage(page, name);
    await expect(phone.root).toBeVisible();
    await expect(camera(phone)).toHaveClass(new RegExp(`\\b${cutout}\\b`));
    // The cut-out sits at the top of the glass, centred.
    const glass = await box(screen(phone));
    const cut = await box(camera(phone));
    expect(cut.y - glass.y).toBeLessThan(16);
    expect(Math.abs(cut.x + cut.width / 2 - (glass.x + glass.width / 2))).toBeLessThan(1);
    // Home is the gesture bar on the glass, not a button below it.
    const home = await box(phone.home);
    expect(home.y + home.height).toBeLessThanOrEqual(glass.y + glass.height);
    await expect(phone.root).toContainText(cutout === 'punchHole' ? 'Swipe up to unlock' : 'Swipe up to open');
    await shoot(page, phone, `frame-${user}`);
  }
  await expectAccessible(page, 'the stage with the Pixel 8');
});
