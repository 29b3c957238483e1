// A tester's own Playwright test, written only with the package's client module (sls-simulator/control)
// and Playwright's own API, as README "Scripting the simulator from tests" shows it: no fixture of this suite.
import { test, expect } from '@playwright/test';
import { startSimulator, ControlError, type StartedSimulator } from 'sls-simulator/control';

let sls: StartedSimulator;

test.beforeAll(async () => {
  sls = await startSimulator();
});

// Ended even when a test fails.
test.afterAll(async () => {
  await sls?.stop();
});

test('smsuser logs in with the security code read through the client module', async ({ page }) => {
  await page.goto(sls.pageUrl);
  const login = page.getByRole('region', { name: 'Login', exact: true });
  await login.getByRole('textbox', { name: 'Username', exact: true }).fill('smsuser');
  await login.getByRole('textbox', { name: 'Password', exact: true }).fill('Demo1234');
  await login.getByRole('button', { name: 'Log In', exact: true }).click();
  const issued = await sls.waitFor('code.issued');
  expect(issued).toMatchObject({ username: 'smsuser', channel: 'sms' });

  await login.getByRole('textbox', { name: 'Security Code', exact: true }).fill(await sls.code('smsuser'));
  await login.getByRole('button', { name: 'Log In', exact: true }).click();
  await expect(login.getByText('Logged in as smsuser', { exact: true })).toBeVisible();
  const succeeded = await sls.waitFor((entry) => entry.type === 'login.succeeded' && entry.username === 'smsuser');
  expect(succeeded).toMatchObject({ factor: 'sms' });
});

test('the client module changes phones, moves the clock and explains refusals', async () => {
  await sls.reset();
  expect((await sls.setPhone('sms-phone', { airplane: true })).status.airplane).toBe(true);
  const before = (await sls.clock()).now;
  expect((await sls.advance('1m30s')).now - before).toBeGreaterThanOrEqual(90_000);
  await expect(sls.code('smsuser')).rejects.toThrow(/No security code is waiting for smsuser/);
  const refused = await sls.phone('no-such-phone').catch((error: unknown) => error);
  expect(refused).toBeInstanceOf(ControlError);
  expect(refused).toMatchObject({ status: 404, code: 'not_found' });
  const broken = await sls.loadScenario({ text: 'name: x\ntitle: [\n', fileName: 'broken.yaml' }).catch((error: unknown) => error);
  expect(broken).toMatchObject({ status: 422, issues: [expect.objectContaining({ path: '(syntax)' })] });
  expect((await sls.loadScenario('sms-carrier-blocked')).scenario.name).toBe('sms-carrier-blocked');
});
