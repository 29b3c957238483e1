// IB Key in the desktop app: the push approved in the phone window, and the challenge/response fallback.
import { expect, skipReason, test } from './fixtures.js';

if (skipReason) console.log(`Skipping the Electron end-to-end tests. ${skipReason}`);
test.skip(skipReason !== null, skipReason ?? '');

test('ibkeyios approves the push notification with Face ID', async ({ loginWindow, phoneWindow }) => {
  await loginWindow.logIn('ibkeyios', 'Demo1234');
  await expect(phoneWindow.region).toHaveAccessibleName('Phone — iPhone 15');

  await phoneWindow.approvePush('Face ID');

  await expect(loginWindow.loggedInAs('ibkeyios')).toBeVisible();
});

test('ibkeyios logs in by challenge/response, the response generated in the phone window', async ({ loginWindow, phoneWindow }) => {
  await loginWindow.logIn('ibkeyios', 'Demo1234');
  await loginWindow.region.getByRole('link', { name: 'Click here if you do not receive the notification' }).click();
  const challenge = await loginWindow.challengeDigits();
  await expect(phoneWindow.region).toHaveAccessibleName('Phone — iPhone 15');

  const response = await phoneWindow.generateResponse(challenge, 'Face ID');
  await loginWindow.answer(response);

  await expect(loginWindow.loggedInAs('ibkeyios')).toBeVisible();
});
