// The browser host's session: only a page opened from the printed address (it carries the token) reaches the simulator.
import { test, expect, DEMO_PASSWORD } from './fixtures.js';
import { LoginWindow } from './pages/LoginWindow.js';

test('the bare address says where the right one is, and the printed one opens the stage', async ({ page, server }) => {
  await page.goto(server.origin);
  await expect(page.getByRole('heading', { name: 'SLS Simulator' })).toBeVisible();
  await expect(page.getByText(/needs the session token/)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Login' })).toHaveCount(0);

  // The printed address: the token is traded for a session cookie and leaves the address bar; the #view stays.
  await page.goto(`${server.url}#login`);
  await expect(page.locator('html[data-ready]')).toBeAttached();
  expect(page.url()).toBe(`${server.origin}#login`);
  const login = new LoginWindow(page);
  await login.logIn('smsuser', DEMO_PASSWORD);
  await expect(login.securityCode).toBeVisible();
});

test('a phone window opened from the printed address keeps its #phone view, and its cookie is the session\'s alone', async ({ page, server }) => {
  await page.goto(`${server.url}#phone/ios-phone`);
  // Ready means the event stream (EventSource, same origin) opened with the cookie.
  await expect(page.locator('html[data-ready]')).toBeAttached();
  expect(page.url()).toBe(`${server.origin}#phone/ios-phone`);
  await expect(page.getByRole('region', { name: 'Phone — iPhone 15', exact: true })).toBeVisible();

  const cookies = await page.context().cookies(server.origin);
  expect(cookies).toEqual([expect.objectContaining({ name: `sls_session_${server.port}`, httpOnly: true, sameSite: 'Strict', path: '/', expires: -1 })]);
  expect(await page.evaluate(() => document.cookie)).toBe('');
});

test('a page whose session is gone says so instead of acting', async ({ login, page }) => {
  await page.context().clearCookies();
  await login.logIn('smsuser', DEMO_PASSWORD);
  await expect(login.alert).toContainText('open the address printed by the simulator at start-up');
  await expect(login.username).toHaveValue('smsuser');
});
