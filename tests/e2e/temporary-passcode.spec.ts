// The temporary passcode, as a person who lost their phone types it: lower case refused, upper case in, 2 days only.
import { readScenarioFile } from '../../main/host/scenario-files.js';
import { formatProblem } from '../../main/sim/scenario/load.js';
import { DEMO_PASSWORD, expect, test } from './fixtures.js';
import { LoginWindow } from './pages/LoginWindow.js';
import { PhonePage } from './pages/PhonePage.js';

const PASSCODE = 'K7QX4M2P';
const HOUR = 3_600_000;

test.beforeEach(async ({ sim }) => {
  const loaded = readScenarioFile(new URL('../../scenarios/library/temporary-passcode.yaml', import.meta.url).pathname);
  if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  sim.load(loaded.scenario);
});

async function open(page: import('@playwright/test').Page, url: string): Promise<LoginWindow> {
  await page.goto(url);
  await expect(page.locator('html[data-ready]')).toBeAttached();
  return new LoginWindow(page);
}

test('lostphone types the passcode client services gave: in lower case it is refused, in upper case it logs in', async ({ page, server }) => {
  const login = await open(page, server.url);
  await login.logIn('lostphone', DEMO_PASSWORD);
  await expect(login.root.getByRole('heading', { name: 'Temporary Passcode' })).toBeVisible();
  await expect(login.root.getByText(/required to be input in upper case/)).toBeVisible();
  await expect(login.temporaryPasscode).toBeFocused();

  await login.temporaryPasscode.fill(PASSCODE.toLowerCase());
  await login.okButton.click();
  await expect(login.alert).toHaveText('Login failed');
  await expect(login.temporaryPasscode).toBeVisible();

  await login.temporaryPasscode.fill(PASSCODE);
  await login.okButton.click();
  await expect(login.loggedInAs('lostphone')).toBeVisible();
});

test('two days after its issue the passcode no longer opens the trading platform', async ({ page, server, advance }) => {
  // Issued an hour before the scenario's start: 47 hours on, it has run out.
  advance(47 * HOUR);
  const login = await open(page, server.url);
  await login.logIn('lostphone', DEMO_PASSWORD);
  await login.temporaryPasscode.fill(PASSCODE);
  await login.okButton.click();
  await expect(login.alert).toHaveText('Login failed');
  await expect(login.loggedInAs('lostphone')).toHaveCount(0);
});

test("the app's own login on a phone asks for the passcode too, and takes it", async ({ page, server }) => {
  const login = await open(page, server.url);
  await expect(login.root).toBeVisible();
  const phone = new PhonePage(page, 'iPhone');
  await phone.openApp();
  await phone.appLogIn('lostphone', DEMO_PASSWORD);
  await expect(phone.app.getByRole('heading', { name: 'Temporary Passcode' })).toBeVisible();
  await expect(phone.app.getByText(/required to be input in upper case/)).toBeVisible();
  const field = phone.appField('Temporary passcode');
  await field.fill(PASSCODE.toLowerCase());
  await phone.button('Log In').click();
  await expect(phone.app.getByRole('alert')).toHaveText('Login failed');
  await field.fill(PASSCODE);
  await phone.button('Log In').click();
  await expect(phone.app.getByText('Logged in as lostphone', { exact: true })).toBeVisible();
});
