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
      return el && el !== document.body ? `${el.tagName.toLowerCase()} ${el.getAttribute('aria-label') ?? (el as HTMLElement).innerText?.slice(0, 30) ?? ''}` : null;
    });
    // Past the page's last control the focus leaves the page; the next press comes round to the first.
    if (name !== null) await expectFocusRing(page, `stop ${presses + 1} on the way (${name})`);
  }
  throw new Error(`${String(target)} not reached in ${limit} presses of ${back ? 'Shift+Tab' : 'Tab'}`);
}

/**
 * Tabs through the whole page once round, from the focused control (or the page's start) back to it, checking the
 * ring at every stop; returns the stops' names. Every control of every surface on screen is passed: the stage's
 * toggles and Language switch, the login window, the phone's screen, the devices. Fails on a trap (the focus never
 * comes back round). The page's end is no stop: the focus leaves the page there and comes round to its start.
 */
async function tabThroughPage(page: Page, screen: string, limit = 150): Promise<string[]> {
  // From the page's start when nothing has the focus (a screen that replaced the focused control): once through.
  const fromStart = await page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return true;
    el.setAttribute('data-round-start', '');
    return false;
  });
  const seen: string[] = [];
  try {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press('Tab');
      const stop = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return { name: null, back: false };
        const label = el.getAttribute('aria-label') ?? ((el as HTMLInputElement).labels?.[0]?.innerText || (el as HTMLElement).innerText || '');
        return { name: `${el.getAttribute('role') ?? el.tagName.toLowerCase()} "${label.replace(/\s+/g, ' ').slice(0, 40)}"`, back: el.hasAttribute('data-round-start') };
      });
      if (stop.name === null) {
        if (fromStart && seen.length) return seen;
        continue;
      }
      seen.push(stop.name);
      await expectFocusRing(page, `${screen}, stop ${seen.length}: ${stop.name}`);
      if (stop.back) return seen;
    }
  } finally {
    await page.evaluate(() => document.querySelector('[data-round-start]')?.removeAttribute('data-round-start'));
  }
  throw new Error(`${screen}: the focus did not come back round in ${limit} presses of Tab (a trap?): ${seen.slice(-5).join(', ')}`);
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

test('every control of the stage and the iPhone shows the ring: lock screen, home, Messages, Settings, Control Center, the side button, IBKR Mobile', async ({ page, login, phone }) => {
  void login;
  const stops = await tabThroughPage(page, 'the stage');
  // The stage's own controls are passed too.
  for (const name of ['Trader Workstation login', 'Client Portal', 'Username', 'Director', 'Presenter mode', 'Trading device']) {
    expect(stops.some((s) => s.includes(name)), `${name} in ${stops.join(', ')}`).toBe(true);
  }
  await expect(page.getByRole('combobox', { name: 'Language' })).toHaveCount(1);

  await tabTo(page, phone.home);
  await page.keyboard.press('Enter');
  await expect(phone.messagesApp).toBeVisible();
  await tabThroughPage(page, 'the home screen');

  await tabTo(page, phone.messagesApp);
  await page.keyboard.press('Enter');
  await expect(phone.root.getByRole('heading')).toBeVisible();
  await tabThroughPage(page, 'Messages');

  await tabTo(page, phone.home, { back: await before(phone.home) });
  await page.keyboard.press('Enter');
  await tabTo(page, phone.button('Settings'), { back: await before(phone.button('Settings')) });
  await page.keyboard.press('Enter');
  await tabThroughPage(page, 'Settings');
  await tabTo(page, phone.row('Notifications'), { back: await before(phone.row('Notifications')) });
  await page.keyboard.press('Enter');
  await tabThroughPage(page, 'Settings, Notifications');

  const controlCenter = phone.button('Control Center');
  await tabTo(page, controlCenter, { back: await before(controlCenter) });
  await page.keyboard.press('Enter');
  await expect(phone.root.getByRole('dialog', { name: 'Control Center' })).toBeVisible();
  await tabThroughPage(page, 'Control Center');
  await expectAccessible(page, 'Control Center, from the keyboard');
  await page.keyboard.press('Escape');
  await expect(phone.root.getByRole('dialog', { name: 'Control Center' })).toHaveCount(0);

  const side = phone.button('Side button');
  await tabTo(page, side, { back: await before(side) });
  await page.keyboard.press('Enter');
  await expect(phone.root.getByRole('dialog', { name: 'Power', exact: true })).toBeVisible();
  await tabThroughPage(page, 'the power menu');
  await page.keyboard.press('Escape');

  await tabTo(page, phone.home, { back: await before(phone.home) });
  await page.keyboard.press('Enter');
  const app = phone.button('IBKR Mobile');
  await tabTo(page, app, { back: await before(app) });
  await page.keyboard.press('Enter');
  await expect(phone.app).toBeVisible();
  await tabThroughPage(page, 'IBKR Mobile');
});

test('every control of the dark Android phone, the code card and the Client Portal shows the ring', async ({ page, login }) => {
  // The stage shows the phone of the name typed.
  await tabTo(page, login.username);
  await page.keyboard.type('ibkeyandroid');
  const pixel = new PhonePage(page, 'Pixel 8');
  await expect(pixel.root).toBeVisible();
  await tabThroughPage(page, 'the Pixel 8 locked');
  await tabTo(page, pixel.home, { back: await before(pixel.home) });
  await page.keyboard.press('Enter');
  await tabThroughPage(page, 'the Pixel 8 home screen');
  const shade = pixel.button('Quick settings');
  await tabTo(page, shade, { back: await before(shade) });
  await page.keyboard.press('Enter');
  await tabThroughPage(page, 'Quick settings');
  await expectAccessible(page, 'Android quick settings, from the keyboard');
  await page.keyboard.press('Escape');
  await tabTo(page, pixel.button('Settings'), { back: await before(pixel.button('Settings')) });
  await page.keyboard.press('Enter');
  await tabThroughPage(page, 'Android Settings');

  // carduser: the card's cover, then the card.
  await tabTo(page, login.username, { back: await before(login.username) });
  await page.keyboard.press('Control+A');
  await page.keyboard.type('carduser');
  await page.keyboard.press('Tab');
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(login.cardValues).toBeFocused();
  const open = page.getByRole('button', { name: 'Open card', exact: true });
  await tabTo(page, open);
  await page.keyboard.press('Enter');
  await tabThroughPage(page, 'the code card open');
  await expectAccessible(page, 'the code card, from the keyboard');

  // The Client Portal tab.
  const portalTab = page.getByRole('tab', { name: 'Client Portal' });
  await tabTo(page, portalTab, { back: await before(portalTab) });
  await page.keyboard.press('Enter');
  await expect(portalTab).toHaveAttribute('aria-selected', 'true');
  await tabThroughPage(page, 'the Client Portal');
  await expectAccessible(page, 'the Client Portal, from the keyboard');
});
