// Frames that fill a recording (issue 12, item 2): the stage at 1280×720 and 1920×1080 on every login step —
// no text under 14 px, no login window scrolled or cut, nothing of it or of the phone outside the frame — and
// each part alone (#login, #phone/<id>) at its natural shape, inside the window.
import type { Page } from '@playwright/test';
import { FRAME_SIZES } from '../../main/api/vocabulary.js';
import { expectAccessible } from './axe.js';
import { test, expect, DEMO_PASSWORD } from './fixtures.js';
import { LoginWindow } from './pages/LoginWindow.js';
import { PhonePage } from './pages/PhonePage.js';
import { outsideViewport, renderedTexts, scrolledInside, textsUnder } from './rendered-text.js';

/** The smallest text a viewer of a 720p take must be able to read. */
const MIN_TEXT_PX = 14;
const SMS_DELAY = 3_000;
const PUSH_LATENCY = 1_000;

test.describe.configure({ timeout: 240_000 });

/** Every phone on the stage, whatever its name. */
const phones = (page: Page) => page.getByRole('region', { name: /^Phone — / });

/**
 * The frame a take is recorded in: presenter mode, nothing but the product (the simulator's own controls would
 * take a band of the frame when the desk is wide, stage-layout.ts).
 */
async function present(page: Page): Promise<void> {
  await page.keyboard.press('Alt+Shift+P');
  await expect(page.getByRole('button', { name: 'Director', exact: true })).toHaveCount(0);
}

/** One step of a take: what a viewer sees must read and fit. */
async function checkFrame(page: Page, step: string): Promise<void> {
  const login = new LoginWindow(page);
  await expect(login.root).toHaveAttribute('aria-busy', 'false');
  // The layout settles in the frame after the screen changed (the desk is measured, then scaled).
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  expect.soft(await textsUnder(page, MIN_TEXT_PX), `text under ${MIN_TEXT_PX} px on "${step}"`).toEqual([]);
  expect.soft(await scrolledInside(login.root), `the login window scrolls on "${step}"`).toEqual([]);
  expect.soft((await outsideViewport(login.root)).outside, `the login window outside the frame on "${step}"`).toBe(0);
  for (const phone of await phones(page).all()) expect.soft((await outsideViewport(phone)).outside, `the phone outside the frame on "${step}"`).toBe(0);
  await expectAccessible(page, step);
}

test('the text-size helper reads CSS zoom and transforms as Chromium renders them', async ({ page }) => {
  await page.setContent(`
    <div style="zoom: 0.5"><span id="zoomed" style="font-size: 20px">ten</span></div>
    <div style="zoom: 2"><div style="zoom: 0.75"><span style="font-size: 10px">fifteen</span></div></div>
    <div style="transform: scale(1.5); transform-origin: 0 0"><span style="font-size: 12px">eighteen</span></div>
    <span style="font-size: 9px; position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0)">hidden</span>`);
  const sizes = Object.fromEntries((await renderedTexts(page)).map((t) => [t.text, t.px]));
  expect(sizes).toEqual({ ten: 10, fifteen: 15, eighteen: 18 });
  // The zoomed glyphs are as high as the helper says: the box a viewer sees, not the font's computed size.
  const box = await page.locator('#zoomed').boundingBox();
  expect(box!.height).toBeLessThan(15);
});

for (const size of FRAME_SIZES.filter((s) => s.height <= 1080)) {
  test.describe(`the stage at ${size.width}×${size.height}`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    test.describe('SMS: credentials, wrong password, security code, logged in', () => {
      test.use({ scenario: 'happy-sms' });
      test('every step reads and fits', async ({ page, login, advance }) => {
        await present(page);
        await checkFrame(page, 'credentials');
        await login.logIn('smsuser', 'not-the-password');
        await expect(login.alert).toBeVisible();
        await checkFrame(page, 'credentials, wrong password');
        await login.logIn('smsuser', DEMO_PASSWORD);
        await expect(login.securityCode).toBeFocused();
        advance(SMS_DELAY);
        const phone = new PhonePage(page, 'iPhone');
        await expect(phone.notifications).toHaveCount(1);
        await checkFrame(page, 'SMS security code; the code on the lock screen');
        await login.didntReceive.click();
        await expect(login.resendCountdown).toBeVisible();
        await checkFrame(page, "SMS security code, \"Didn't receive\" open");
        await phone.notifications.first().click();
        await expect(phone.messages).toHaveCount(1);
        await checkFrame(page, 'SMS security code; the code in Messages');
        await login.enterCode(await phone.latestCode());
        await expect(login.loggedInAs('smsuser')).toBeVisible();
        await checkFrame(page, 'logged in');
      });
    });

    test.describe('several devices: Select Second Factor Device', () => {
      test.use({ scenario: 'happy-multidevice-sms' });
      test('the step reads and fits, with the fob on the desk', async ({ page, login }) => {
        await present(page);
        await login.logIn('multidevice', DEMO_PASSWORD);
        await expect(login.deviceSelect).toBeFocused();
        await checkFrame(page, 'select device');
      });
    });

    test.describe('IB Key push', () => {
      test.use({ scenario: 'happy-push-faceid' });
      test('the waiting step and the request on the lock screen read and fit', async ({ page, login, advance }) => {
        await present(page);
        await login.logIn('ibkeyios', DEMO_PASSWORD);
        await expect(login.noNotification).toBeVisible();
        advance(PUSH_LATENCY);
        await expect(phones(page).getByRole('list', { name: 'Notifications' }).getByRole('button')).toHaveCount(1);
        await checkFrame(page, 'IB Key push');
      });
    });

    test.describe('IB Key challenge/response after a wrong response', () => {
      test.use({ scenario: 'happy-challenge-ios' });
      test('the challenge and its error read and fit', async ({ page, login }) => {
        await present(page);
        await login.logIn('ibkeyios', DEMO_PASSWORD);
        await login.noNotification.click();
        await login.challengeDigits();
        await checkFrame(page, 'IB Key challenge');
        await login.answer(login.responseCode, '12345678');
        await expect(login.alert).toHaveText('Login failed');
        await checkFrame(page, 'IB Key challenge, wrong response');
      });
    });

    test.describe('Security Code Card', () => {
      test.use({ scenario: 'happy-codecard' });
      test('the card step, its error and the card beside the window read and fit', async ({ page, login }) => {
        await present(page);
        await login.logIn('carduser', DEMO_PASSWORD);
        await expect(login.cardValues).toBeFocused();
        await checkFrame(page, 'code card');
        await login.answer(login.cardValues, '000 000');
        await expect(login.alert).toBeVisible();
        await checkFrame(page, 'code card, wrong values');
        await login.viewCard.click();
        await expect(page.getByRole('region', { name: /Security Code Card/ }).first()).toBeVisible();
        await checkFrame(page, 'code card open beside the window');
      });
    });

    test.describe('SMS enrolment required (Hong Kong)', () => {
      test.use({ scenario: 'enrol-hong-kong' });
      test('every enrolment step reads and fits', async ({ page, login, advance }) => {
        await present(page);
        await login.logIn('hkuser', DEMO_PASSWORD);
        await expect(login.mobileNumber).toBeFocused();
        await checkFrame(page, 'enrolment: mobile number');
        await login.mobileNumber.fill('5123 4567');
        await login.verifyButton.click();
        await expect(login.alert).toBeVisible();
        await checkFrame(page, 'enrolment: number refused');
        await login.mobileNumber.fill('+852 5123 4567');
        await login.verifyButton.click();
        await expect(login.confirmationNumber).toBeVisible();
        advance(SMS_DELAY);
        const phone = new PhonePage(page, 'Galaxy S23');
        await expect(phone.notifications).toHaveCount(1);
        await checkFrame(page, 'enrolment: confirmation number');
        await phone.notifications.first().click();
        const code = /Confirm Code is (\d{6})/.exec(await phone.messages.last().innerText())![1]!;
        await login.confirmationNumber.fill(code);
        await login.enrolContinue.click();
        await expect(login.smsVerifiedCheck).toBeVisible();
        await checkFrame(page, 'enrolment: SMS Verified');
      });
    });

    test.describe('Login failed after five wrong codes', () => {
      test.use({ scenario: 'wrong-codes' });
      test('the wrong code and the failed step read and fit', async ({ page, login }) => {
        await present(page);
        await login.logIn('smsuser', DEMO_PASSWORD);
        await login.enterCode('000000');
        await expect(login.alert).toBeVisible();
        await checkFrame(page, 'SMS security code, wrong code');
        for (let i = 0; i < 4; i++) await login.enterCode('000000');
        await expect(login.root.getByRole('button', { name: login.words('login.failed.again'), exact: true })).toBeVisible();
        await checkFrame(page, 'failed');
      });
    });
  });
}

test.describe('the stage with its controls (not presenter mode) at 1280×720', () => {
  test.use({ viewport: { width: 1280, height: 720 }, scenario: 'happy-sms' });
  test('the controls keep to the gutters beside the desk, and the text still reads', async ({ page, login, advance }) => {
    await checkFrame(page, 'credentials, with the controls');
    await login.logIn('smsuser', DEMO_PASSWORD);
    advance(SMS_DELAY);
    await expect(new PhonePage(page, 'iPhone').notifications).toHaveCount(1);
    await checkFrame(page, 'SMS security code, with the controls');
    // Each control beside the desk, none over the login window or the phone.
    const desk = [await outsideViewport(new LoginWindow(page).root), await outsideViewport(phones(page).first())].map((o) => o.box);
    for (const control of await page.locator('.stage-toggle, .stage-control').all()) {
      const c = (await control.boundingBox())!;
      for (const d of desk) expect(c.x + c.width <= d.x || c.x >= d.x + d.width || c.y + c.height <= d.y || c.y >= d.y + d.height).toBe(true);
    }
  });
});

test.describe('each part alone at 1280×720', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('#login is the window at its natural shape, centred and inside the frame, on its tallest step too', async ({ page, server }) => {
    await page.goto(`${server.url}#login`);
    await expect(page.locator('html[data-ready]')).toBeAttached();
    const login = new LoginWindow(page);
    const natural = async () => login.root.evaluate((e) => ({ width: (e as HTMLElement).offsetWidth, height: (e as HTMLElement).offsetHeight }));
    const check = async (step: string) => {
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const { box, outside } = await outsideViewport(login.root);
      const own = await natural();
      expect(outside, `#login outside the frame on "${step}"`).toBe(0);
      // Not stretched: the window's own shape (460 px wide, 600 for enrolment, however wide the frame), scaled as a whole.
      expect(own.width, `#login's natural width on "${step}"`).toBe(step.startsWith('enrolment') ? 600 : 460);
      expect(box.width / box.height).toBeCloseTo(own.width / own.height, 2);
      // Centred, and as large as the frame allows.
      expect(Math.abs(box.x + box.width / 2 - 640)).toBeLessThan(1);
      expect(Math.abs(box.y + box.height / 2 - 360)).toBeLessThan(1);
      expect(box.height).toBeGreaterThan(719);
      expect.soft(await scrolledInside(login.root), `#login scrolls on "${step}"`).toEqual([]);
      expect.soft(await textsUnder(page, MIN_TEXT_PX), `text under ${MIN_TEXT_PX} px in #login on "${step}"`).toEqual([]);
      await expectAccessible(page, `#login: ${step}`);
    };
    await check('credentials');
    await login.logIn('hkuser', DEMO_PASSWORD);
    await login.mobileNumber.fill('5123 4567');
    await login.verifyButton.click();
    await expect(login.alert).toBeVisible();
    await check('enrolment, number refused');
  });

  test('#phone/<id> is the device at its natural shape, centred and inside the frame', async ({ page, server }) => {
    for (const [id, name] of [
      ['sms-phone', 'iPhone'],
      ['android-phone', 'Pixel 8'],
      ['trade-ipad', 'iPad'],
    ] as const) {
      const phone = await PhonePage.inWindow(page, server.url, id, name);
      await phone.page.setViewportSize({ width: 1280, height: 720 });
      await expect(phone.root).toBeVisible();
      await phone.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const { box, outside } = await outsideViewport(phone.root);
      const own = await phone.root.evaluate((e) => ({ width: (e as HTMLElement).offsetWidth, height: (e as HTMLElement).offsetHeight }));
      expect(outside, `#phone/${id} outside the frame`).toBe(0);
      expect(box.width / box.height, `#phone/${id} stretched`).toBeCloseTo(own.width / own.height, 2);
      expect(Math.abs(box.x + box.width / 2 - 640), `#phone/${id} centred`).toBeLessThan(1);
      expect(box.height, `#phone/${id} as large as the frame allows`).toBeGreaterThan(720 - 2 * 12 - 1);
      await expectAccessible(phone.page, `#phone/${id}`);
      await phone.page.close();
    }
  });
});
