// The autopilot in the desktop app: the stage in one window (Window → Stage in One Window) plays a
// library scenario's script through the preload bridge, as the browser host's stage does over HTTP.
// The take's time is moved by the test (`slsAutopilot.manual()` and `advance`), so nothing waits for time.
import type { AutopilotHandle, AutopilotSnapshot } from '../../main/api/script-view.js';
import { expect, skipReason, test, windowFor } from './fixtures.js';

if (skipReason) console.log(`Skipping the Electron end-to-end tests. ${skipReason}`);
test.skip(skipReason !== null, skipReason ?? '');
test.use({ scenarioFile: 'scenarios/library/happy-sms.yaml' });

type WithAutopilot = Window & { slsAutopilot: AutopilotHandle };

test('the stage window plays happy-sms from the keyboard to "Logged in", over the bridge', async ({ app }) => {
  await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.getMenuItemById('open-stage')?.click());
  const stage = await windowFor(app, 'stage');
  await expect(stage.locator('html[data-ready]')).toBeAttached();
  expect(await stage.evaluate(() => window.sls?.host)).toBe('electron');
  await stage.evaluate(() => (window as unknown as WithAutopilot).slsAutopilot.manual());

  await stage.keyboard.press('Alt+Shift+KeyA');
  await expect.poll(() => stage.evaluate(() => (window as unknown as WithAutopilot).slsAutopilot.snapshot().status)).toBe('playing');
  let end: AutopilotSnapshot | null = null;
  // A bounded number of 250 ms frames of the take: the scenario's script is a minute of virtual time.
  for (let frame = 0; frame < 600 && end === null; frame++) {
    const now = await stage.evaluate(async () => {
      const pilot = (window as unknown as WithAutopilot).slsAutopilot;
      await pilot.advance(250);
      return pilot.snapshot();
    });
    if (now.status !== 'playing') end = now;
  }
  expect(end?.error ?? null).toBeNull();
  expect(end?.status).toBe('done');
  await expect(stage.getByRole('region', { name: 'Login', exact: true }).getByText('Logged in as smsuser', { exact: true })).toBeVisible();
});
