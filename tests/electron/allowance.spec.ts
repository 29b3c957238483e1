// Each window held to its allowance by the real main process: the login window is refused the pending codes, the Director is not.
import type { Page } from '@playwright/test';
import { expect, skipReason, test } from './fixtures.js';

if (skipReason) console.log(`Skipping the Electron end-to-end tests. ${skipReason}`);
test.skip(skipReason !== null, skipReason ?? '');

/** What the window's bridge answers for an operation, as the page itself would ask. */
function callFrom(page: Page, name: 'listPending' | 'getPhone' | 'loadScenario', request: Record<string, unknown>) {
  return page.evaluate(([op, body]) => (window.sls as unknown as Record<string, (r: unknown) => Promise<unknown>>)[op]!(body), [name, request] as const);
}

test('the login window may not list the pending codes nor read the phone; the Director may', async ({ app, loginWindow }) => {
  await loginWindow.logIn('smsuser', 'Demo1234');
  await expect(loginWindow.securityCode).toBeVisible();

  expect(await callFrom(loginWindow.page, 'listPending', {})).toMatchObject({ ok: false, error: { code: 'untrusted_sender', message: 'Refused listPending: the login window may not call it' } });
  expect(await callFrom(loginWindow.page, 'getPhone', { phoneId: 'sms-phone' })).toMatchObject({ ok: false, error: { code: 'untrusted_sender' } });
  expect(await callFrom(loginWindow.page, 'loadScenario', { name: 'happy-sms' })).toMatchObject({ ok: false, error: { code: 'untrusted_sender' } });
  // The page cannot make itself the Director by changing its address's hash.
  await loginWindow.page.evaluate(() => (location.hash = '#director'));
  expect(await callFrom(loginWindow.page, 'listPending', {})).toMatchObject({ ok: false, error: { code: 'untrusted_sender' } });

  await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.getMenuItemById('open-director')?.click());
  const directorWindow = () => app.windows().find((page) => page !== loginWindow.page && page.url().endsWith('#director'));
  await expect.poll(() => Boolean(directorWindow()), { timeout: 30_000 }).toBe(true);
  const director = directorWindow()!;
  await director.waitForLoadState('domcontentloaded');
  await expect.poll(() => callFrom(director, 'listPending', { username: 'smsuser' })).toMatchObject({ ok: true, value: [{ username: 'smsuser', step: 'securityCode' }] });
});
