// Presenter mode (nothing on screen but the product) and Reset (every window back to its first frame), as a screencaster uses them.
import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, DEMO_PASSWORD } from './fixtures.js';
import { expectAccessible } from './axe.js';
import { Director } from './pages/Director.js';
import { LoginWindow } from './pages/LoginWindow.js';
import { PhonePage } from './pages/PhonePage.js';

/** Every element of the stage that is the simulator's, not the product's. */
function chrome(page: Page) {
  return {
    director: page.getByRole('button', { name: 'Director', exact: true }),
    tradingDevice: page.getByRole('button', { name: 'Trading device', exact: true }),
    presenter: page.getByRole('button', { name: 'Presenter mode', exact: true }),
    language: page.getByRole('combobox', { name: 'Language', exact: true }),
  };
}

/** What a viewer could read that says it is a simulation. */
const SIMULATOR_WORDS = /simulat|SLS Simulator|Director|Trading device|Presenter mode/i;

async function pageText(page: Page): Promise<string> {
  return page.evaluate(() => document.body.innerText);
}

test('presenter mode hides every element that is not the product, and Alt+Shift+P brings them back', async ({ page, login }) => {
  const parts = chrome(page);
  for (const part of Object.values(parts)) await expect(part).toBeVisible();
  await expect(login.root.locator('footer')).toContainText('Live Trading · Simulated');
  await expect(page).toHaveTitle('Trader Workstation — SLS Simulator');

  await page.keyboard.press('Alt+Shift+P');
  for (const part of Object.values(parts)) await expect(part).toHaveCount(0);
  await expect(login.root.locator('footer')).toContainText(/Live Trading$/);
  await expect(page).toHaveTitle('Trader Workstation');
  // The address says so too: a reload keeps the mode.
  expect(new URL(page.url()).search).toBe('?present');
  expect(await pageText(page)).not.toMatch(SIMULATOR_WORDS);
  await expectAccessible(page, 'presenter mode, first screen');

  // The workspace after the login says "Connected", not "Connected (simulated)".
  await login.logIn('nodevice', DEMO_PASSWORD);
  await login.root.getByRole('button', { name: 'Remind me later', exact: true }).click();
  await expect(login.root.getByText('Connected', { exact: true })).toBeVisible();
  expect(await pageText(page)).not.toMatch(SIMULATOR_WORDS);
  await expectAccessible(page, 'presenter mode, logged in');

  // The Director is a key away, button or not.
  const director = new Director(page);
  await page.keyboard.press('Alt+Shift+D');
  await expect(director.root).toBeVisible();
  await page.keyboard.press('Alt+Shift+D');
  await expect(director.root).toHaveCount(0);

  await page.reload();
  await expect(page.locator('html[data-ready]')).toBeAttached();
  await expect(parts.director).toHaveCount(0);

  await page.keyboard.press('Alt+Shift+P');
  for (const part of Object.values(parts)) await expect(part).toBeVisible();
  await expect(page).toHaveTitle('Trader Workstation — SLS Simulator');
  expect(new URL(page.url()).search).toBe('');
});

test('the stage\'s "Presenter mode" button and ?present in the printed address; the Director in a second window', async ({ page, server, context }) => {
  await page.goto(server.url);
  await expect(page.locator('html[data-ready]')).toBeAttached();
  await chrome(page).presenter.click();
  await expect(chrome(page).director).toHaveCount(0);

  // The address as printed, with &present: the token goes, presenter mode stays.
  const second = await context.newPage();
  await second.goto(`${server.url}&present`);
  await expect(second.locator('html[data-ready]')).toBeAttached();
  expect(new URL(second.url()).search).toBe('?present');
  await expect(new LoginWindow(second).root).toBeVisible();
  for (const part of Object.values(chrome(second))) await expect(part).toHaveCount(0);

  // The operator's Director in a window of its own, beside the clean stage.
  const director = await context.newPage();
  await director.goto(`${server.origin}#director`);
  await expect(director.getByRole('region', { name: 'Director', exact: true })).toBeVisible();
  await second.close();
  await director.close();
});

test('Reset returns the stage to its first frame: fields empty, the phone locked, nothing scrolled', async ({ page, login, advance }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.keyboard.press('Alt+Shift+P');
  await expect(chrome(page).director).toHaveCount(0);
  const shot = () => page.screenshot({ animations: 'disabled', caret: 'hide' });
  const first = await shot();

  // Take 1: typed, logged in to the code step, the phone unlocked on its messages, the page scrolled.
  await login.logIn('smsuser', DEMO_PASSWORD);
  advance(5_000);
  const phone = new PhonePage(page, 'iPhone');
  await phone.home.click();
  await phone.openMessages();
  await login.securityCode.fill('123');
  await page.mouse.wheel(0, 400);

  // The operator resets from the Director (Alt+Shift+D opens it in presenter mode) and closes it again.
  const director = new Director(page);
  await page.keyboard.press('Alt+Shift+D');
  await director.button('Reset').click();
  await expect(login.username).toHaveValue('');
  await page.keyboard.press('Alt+Shift+D');
  await expect(director.root).toHaveCount(0);
  await expect(login.password).toHaveValue('');
  await expect(phone.messagesApp).toHaveCount(0);
  // The operator's focus was in the Director; the first frame has it in Username.
  await login.username.focus();
  expect(await page.evaluate(() => [window.scrollX, window.scrollY])).toEqual([0, 0]);
  const after = await shot();
  // Compared byte for byte (a deep diff of two PNGs would be unreadable); both are kept when they differ.
  if (!after.equals(first)) {
    await testInfo.attach('first frame', { body: first, contentType: 'image/png' });
    await testInfo.attach('after reset', { body: after, contentType: 'image/png' });
    writeFileSync(testInfo.outputPath('first.png'), first);
    writeFileSync(testInfo.outputPath('after.png'), after);
  }
  expect(after.equals(first), 'the frame after Reset is the first frame, pixel for pixel').toBe(true);
});
