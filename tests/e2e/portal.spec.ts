// The Client Portal, as a person uses it on the stage: its own login, then Settings → User Settings →
// the gear beside Mobile Number → VERIFY → the SMS on the phone → Confirmation Number → CONTINUE →
// the green check under SMS Verified → CONTINUE. axe on each screen.
import { test, expect, DEMO_PASSWORD } from './fixtures.js';
import { expectAccessible } from './axe.js';
import { PhonePage } from './pages/PhonePage.js';

test('nodevice verifies a mobile number in the Client Portal and is enrolled in SMS shortly afterwards', async ({ page, login, advance }) => {
  await expect(login.root).toBeVisible();
  await page.getByRole('tab', { name: 'Client Portal', exact: true }).click();
  const portal = page.getByRole('region', { name: 'Client Portal', exact: true });
  await portal.getByRole('textbox', { name: 'Username', exact: true }).fill('nodevice');
  await portal.getByRole('textbox', { name: 'Password', exact: true }).fill(DEMO_PASSWORD);
  await expectAccessible(page, 'Client Portal login');
  await portal.getByRole('button', { name: 'Log In', exact: true }).click();

  await portal.getByRole('button', { name: 'User menu', exact: true }).click();
  await portal.getByRole('menuitem', { name: 'Settings', exact: true }).click();
  await expect(portal.getByRole('heading', { name: 'User Settings', exact: true })).toBeVisible();
  await expectAccessible(page, 'Client Portal settings');
  await portal.getByRole('button', { name: 'Configure Mobile Number', exact: true }).click();
  await portal.getByRole('textbox', { name: 'Mobile Number', exact: true }).fill('+1 312 555 0142');
  await portal.getByRole('button', { name: 'VERIFY', exact: true }).click();
  await expect(portal.getByRole('textbox', { name: 'Confirmation Number', exact: true })).toBeVisible();

  advance(3_000);
  const iphone = new PhonePage(page, 'iPhone');
  await expect(iphone.notifications).toHaveCount(1);
  await iphone.notifications.first().click();
  const code = /(\d{6})/.exec(await iphone.messages.last().innerText())![1]!;
  await portal.getByRole('textbox', { name: 'Confirmation Number', exact: true }).fill(code);
  await portal.getByRole('button', { name: 'CONTINUE', exact: true }).click();
  await expect(portal.getByRole('img', { name: 'Verified', exact: true })).toBeVisible();
  await expect(portal.getByRole('columnheader', { name: 'SMS Verified', exact: true })).toBeVisible();
  await expectAccessible(page, 'Client Portal: SMS Verified');
  await portal.getByRole('button', { name: 'CONTINUE', exact: true }).click();
  await expect(portal.getByText(/is verified\. As your user has no active Secure Login device/)).toBeVisible();
});
