// The phones and IBKR Mobile in French, as a French-speaking trainer runs the demo: an IB Key push approved,
// the challenge/response fallback, and Android's "Effacer les données" (the cache article's path).
// The windows are switched with the setLocale operation (what the stage's and the Director's language
// switch and POST /control/locale send); the account holders are French, so what the world sends is too.
// The login window is French too once the windows switch: it is driven by its French page object.
import type { Page } from '@playwright/test';
import { readScenarioFile, defaultScenarioPath } from '../../main/host/scenario-files.js';
import { formatProblem } from '../../main/sim/scenario/load.js';
import { Simulation } from '../../main/sim/simulation.js';
import { longDate } from '../../renderer/lib/time.js';
import { LoginWindow } from './pages/LoginWindow.js';
import { expectAccessible } from './axe.js';
import { test as base, expect, DEMO_PASSWORD } from './fixtures.js';
import { PhonePage } from './pages/PhonePage.js';
import { startingWith } from './pages/names.js';

const PUSH_LATENCY = 1_000;
// Each screen is also run through axe, which on a busy 2-core machine takes longer than the steps themselves
// (as in accessibility.spec.ts): the timeout is a hang guard sized for that.
base.describe.configure({ timeout: 300_000 });

/** The demo world with every account holder French-speaking: their SMS, calls and pushes come in French. */
const test = base.extend({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern; this one has none.
  sim: async ({}, use) => {
    const loaded = readScenarioFile(defaultScenarioPath());
    if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
    await use(new Simulation({ ...loaded.scenario, users: loaded.scenario.users.map((u) => ({ ...u, language: 'fr' as const })) }));
  },
});

/** Every open window follows the world's language; the French catalogue arrives as a chunk of its own. */
async function inFrench(sim: Simulation, ...pages: Page[]): Promise<void> {
  sim.setLocale({ locale: 'fr' });
  for (const page of pages) await expect(page.locator('html[lang="fr"]')).toBeAttached();
}

test('ibkeyios approves the French push with Face ID on a phone in French', async ({ page, sim, login: english, advance }) => {
  void english;
  const login = new LoginWindow(page, 'fr');
  await inFrench(sim, page);
  await login.logIn('ibkeyios', DEMO_PASSWORD);
  await expect(login.noNotification).toBeVisible();
  // The stage shows the phone of the user logging in, locked: the date and clock in French ("lundi 2 mars", "09:30").
  const phone = new PhonePage(page, 'iPhone 15', 'fr');
  const t = phone.t;
  await expect(phone.root).toBeVisible();
  await expect(phone.root).toContainText(longDate(sim.getClock().now, 'US', 'fr-FR'));
  await expect(phone.root.getByText(/^\d{2}:\d{2}$/).first()).toBeVisible();
  await expect(phone.root.getByText(t('phone.lock.hint.ios'), { exact: true })).toBeVisible();
  await phone.home.click();
  advance(PUSH_LATENCY);
  await expect(phone.banner).toContainText('Demande de connexion');
  await phone.banner.click();

  const request = phone.app.getByRole('region', { name: t('ibkr.loginRequest'), exact: true });
  await expect(request).toContainText('ibkeyios');
  await expect(request).toContainText(t('ibkr.timeLeft'));
  await expect(request.getByRole('timer')).toHaveText('2:59');
  await expect(phone.app.getByText(t('ibkr.ask.faceid'), { exact: true })).toBeVisible();
  await expectAccessible(page, 'IBKR Mobile in French → IB Key login request', '[aria-label="IBKR Mobile"]');
  await phone.button(t('ibkr.unlock.faceid')).click();

  await expect(phone.app.getByRole('status')).toContainText(t('ibkr.approved'));
  await expectAccessible(page, 'IBKR Mobile in French → login approved', '[aria-label="IBKR Mobile"]');
  await expect(login.loggedInAs('ibkeyios')).toBeVisible();
});

test('ibkeyandroid in French: no notification, so the challenge into Services → Authentifier with the PIN, the response into the login window', async ({ page, sim, login: english }) => {
  void english;
  const login = new LoginWindow(page, 'fr');
  await inFrench(sim, page);
  await login.logIn('ibkeyandroid', DEMO_PASSWORD);
  await login.noNotification.click();
  const challenge = await login.challengeDigits();

  const phone = new PhonePage(page, 'Pixel 8', 'fr');
  const t = phone.t;
  await phone.openApp();
  await phone.button(t('ibkr.services')).click();
  await expect(phone.app.getByText(t('ibkr.ibkey.active', { user: 'ibkeyandroid' }), { exact: true })).toBeVisible();
  await expectAccessible(page, 'IBKR Mobile in French → Services', '[aria-label="IBKR Mobile"]');
  await phone.button(t('ibkr.authenticate')).click();
  await expect(phone.app.getByRole('heading', { name: t('ibkr.authenticate'), exact: true })).toBeVisible();
  const response = await phone.generateResponse(challenge, { pin: '1357' });
  await expectAccessible(page, 'IBKR Mobile in French → Authentifier → Chaîne de réponse', '[aria-label="IBKR Mobile"]');

  await login.answer(login.responseCode, response);
  await expect(login.loggedInAs('ibkeyandroid')).toBeVisible();
});

test("Android in French: Paramètres → Applications → Gestionnaire d'application → Stockage → Effacer les données → OK; IB Key is gone", async ({ page, sim, server, login: english, advance }) => {
  void english;
  const login = new LoginWindow(page, 'fr');
  const window = await page.context().newPage();
  try {
    await window.goto(`${server.url}#phone/android-phone`);
    await expect(window.locator('html[data-ready]')).toBeAttached();
    await inFrench(sim, page, window);
    const pixel = new PhonePage(window, 'Pixel 8', 'fr');
    const t = pixel.t;
    const row = (label: string) => pixel.root.getByRole('button', { name: startingWith(label) });

    await pixel.openSettings();
    await expect(pixel.root.getByRole('heading', { name: 'Paramètres', exact: true })).toBeVisible();
    await expectAccessible(window, 'Android Paramètres');
    await row('Applications').click();
    await row('IBKR Mobile').click();
    await expect(pixel.root.getByRole('heading', { name: "Gestionnaire d'application", exact: true })).toBeVisible();
    await row('Stockage').click();
    await expect(pixel.root.getByRole('heading', { name: 'Stockage', exact: true })).toBeVisible();
    // Sizes in French: the decimal comma and "Mo".
    await expect(pixel.root.getByText(/^6,4\s?Mo$/)).toBeVisible();
    await expectAccessible(window, 'Android Paramètres → Stockage');

    await pixel.button('Effacer les données').click();
    const dialog = pixel.root.getByRole('alertdialog', { name: t('settings.android.clearDataTitle'), exact: true });
    await expect(dialog.getByRole('button', { name: t('settings.android.cancel'), exact: true })).toBeFocused();
    await expectAccessible(window, "Android Paramètres → Stockage → Effacer les données de l'application ?");
    await dialog.getByRole('button', { name: 'OK', exact: true }).click();
    await expect(dialog).toHaveCount(0);
    await expect(pixel.root.getByText(/^6,4\s?Mo$/)).toHaveCount(0);

    // Relaunched, the app has forgotten IB Key; a login's notification never comes.
    await pixel.home.click();
    await pixel.button('IBKR Mobile').click();
    await pixel.button(t('ibkr.services')).click();
    await expect(pixel.root.getByText(t('ibkr.ibkey.inactive'), { exact: true })).toBeVisible();
    await login.logIn('ibkeyandroid', DEMO_PASSWORD);
    advance(PUSH_LATENCY + 30_000);
    await pixel.button(t('settings.android.panel')).click();
    await expect(pixel.root.getByText(t('settings.android.noNotifications'), { exact: true })).toBeVisible();
  } finally {
    await window.close();
  }
});
