// The whole demo from the keyboard alone (Tab, Shift+Tab, Enter, Space, the arrows; text typed key by key), as a
// screencaster records it without a hand on the mouse: at every stop of the focus, the focus ring a person can see
// (./focus-ring.ts: 2 px, 3:1 against what it paints over and the control's own background, not clipped).
import type { Locator, Page } from '@playwright/test';
import { test, expect, DEMO_PASSWORD } from './fixtures.js';
import { expectAccessible } from './axe.js';
import { expectFocusRing } from './focus-ring.js';
import { Fob } from './pages/Fob.js';
import { PhonePage } from './pages/PhonePage.js';

const SMS_DELAY = 3_000;
/** Push services take about a second (main/sim/push.ts). */
const PUSH_LATENCY = 1_000;

// The size a screencast is recorded at, where the stage scales the desk.
test.use({ viewport: { width: 1280, height: 720 } });

/** Whether the locator's element has the focus. */
async function focused(target: Locator): Promise<boolean> {
  return (await target.count()) === 1 && target.evaluate((el) => el === document.activeElement);
}

/** Whether the locator's element comes before the focused one in the page (so Shift+Tab reaches it). */
async function before(target: Locator): Promise<boolean> {
  return target.evaluate((el) => Boolean(document.activeElement && el.compareDocumentPosition(document.activeElement) & Node.DOCUMENT_POSITION_FOLLOWING));
}

/**
 * Presses Tab (Shift+Tab when `back`) until `target` has the focus, checking the ring of every control passed on
 * the way; fails after `limit` presses (an unreachable control, or a trap that keeps the focus elsewhere).
 */
async function tabTo(page: Page, target: Locator, { back = false, limit = 40 } = {}): Promise<number> {
  for (let presses = 0; presses <= limit; presses++) {
    if (await focused(target)) {
      await expectFocusRing(page, `the target, after ${presses} presses`);
      return presses;
    }
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const name = await page.evaluate(() => {
      const el = document.activeElement;
      return el ? `${el.tagName.toLowerCase()} ${el.getAttribute('aria-label') ?? (el as HTMLElement).innerText?.slice(0, 30) ?? ''}` : 'nothing';
    });
    await expectFocusRing(page, `stop ${presses + 1} on the way (${name})`);
  }
  throw new Error(`${String(target)} not reached in ${limit} presses of ${back ? 'Shift+Tab' : 'Tab'}`);
}

test('smsuser logs in from the keyboard, reading the code off the phone', async ({ page, login, phone, advance }) => {
  await tabTo(page, login.username);
  await page.keyboard.type('smsuser');
  await tabTo(page, login.password);
  await page.keyboard.type(DEMO_PASSWORD);
  await tabTo(page, login.logInButton);
  await page.keyboard.press('Enter');
  await expect(login.securityCode).toBeFocused();
  await expectFocusRing(page, 'Security Code');
  await expectAccessible(page, 'security code step, focused');

  advance(SMS_DELAY);
  await expect(phone.notifications).toHaveCount(1);
  // To the phone: its notification on the lock screen, which opens Messages.
  await tabTo(page, phone.notifications.first());
  await expectAccessible(page, 'phone lock screen, notification focused');
  await page.keyboard.press('Enter');
  await expect(phone.messages).toHaveCount(1);
  const code = await phone.latestCode();

  // Back to the login window.
  await tabTo(page, login.securityCode, { back: true });
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
  await expect(login.loggedInAs('smsuser')).toBeVisible();
  await tabTo(page, login.logOutButton);
});

test('ibkeyios approves the push on the phone from the keyboard: the notification, the request, Face ID', async ({ page, login, sim, advance }) => {
  await tabTo(page, login.username);
  await page.keyboard.type('ibkeyios');
  await page.keyboard.press('Tab');
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(login.noNotification).toBeVisible();
  const phone = new PhonePage(page, 'iPhone 15');
  advance(PUSH_LATENCY);
  await expect(phone.notifications.filter({ hasText: 'Login request' })).toHaveCount(1);
  await tabTo(page, phone.notifications.filter({ hasText: 'Login request' }));
  await page.keyboard.press('Enter');
  const request = phone.app.getByRole('region', { name: 'Login request' });
  await expect(request).toContainText('ibkeyios');
  await tabTo(page, phone.button('Face ID'));
  await expectAccessible(page, 'IB Key login request, Face ID focused');
  await page.keyboard.press('Enter');
  await expect(phone.app.getByRole('status')).toContainText('Login approved');
  await expect(login.loggedInAs('ibkeyios')).toBeVisible();
  expect(sim.getJournal({}).entries.filter((e) => e.type === 'push.approved')).toHaveLength(1);
});

test('ibkeyandroid approves with the PIN on the dark Android phone, from the keyboard', async ({ page, login, advance }) => {
  await tabTo(page, login.username);
  await page.keyboard.type('ibkeyandroid');
  await page.keyboard.press('Tab');
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  const phone = new PhonePage(page, 'Pixel 8');
  advance(PUSH_LATENCY);
  const card = phone.notifications.filter({ hasText: 'Login request' });
  await expect(card).toHaveCount(1);
  await tabTo(page, card);
  await page.keyboard.press('Enter');
  const pin = phone.app.getByLabel('PIN', { exact: true });
  await expect(pin).toBeFocused();
  await expectFocusRing(page, 'the PIN field');
  await page.keyboard.type('1357');
  await tabTo(page, phone.button('Confirm'));
  await expectAccessible(page, 'IB Key on Android, PIN typed, Confirm focused');
  await page.keyboard.press('Enter');
  await expect(login.loggedInAs('ibkeyandroid')).toBeVisible();
});

test('multidevice: the drop-down waits for Continue, then DSC+ with its fob, keys pressed from the keyboard', async ({ page, login, sim }) => {
  const pushes = () => sim.getJournal({}).entries.filter((e) => e.type === 'push.sent').length;
  const chosen = () => login.deviceSelect.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text ?? '');
  await tabTo(page, login.username);
  await page.keyboard.type('multidevice');
  await page.keyboard.press('Tab');
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(login.deviceSelect).toBeFocused();
  await expectFocusRing(page, 'the device drop-down');
  await expectAccessible(page, 'the device drop-down, focused');

  // The arrow keys move a closed drop-down's choice, past IB Key: nothing is sent.
  await page.keyboard.press('ArrowDown');
  expect(await chosen()).toBe('IB Key (iPhone SE)');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  expect(await chosen()).toBe('IB Key (iPhone SE)');
  await expect(login.deviceSelect).toBeVisible();
  expect(pushes()).toBe(0);
  // Continue sends it.
  await tabTo(page, login.continueButton);
  expect(pushes()).toBe(0);
  await page.keyboard.press('Enter');
  await expect(login.noNotification).toBeVisible();
  expect(pushes()).toBe(1);

  // Another device: DSC+, its challenge, the fob's keys.
  await tabTo(page, login.chooseAnotherDevice);
  await page.keyboard.press('Enter');
  await expect(login.deviceSelect).toBeFocused();
  while ((await chosen()) !== 'Digital Security Card+ (SNA-31478259)') await page.keyboard.press('ArrowDown');
  await tabTo(page, login.continueButton);
  await page.keyboard.press('Enter');
  await expect(login.responseCode).toBeFocused();
  const challenge = await login.challengeDigits();

  const fob = new Fob(page, 'SNA-31478259');
  await tabTo(page, fob.pressButton);
  await expectAccessible(page, 'the DSC+ fob, press focused');
  // Enter on "press" counts as holding it.
  await page.keyboard.press('Enter');
  await expect(fob.display).toHaveText('PIN>');
  // The PIN on the fob's keys, each reached with Tab and pressed with Space.
  for (const digit of '2468') {
    await tabTo(page, fob.key(digit), { back: await before(fob.key(digit)) });
    await page.keyboard.press('Space');
  }
  await expect(fob.display).toHaveText('PIN>****');
  await tabTo(page, fob.okButton);
  await page.keyboard.press('Enter');
  await expect(fob.display).toHaveText('CHALLNG>');
  // The challenge typed while the fob has the focus goes to its keypad.
  await page.keyboard.type(challenge);
  await page.keyboard.press('Enter');
  const response = await fob.response();

  await tabTo(page, login.responseCode, { back: true });
  await page.keyboard.type(response);
  await page.keyboard.press('Enter');
  await expect(login.loggedInAs('multidevice')).toBeVisible();
  // Only the one push Continue sent, ever.
  expect(pushes()).toBe(1);
});
