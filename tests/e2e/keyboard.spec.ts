// The whole demo from the keyboard alone (Tab, Shift+Tab, Enter, Space, the arrows; text typed key by key), as a
// screencaster records it without a hand on the mouse: at every stop of the focus, the focus ring a person can see
// (./focus-ring.ts: 2 px, 3:1 against what it paints over and the control's own background, not clipped).
import type { Locator, Page } from '@playwright/test';
import { test, expect, DEMO_PASSWORD } from './fixtures.js';
import { expectAccessible } from './axe.js';
import { expectFocusRing } from './focus-ring.js';

const SMS_DELAY = 3_000;

// The size a screencast is recorded at, where the stage scales the desk.
test.use({ viewport: { width: 1280, height: 720 } });

/** Whether the locator's element has the focus. */
async function focused(target: Locator): Promise<boolean> {
  return (await target.count()) === 1 && target.evaluate((el) => el === document.activeElement);
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
