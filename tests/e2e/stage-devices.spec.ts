// The stage puts the devices of the user logging in on the desk: their phone, the DSC+ fob, the Security Code Card; none for a user without one.
import type { Page } from '@playwright/test';
import { expectAccessible } from './axe.js';
import { test, expect, DEMO_PASSWORD } from './fixtures.js';
import { CodeCard } from './pages/CodeCard.js';
import { Fob } from './pages/Fob.js';
import { PhonePage } from './pages/PhonePage.js';

test.describe.configure({ timeout: 120_000 });

/** Every phone on the stage (each is a region named "Phone — <name>"). */
const phones = (page: Page) => page.getByRole('region', { name: /^Phone\b/ });

test('before anyone types, the stage shows the first demo account\'s iPhone; a name typed brings that user\'s devices', async ({ page, login }) => {
  await expect(new PhonePage(page, 'iPhone').root).toBeVisible();
  await login.username.fill('dscuser');
  await expect(new Fob(page, 'SNA-52903318').root).toBeVisible();
  await expect(phones(page)).toHaveCount(0);
  await login.username.fill('nodevice');
  await expect(new Fob(page).root).toHaveCount(0);
  await expect(phones(page)).toHaveCount(0);
  await login.username.fill('');
  await expect(new PhonePage(page, 'iPhone').root).toBeVisible();
});

test('dscuser logs in with the fob on the desk and no phone', async ({ page, login }) => {
  await login.logIn('dscuser', DEMO_PASSWORD);
  await expect(login.responseCode).toBeVisible();
  await expect(new Fob(page, 'SNA-52903318').root).toBeVisible();
  await expect(phones(page)).toHaveCount(0);
  await expectAccessible(page, 'dscuser: the fob, no phone');
});

test('carduser has the Security Code Card on the desk, opened from the desk', async ({ page, login }) => {
  await login.logIn('carduser', DEMO_PASSWORD);
  const cover = page.getByRole('region', { name: 'Security Code Card SCC-7702-4419', exact: true });
  await expect(cover).toBeVisible();
  await expect(phones(page)).toHaveCount(0);
  await expectAccessible(page, 'carduser: the card closed on the desk');
  await cover.getByRole('button', { name: 'Open card', exact: true }).click();
  const card = new CodeCard(page);
  await expect(card.values.first()).toBeVisible();
  await card.closeButton.click();
  await expect(cover.getByRole('button', { name: 'Open card', exact: true })).toBeVisible();
});

test('hkuser logs in with the Galaxy on the desk', async ({ page, login }) => {
  await login.logIn('hkuser', DEMO_PASSWORD);
  const galaxy = new PhonePage(page, 'Galaxy S23');
  await expect(galaxy.root).toBeVisible();
  await expect(phones(page)).toHaveCount(1);
  await expectAccessible(page, 'hkuser: the Galaxy');
});

test('inuser gets the iPhone 13, nodevice nothing but the login window', async ({ page, login }) => {
  await login.username.fill('inuser');
  await expect(new PhonePage(page, 'iPhone 13').root).toBeVisible();
  await login.logIn('nodevice', DEMO_PASSWORD);
  await expect(login.loggedInAs('nodevice')).toBeVisible();
  await expect(phones(page)).toHaveCount(0);
});
