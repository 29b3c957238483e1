// The SMS login as a user does it: credentials in the login window, the code read off the phone window.
import { expect, skipReason, test } from './fixtures.js';

if (skipReason) console.log(`Skipping the Electron end-to-end tests. ${skipReason}`);
test.skip(skipReason !== null, skipReason ?? '');

test('smsuser logs in with the code the phone received', async ({ loginWindow, phoneWindow }) => {
  await loginWindow.logIn('smsuser', 'Demo1234');
  await expect(loginWindow.securityCode).toBeVisible();

  const code = await phoneWindow.waitForCode();
  await loginWindow.enterCode(code);

  await expect(loginWindow.loggedInAs('smsuser')).toBeVisible();
});

test('the page reaches the simulation only through the named bridge', async ({ loginWindow }) => {
  const seen = await loginWindow.page.evaluate(() => ({
    host: window.sls?.host,
    hasGetWorld: typeof window.sls?.getWorld === 'function',
    hasInvoke: Boolean(window.sls && 'invoke' in window.sls),
    hasIpcRenderer: Boolean(window.sls && 'ipcRenderer' in window.sls),
    require: typeof (globalThis as { require?: unknown }).require,
    process: typeof (globalThis as { process?: unknown }).process,
  }));
  expect(seen).toEqual({ host: 'electron', hasGetWorld: true, hasInvoke: false, hasIpcRenderer: false, require: 'undefined', process: 'undefined' });
});
