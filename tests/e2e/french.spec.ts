// The demo in French, as a new user runs it: the stage switched to Français, every screen of the login
// window in French (no English of ours left, axe on each), smsuser's French SMS, and a switch in the middle
// of a login that keeps the login.
import { readScenarioFile, defaultScenarioPath } from '../../main/host/scenario-files.js';
import { Simulation } from '../../main/sim/simulation.js';
import type { Locale } from '../../main/api/vocabulary.js';
import { expectAccessible } from './axe.js';
import { test, expect as baseExpect, DEMO_PASSWORD } from './fixtures.js';
import { englishPieceCount, expectNoEnglish } from './leftover-english.js';
import { CodeCard } from './pages/CodeCard.js';
import { Fob } from './pages/Fob.js';
import { LoginWindow } from './pages/LoginWindow.js';
import { PhonePage } from './pages/PhonePage.js';
import { wordsFor } from './pages/words.js';
import type { Page } from '@playwright/test';

const SMS_DELAY = 3_000;
const en = wordsFor('en');
const fr = wordsFor('fr');

// Several screens each with axe and a scan: long on a busy machine.
test.describe.configure({ timeout: 300_000 });
test.use({ viewport: { width: 1280, height: 860 } });
const expect = baseExpect.configure({ timeout: 20_000 });

// smsuser speaks French (what the world sends them follows their language); the windows start in English.
test.use({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern; this one has none.
  sim: async ({}, use) => {
    const loaded = readScenarioFile(defaultScenarioPath());
    if (!loaded.ok) throw new Error('the default scenario does not load');
    const scenario = { ...loaded.scenario, users: loaded.scenario.users.map((u) => (u.username === 'smsuser' ? { ...u, language: 'fr' as const } : u)) };
    await use(new Simulation(scenario));
  },
});

/** The stage's language switch, found by its name in the language the stage shows. */
async function switchTo(page: Page, from: Locale, to: Locale): Promise<void> {
  const names = { en, fr };
  const languageSwitch = page.getByRole('combobox', { name: names[from]('stage.language'), exact: true });
  await languageSwitch.selectOption({ label: to === 'fr' ? 'Français' : 'English' });
  await expect(page.locator('html')).toHaveAttribute('lang', to);
  await expect(page.getByRole('combobox', { name: names[to]('stage.language'), exact: true })).toHaveValue(to);
}

test('the check looks for the English words of the login window, the devices and the messages', () => {
  expect(englishPieceCount).toBeGreaterThan(100);
});

test('a new user switches the stage to Français and logs in as smsuser, reading the French SMS on the phone', async ({ page, login, advance }) => {
  void login; // the fixture opens the stage in English and waits until it is ready
  // The phone follows the windows' language too: its names are the French catalogue's.
  const phone = new PhonePage(page, 'iPhone', 'fr');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await switchTo(page, 'en', 'fr');
  const french = new LoginWindow(page, 'fr');
  await expect(french.username).toBeFocused();
  await expect(french.logInButton).toHaveText('Se connecter');
  await expectNoEnglish(french.root, 'credentials');
  await expectAccessible(page, 'stage in French: credentials');

  await french.logIn('smsuser', 'not-the-password');
  await expect(french.alert).toHaveText(fr('messages.invalid_credentials'));
  await expectNoEnglish(french.root, 'invalid credentials');

  await french.logIn('smsuser', DEMO_PASSWORD);
  await expect(french.securityCode).toBeFocused();
  await expect(french.notice).toBeVisible();
  // The broker's words (French typography puts a no-break space before the question mark).
  await expect(french.didntReceive).toHaveText("Vous n'avez pas reçu de code de sécurité ?");
  await expectNoEnglish(french.root, 'security code');
  await expectAccessible(page, 'login in French: security code');
  await french.didntReceive.click();
  await expect(french.resendCountdown).toHaveText('2:00');
  await expect(french.voiceChoice).toBeVisible();
  await expectNoEnglish(french.root, '"Vous n\'avez pas reçu de code de sécurité ?" open');
  await expectAccessible(page, 'login in French: new code by SMS or call');

  advance(SMS_DELAY);
  await phone.openMessages();
  // smsuser's SMS is in their language, the broker's words for the code.
  await expect(phone.messages.last()).toContainText('votre Code de sécurité est');
  const code = await phone.latestCode();
  await french.enterCode(code);
  await expect(french.loggedInAs('smsuser')).toBeVisible();
  await expect(french.root.getByText('Connecté en tant que smsuser', { exact: true })).toBeVisible();
  await expectNoEnglish(french.root, 'logged in');
  await expectAccessible(page, 'login in French: logged in');
  await french.logOutButton.click();
  await expect(french.username).toBeVisible();
  await expect(french.logOutButton).toHaveCount(0);
});

test('switching language in the middle of a login keeps the login, what was typed and the focus', async ({ page, login }) => {
  await login.logIn('smsuser', DEMO_PASSWORD);
  await login.securityCode.fill('12');
  await switchTo(page, 'en', 'fr');
  const french = new LoginWindow(page, 'fr');
  await expect(french.securityCode).toHaveValue('12');
  await expect(french.notice).toBeVisible();
  await expect(french.root.getByRole('heading', { name: fr('login.secondFactor'), exact: true })).toBeVisible();

  await switchTo(page, 'fr', 'en');
  await expect(login.securityCode).toHaveValue('12');
  await expect(login.notice).toBeVisible();
  await login.securityCode.fill('000000');
  await login.logInButton.click();
  // Still the same login: a wrong code is refused on its code step, not sent back to the first screen.
  await expect(login.alert).toHaveText(en('messages.login_failed'));
  await expect(login.securityCode).toBeVisible();
});

test('the login window in French with several devices: the drop-down, the IB Key push, challenge/response', async ({ page, login }) => {
  void login; // the fixture opens the stage in English and waits until it is ready
  await switchTo(page, 'en', 'fr');
  const french = new LoginWindow(page, 'fr');

  await french.logIn('multidevice', DEMO_PASSWORD);
  await expect(french.deviceSelect).toBeFocused();
  await expectNoEnglish(french.root, 'select device');
  await expectAccessible(page, 'login in French: select device');
  await french.chooseDevice('IB Key (iPhone SE)');
  await expect(french.noNotification).toBeVisible();
  await expectNoEnglish(french.root, 'IB Key push');
  await expectAccessible(page, 'login in French: IB Key push');
  await french.noNotification.click();
  await french.challengeDigits();
  await expect(french.responseCode).toBeFocused();
  await expectNoEnglish(french.root, 'challenge/response');
  await french.answer(french.responseCode, '12345678');
  await expect(french.alert).toHaveText(fr('messages.login_failed'));
  await expectAccessible(page, 'login in French: challenge, wrong response');
});

test('the login window in French with a DSC+ and with a Security Code Card, each device beside it', async ({ page, login }) => {
  void login; // the fixture opens the stage in English and waits until it is ready
  await switchTo(page, 'en', 'fr');
  const french = new LoginWindow(page, 'fr');

  await french.logIn('dscuser', DEMO_PASSWORD);
  await expect(french.responseCode).toBeFocused();
  const fob = new Fob(page, 'SNA-52903318', 'fr');
  await expect(fob.display).toHaveText(fr('devices.fob.off'));
  await expectNoEnglish(french.root, 'DSC+ step');
  await expectNoEnglish(fob.root, 'DSC+ fob');
  await expectAccessible(page, 'login in French: DSC+ with its fob');
  await french.cancelButton.click();

  await french.logIn('carduser', DEMO_PASSWORD);
  await expect(french.cardValues).toBeFocused();
  await french.viewCard.click();
  const card = new CodeCard(page, 'SCC-7702-4419', 'fr');
  await expect(card.indexes).toHaveCount(224);
  await expectNoEnglish(french.root, 'code card step');
  await expectNoEnglish(card.root, 'code card');
  await expectAccessible(page, 'login in French: code card beside the window');
});

test('the login window in French: paper trading chosen, enrolment required and offered', async ({ page, login, advance }) => {
  void login; // the fixture opens the stage in English and waits until it is ready
  await switchTo(page, 'en', 'fr');
  const french = new LoginWindow(page, 'fr');

  await french.paper.click();
  await expect(french.paper).toHaveAttribute('aria-pressed', 'true');
  await expectNoEnglish(french.root, 'paper trading chosen');
  await french.live.click();

  await french.logIn('hkuser', DEMO_PASSWORD);
  const number = french.root.getByRole('textbox', { name: fr('login.enrol.mobileNumber'), exact: true });
  await expect(number).toBeFocused();
  await number.fill('5123 4567');
  await french.root.getByRole('button', { name: fr('login.enrol.verify'), exact: true }).click();
  await expect(french.alert).toHaveText(fr('login.enrol.numberFormat', { example: '+852 5123 4567' }));
  await expectNoEnglish(french.root, 'enrolment required, number refused');
  await expectAccessible(page, 'login in French: enrolment required');
  // The article's French words: le Code de confirmation dans le champ Numéro de confirmation, POURSUIVRE, SMS vérifié, POURSUIVRE.
  await number.fill('+852 5123 4567');
  await french.verifyButton.click();
  await expect(french.confirmationNumber).toBeFocused();
  advance(3_000);
  const galaxy = new PhonePage(page, 'Galaxy S23', 'fr');
  await expect(galaxy.notifications).toHaveCount(1);
  await galaxy.notifications.first().click();
  const code = /(?:Confirm Code is|Code de confirmation est) (\d{6})/.exec(await galaxy.messages.last().innerText())![1]!;
  await french.confirmationNumber.fill(code);
  await french.enrolContinue.click();
  await expect(french.smsVerifiedColumn).toHaveText('SMS vérifié');
  await expect(french.smsVerifiedCheck).toBeVisible();
  await expectNoEnglish(french.root, 'enrolment, SMS vérifié');
  await expectAccessible(page, 'login in French: enrolment, SMS vérifié');
  await french.enrolContinue.click();
  await expect(french.loggedInAs('hkuser')).toBeVisible();
  await french.logOutButton.click();

  await french.logIn('nodevice', DEMO_PASSWORD);
  await expect(french.loggedInAs('nodevice')).toBeVisible();
  await expectNoEnglish(french.root, 'logged in, enrolment offered');
  await expectAccessible(page, 'login in French: logged in, enrolment offered');
});

test("the paper-account warning in French: « Ceci n'est pas un compte de courtage », accepted with « Je comprends et j'accepte »", async ({ page, login, advance }) => {
  void login; // the fixture opens the stage in English and waits until it is ready
  await switchTo(page, 'en', 'fr');
  const french = new LoginWindow(page, 'fr');
  const phone = new PhonePage(page, 'iPhone', 'fr');
  await french.paper.click();
  await expect(french.paper).toHaveAttribute('aria-pressed', 'true');
  await french.logIn('smsuser', DEMO_PASSWORD);
  advance(SMS_DELAY);
  await phone.openMessages();
  await french.enterCode(await phone.latestCode());

  await expect(french.root.getByRole('heading', { name: fr('login.paper.title'), exact: true })).toHaveText('Compte de trading simulé');
  await expect(french.root).toContainText("Ceci n'est pas un compte de courtage.");
  await expect(french.acceptPaper).toHaveText("Je comprends et j'accepte");
  await expect(french.acceptPaper).toBeFocused();
  await expectNoEnglish(french.root, 'paper-account warning');
  await expectAccessible(page, 'login in French: paper-account warning');
  await french.acceptPaper.click();
  await expect(french.loggedInAs('smsuser')).toBeVisible();
  await expect(french.root).toContainText(fr('login.mode.paper'));
  await expectNoEnglish(french.root, 'logged in to paper trading');
});
