// The browser host's session: only a page opened from the printed address (it carries the token) reaches the simulator.
import { test, expect, DEMO_PASSWORD } from './fixtures.js';
import { Director } from './pages/Director.js';
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
  await expect(login.alert).toContainText('Open the address it printed at start-up.');
  await expect(login.username).toHaveValue('smsuser');
});

test('New session in the Director: a new address to copy, the old address and cookie stop working, this page carries on', async ({ login, page, server, advance }) => {
  void login; // the fixture opens the stage
  const oldUrl = server.url;
  // What another browser that opened the old address holds: its cookie.
  const opened = await fetch(oldUrl, { redirect: 'manual' });
  const oldCookie = opened.headers.get('set-cookie')!.split(';', 1)[0]!;
  const asOtherBrowser = () => fetch(`${server.origin}api/op/getClock`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: oldCookie }, body: '{}' });
  expect((await asOtherBrowser()).status).toBe(200);

  const director = new Director(page);
  await director.open();
  await director.root.getByRole('button', { name: 'New session' }).click();
  const address = director.root.getByRole('textbox', { name: 'New address' });
  await expect(address).toHaveValue(server.url);
  expect(server.url).not.toBe(oldUrl);
  await expect(director.root.getByRole('status')).toContainText('the previous one no longer works');
  // The host closed this page's event stream with the old session; it reconnects with the new cookie.
  await expect.poll(() => server.openStreams).toBe(1);

  // This page keeps working: its operations (Reset, with the new cookie), and its event stream
  // (reconnected with the new cookie), which moves the Director's clock when time passes.
  await director.root.getByRole('button', { name: 'Reset' }).click();
  await expect(director.root.getByRole('status')).toContainText('started again');
  const before = (await director.clock.textContent()) ?? '';
  advance(3_600_000);
  await expect(director.clock).not.toHaveText(before);

  expect(await page.context().cookies(server.origin)).toEqual([expect.objectContaining({ name: server.sessionCookieName, value: server.sessionToken })]);

  // The old cookie and the old address open nothing any more; the new address does.
  expect((await asOtherBrowser()).status).toBe(401);
  expect((await fetch(oldUrl, { redirect: 'manual' })).status).toBe(401);
  expect((await fetch(server.url, { redirect: 'manual' })).status).toBe(303);
});
