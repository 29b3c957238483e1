// The phones' app stores as a new user meets them: a phone without IBKR Mobile shows no icon for it;
// the App Store (iOS) or Google Play (Android) installs it in a few seconds of virtual time; IB Key is
// then activated in it (the Activation Token by SMS to the verified number) and the next login is a
// push approved on that phone. Removing the app: iOS's long press on its icon, Android's Uninstall in
// Google Play or in Settings → Apps.
import { test, expect, DEMO_PASSWORD } from './fixtures.js';
import { PhonePage } from './pages/PhonePage.js';
import { expectAccessible } from './axe.js';

const SMS_DELAY = 3_000;
const PUSH_LATENCY = 1_000;
/** The store's install: waiting, downloading, installing (renderer/lib/app-store.svelte.ts INSTALL_STAGES). */
const PENDING = 1_000;
const DOWNLOAD = 3_000;
const INSTALLING = 1_000;

test.describe(() => {
  test.use({ scenario: 'install-activate-ibkey' });

  test('the App Store installs IBKR Mobile on an iPhone without it; IB Key activated by SMS; the next login is a push approved with Face ID', async ({ page, login, advance, sim }) => {
    await expect(login.root).toBeVisible();
    await login.username.fill('smsuser');
    const iphone = new PhonePage(page, 'iPhone');
    await expect(iphone.root).toBeVisible();

    // No app, no icon.
    await iphone.home.click();
    await expect(iphone.storeIcon).toBeVisible();
    await expect(iphone.appIcon).toHaveCount(0);
    await expectAccessible(page, 'home without the app', iphone.selector);

    // App Store → IBKR Mobile's page → Get.
    await iphone.storeIcon.click();
    await expect(iphone.store.getByRole('heading', { name: 'IBKR Mobile', exact: true })).toBeVisible();
    await expectAccessible(page, 'app store: get', iphone.selector);
    await iphone.store.getByRole('button', { name: 'Get', exact: true }).click();
    const ring = iphone.store.getByRole('progressbar');
    await expect(ring).toHaveAccessibleName('Waiting…');
    advance(PENDING + DOWNLOAD / 3);
    await expect(ring).toHaveAccessibleName('Loading…');
    await expect(ring).toHaveAttribute('aria-valuenow', '33');
    await expectAccessible(page, 'app store: downloading', iphone.selector);
    // Home meanwhile: the icon is there, dimmed, loading; it is not an app to open yet.
    await iphone.home.click();
    await expect(iphone.root.getByRole('progressbar', { name: 'IBKR Mobile, loading' })).toBeVisible();
    await expect(iphone.appIcon).toHaveCount(0);
    advance(DOWNLOAD + INSTALLING);
    await expect(iphone.appIcon).toBeVisible();
    expect(sim.getPhone({ phoneId: 'sms-phone' }).app.installed).toBe(true);
    await iphone.storeIcon.click();
    await iphone.store.getByRole('button', { name: 'Open', exact: true }).click();
    await expect(iphone.app).toBeVisible();

    // Services → Activate IB Key: log in, the Activation Token by SMS, Activation Code, Activate, Done.
    await iphone.button('Services').click();
    await iphone.button('Activate IB Key').click();
    await iphone.appField('Password').fill(DEMO_PASSWORD);
    await iphone.app.getByRole('textbox', { name: 'Username', exact: true }).fill('smsuser');
    await iphone.button('Log In').click();
    await expect(iphone.app.getByRole('status')).toContainText('An Activation Token was sent by text message (SMS) to ***-***-0142');
    advance(SMS_DELAY);
    await iphone.openMessages();
    await expect(iphone.messages.last()).toContainText('Activation Token');
    const token = await iphone.latestCode();
    await iphone.openApp();
    await expect(iphone.appField('Activation Code')).toBeVisible();
    await iphone.appField('Activation Code').fill(token);
    await iphone.button('Activate').click();
    await expect(iphone.app.getByRole('status')).toContainText('IB Key is active');
    await iphone.button('Done').click();

    // The next login: a push to this iPhone, approved with Face ID.
    await login.logIn('smsuser', DEMO_PASSWORD);
    await expect(login.noNotification).toBeVisible();
    await iphone.home.click();
    advance(PUSH_LATENCY);
    await iphone.banner.click();
    await iphone.button('Face ID').click();
    await expect(login.loggedInAs('smsuser')).toBeVisible();
  });
});

test('iOS: the icon\'s long press → Remove App → Delete App → Delete removes IBKR Mobile and IB Key with it; the App Store gets it back', async ({ page, login, sim, advance }) => {
  await login.username.fill('ibkeyios');
  const iphone = new PhonePage(page, 'iPhone 15');
  await iphone.home.click();
  await iphone.appIcon.click({ button: 'right' });
  const menu = iphone.root.getByRole('menu', { name: 'IBKR Mobile' });
  await expect(menu).toBeVisible();
  await expectAccessible(page, 'ios: app icon menu', iphone.selector);
  await menu.getByRole('menuitem', { name: 'Remove App' }).click();
  const remove = iphone.root.getByRole('alertdialog', { name: 'Remove “IBKR Mobile”?' });
  await expect(remove.getByRole('button', { name: 'Delete App' })).toBeFocused();
  await expectAccessible(page, 'ios: remove app', iphone.selector);
  await remove.getByRole('button', { name: 'Delete App' }).click();
  const del = iphone.root.getByRole('alertdialog', { name: 'Delete “IBKR Mobile”?' });
  await expect(del).toHaveAccessibleDescription('Deleting this app will also delete its data.');
  // Cancel keeps it.
  await del.getByRole('button', { name: 'Cancel' }).click();
  await expect(iphone.appIcon).toBeVisible();
  await iphone.appIcon.click({ button: 'right' });
  await iphone.root.getByRole('menuitem', { name: 'Remove App' }).click();
  await iphone.root.getByRole('button', { name: 'Delete App' }).click();
  await iphone.root.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(iphone.appIcon).toHaveCount(0);
  const phone = sim.getPhone({ phoneId: 'ios-phone' });
  expect(phone.app.installed).toBe(false);
  expect(phone.app.ibkeyUser).toBeNull();

  // Reinstalled, IB Key must be reactivated: the app says so.
  await iphone.openStore();
  await iphone.store.getByRole('button', { name: 'Get', exact: true }).click();
  advance(PENDING + DOWNLOAD + INSTALLING);
  await iphone.store.getByRole('button', { name: 'Open', exact: true }).click();
  await iphone.button('Services').click();
  await expect(iphone.app).toContainText('IB Key is not activated on this phone');
});

test('Android: Settings → Apps → IBKR Mobile → Uninstall → OK; Google Play installs it again (Pending, the percentage of the size, Installing), then Uninstall there', async ({ page, login, sim, advance }) => {
  await login.username.fill('ibkeyandroid');
  const pixel = new PhonePage(page, 'Pixel 8');
  await pixel.openSettings();
  await pixel.row('Apps').click();
  await pixel.row('IBKR Mobile').click();
  await pixel.button('Uninstall').click();
  const ask = pixel.root.getByRole('alertdialog', { name: 'IBKR Mobile' });
  await expect(ask).toHaveAccessibleDescription('Do you want to uninstall this app?');
  await expectAccessible(page, 'android: app info uninstall', pixel.selector);
  await ask.getByRole('button', { name: 'OK' }).click();
  await expect(pixel.row('IBKR Mobile')).toHaveCount(0);
  expect(sim.getPhone({ phoneId: 'android-phone' }).app.installed).toBe(false);
  await pixel.home.click();
  await expect(pixel.appIcon).toHaveCount(0);

  await pixel.storeIcon.click();
  await expect(pixel.store).toHaveAccessibleName('Google Play');
  await pixel.store.getByRole('button', { name: 'Install', exact: true }).click();
  const bar = pixel.store.getByRole('progressbar');
  await expect(bar).toHaveAccessibleName('Pending…');
  advance(PENDING + DOWNLOAD / 2);
  await expect(bar).toHaveAccessibleName('50% of 48.2 MB');
  await expectAccessible(page, 'google play: installing', pixel.selector);
  advance(DOWNLOAD / 2);
  await expect(bar).toHaveAccessibleName('Installing…');
  advance(INSTALLING);
  await expect(pixel.store.getByRole('button', { name: 'Open', exact: true })).toBeVisible();
  await expectAccessible(page, 'google play: installed', pixel.selector);

  await pixel.store.getByRole('button', { name: 'Uninstall', exact: true }).click();
  const question = pixel.root.getByRole('alertdialog', { name: 'Do you want to uninstall this app?' });
  await expect(question.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await question.getByRole('button', { name: 'Uninstall' }).click();
  await expect(pixel.store.getByRole('button', { name: 'Install', exact: true })).toBeVisible();
  expect(sim.getPhone({ phoneId: 'android-phone' }).app.installed).toBe(false);
});

test('the stores in French: App Store "Obtenir" then "Ouvrir", Google Play "Installer", "Désinstaller"', async ({ page, login, sim, advance }) => {
  // The stage first, in English (its "Login" region is "Connexion" once French is on).
  await expect(login.root).toBeVisible();
  sim.setLocale({ locale: 'fr' });
  sim.uninstallApp({ phoneId: 'ios-phone' });
  await page.getByRole('textbox', { name: "Nom d'utilisateur" }).fill('ibkeyios');
  const iphone = new PhonePage(page, 'iPhone 15', 'fr');
  await iphone.openStore();
  await iphone.store.getByRole('button', { name: 'Obtenir', exact: true }).click();
  advance(PENDING + DOWNLOAD + INSTALLING);
  await expect(iphone.store.getByRole('button', { name: 'Ouvrir', exact: true })).toBeVisible();
  await expectAccessible(page, 'app store in French', iphone.selector);

  await page.getByRole('textbox', { name: "Nom d'utilisateur" }).fill('ibkeyandroid');
  const pixel = new PhonePage(page, 'Pixel 8', 'fr');
  await pixel.openStore();
  await expect(pixel.store.getByRole('button', { name: 'Désinstaller', exact: true })).toBeVisible();
  await pixel.store.getByRole('button', { name: 'Désinstaller', exact: true }).click();
  await pixel.root.getByRole('alertdialog', { name: 'Voulez-vous désinstaller cette application ?' }).getByRole('button', { name: 'Désinstaller' }).click();
  await expect(pixel.store.getByRole('button', { name: 'Installer', exact: true })).toBeVisible();
});
