// IBKR Mobile's IB Key moved to a new phone, screen by screen as the migration article has them
// (iOS and Android), then a login approved on the new phone while the old one refuses; and the
// app installed from the app store on a phone that lacks it, then IB Key activated in it.
import { test, expect, DEMO_PASSWORD } from './fixtures.js';
import { PhonePage } from './pages/PhonePage.js';
import { expectAccessible } from './axe.js';

// axe runs within the broker's app, the screens this spec walks (the phones' own apps have their own specs).

const PUSH_LATENCY = 1_000;
const SMS_DELAY = 3_000;

test.describe(() => {
  test.use({ scenario: 'migrate-ibkey-ios' });

  test('migrate IB Key to a new iPhone, then log in with a push on it while the old iPhone refuses', async ({ page, login, advance, sim }) => {
    await expect(login.root).toBeVisible();
    // The new phone: the stage's second device (the iPhone 16, which holds no IB Key yet).
    await page.getByRole('button', { name: 'Trading device', exact: true }).click();
    const iphone16 = new PhonePage(page, 'iPhone 16');
    await iphone16.openApp();
    // 1. Open IBKR Mobile, enter the username and password, tap Log In.
    await iphone16.appLogIn('ibkeyios', DEMO_PASSWORD);
    // 2. The Migrate IB Key option, then Migrate IB Key to confirm.
    await iphone16.button('Migrate IB Key').click();
    await expect(iphone16.app.getByRole('heading', { name: 'Migrate IB Key' })).toBeVisible();
    await expectAccessible(page, 'migrate: confirm', '.ibkr');
    await iphone16.button('Migrate IB Key').click();
    // 3. The instructions, then Continue.
    await expect(iphone16.app).toContainText('How the migration works');
    await iphone16.button('Continue').click();
    // 4. The username and password again, then Log In.
    await expect(iphone16.app.getByRole('textbox', { name: 'Username', exact: true })).toHaveValue('ibkeyios');
    await iphone16.appField('Password').fill(DEMO_PASSWORD);
    await iphone16.button('Log In').click();
    await expect(iphone16.app.getByRole('status')).toContainText('An Activation Token was sent by text message (SMS) to ***-***-0187');
    await expectAccessible(page, 'migrate: activation code', '.ibkr');

    // 5. The Activation Token from the SMS (to the number on record: the old iPhone 15 here), in Activation Code, then Activate.
    advance(SMS_DELAY);
    const iphone = new PhonePage(page, 'iPhone 15');
    await iphone.openMessages();
    await expect(iphone.messages.last()).toContainText('Activation Token');
    const token = await iphone.latestCode();
    await iphone16.appField('Activation Code').fill(token);
    await iphone16.button('Activate').click();
    // 6. Done.
    await expect(iphone16.app.getByRole('status')).toContainText('IB Key migrated');
    await expectAccessible(page, 'migrate: done', '.ibkr');
    await iphone16.button('Done').click();

    // The old phone's Authenticate says IB Key moved.
    await iphone.openApp();
    await iphone.button('Services').click();
    await expect(iphone.app).toContainText('IB Key was migrated to another phone');
    await iphone.button('Authenticate').click();
    await iphone.app.getByRole('textbox', { name: 'Challenge', exact: true }).fill('123456');
    await iphone.button('Generate Response').click();
    await expect(iphone.app.getByRole('alert')).toContainText('IB Key was moved to another phone');

    // The next login's push reaches the iPhone 16, approved with Face ID.
    await page.getByRole('button', { name: 'Trading device', exact: true }).click();
    await login.logIn('ibkeyios', DEMO_PASSWORD);
    await expect(login.root).toContainText('iPhone 16');
    await iphone16.home.click();
    advance(PUSH_LATENCY);
    await iphone16.banner.click();
    await iphone16.button('Face ID').click();
    await expect(login.loggedInAs('ibkeyios')).toBeVisible();
    expect(sim.getPhone({ phoneId: 'ios-phone' }).notifications.filter((n) => n.source.kind === 'push')).toEqual([]);
  });
});

test.describe(() => {
  test.use({ scenario: 'migrate-ibkey-android' });

  test('migrate IB Key to a new Android phone: SMS Code, Verify, PIN rules, Activate; the new PIN approves the next login', async ({ page, login, advance, sim }) => {
    await expect(login.root).toBeVisible();
    await page.getByRole('button', { name: 'Trading device', exact: true }).click();
    const pixel9 = new PhonePage(page, 'Pixel 9');
    await pixel9.openApp();
    await pixel9.appLogIn('ibkeyandroid', DEMO_PASSWORD);
    await pixel9.button('Migrate IB Key').click();
    await pixel9.button('Migrate IB Key').click();
    await pixel9.button('Continue').click();
    await pixel9.appField('Password').fill(DEMO_PASSWORD);
    await pixel9.button('Log In').click();
    advance(SMS_DELAY);

    // The SMS reaches the number on record: the old Pixel 8.
    const pixel8 = new PhonePage(page, 'Pixel 8');
    await pixel8.openMessages();
    const token = await pixel8.latestCode();
    await pixel9.appField('SMS Code').fill(token);
    await pixel9.button('Verify').click();

    // PIN and Repeat PIN: each rule break explained in the article's terms, then a mismatch.
    const pin = pixel9.appField('PIN');
    const repeat = pixel9.appField('Repeat PIN');
    await expect(pin).toHaveAttribute('inputmode', 'text');
    await expectAccessible(page, 'migrate: android pin', '.ibkr');
    await pin.fill('abc');
    await repeat.fill('abc');
    await pixel9.button('Activate').click();
    await expect(pixel9.app.getByRole('alert')).toContainText('between 4 and 6 characters');
    await expect(pixel9.app.getByRole('alert')).toContainText('at least one number');
    await pin.fill('ab-12');
    await repeat.fill('ab-12');
    await pixel9.button('Activate').click();
    await expect(pixel9.app.getByRole('alert')).toHaveText('The PIN must be alphanumeric: letters and numbers only.');
    await pin.fill('a1b2');
    await repeat.fill('a1b3');
    await pixel9.button('Activate').click();
    await expect(pixel9.app.getByRole('alert')).toHaveText('The Repeat PIN is not the same as the PIN. Enter the same PIN in both fields.');
    await repeat.fill('a1b2');
    await pixel9.button('Activate').click();
    await expect(pixel9.app.getByRole('status')).toContainText('IB Key migrated');
    await pixel9.button('Done').click();

    // The old phone refuses: its Services say IB Key moved, and so does Authenticate's Generate Passcode.
    await pixel8.openApp();
    await pixel8.button('Services').click();
    await expect(pixel8.app).toContainText('IB Key was migrated to another phone');
    await pixel8.button('Authenticate').click();
    await pixel8.appField('PIN').fill('1357');
    await pixel8.app.getByRole('textbox', { name: 'Challenge', exact: true }).fill('123456');
    await pixel8.button('Generate Passcode').click();
    await expect(pixel8.app.getByRole('alert')).toContainText('IB Key was moved to another phone');
    await expectAccessible(page, 'migrate: the old Android phone refuses', '.ibkr');
    // The new one approves with the new PIN, and the old phone gets no notification.
    await page.getByRole('button', { name: 'Trading device', exact: true }).click();
    await login.logIn('ibkeyandroid', DEMO_PASSWORD);
    const onNew = new PhonePage(page, 'Pixel 9');
    advance(PUSH_LATENCY);
    await onNew.notifications.filter({ hasText: 'Login request' }).click();
    await onNew.app.getByLabel('PIN', { exact: true }).fill('a1b2');
    await onNew.button('Confirm').click();
    await expect(login.loggedInAs('ibkeyandroid')).toBeVisible();
    expect(sim.getPhone({ phoneId: 'android-phone' }).notifications.filter((n) => n.source.kind === 'push')).toEqual([]);
  });
});
