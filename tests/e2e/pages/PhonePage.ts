// Page object of a simulated phone: its lock screen, banner, home screen and Messages, by the names the
// windows show in the language the test chose (`words` reads them from the renderer's catalogues).
import { expect, type Locator, type Page } from '@playwright/test';
import type { Locale } from '../../../main/api/vocabulary.js';
import { words, type Words } from '../../../scripts/catalogue-words.js';
import { before, exactly, startingWith } from './names.js';

export class PhonePage {
  readonly root: Locator;
  readonly notifications: Locator;
  readonly banner: Locator;
  readonly messages: Locator;
  readonly home: Locator;
  readonly messagesApp: Locator;
  /** The broker's mobile app (IBKR Mobile) while it is open. */
  readonly app: Locator;
  /** A call over the whole screen, ringing or in progress. */
  readonly call: Locator;
  /** The windows' words in this test's language. */
  readonly t: Words;

  constructor(
    readonly page: Page,
    readonly name: string,
    readonly locale: Locale = 'en',
  ) {
    const t = (this.t = words(locale));
    this.root = page.getByRole('region', { name: t('phone.label', { name }), exact: true });
    this.notifications = this.root.getByRole('list', { name: t('phone.lock.notifications'), exact: true }).getByRole('button');
    this.banner = this.root.getByRole('status').getByRole('button');
    this.messages = this.root.getByRole('list', { name: t('phone.messages.list'), exact: true }).getByRole('listitem');
    this.home = this.root.getByRole('button', { name: t('phone.home'), exact: true });
    this.messagesApp = this.root.getByRole('button', { name: startingWith(t('phone.app.messages')) });
    // The product's name is not translated.
    this.app = this.root.getByRole('group', { name: 'IBKR Mobile', exact: true });
    this.call = this.root.getByRole('dialog', { name: startingWith(before(t, 'phone.call.incomingFrom', 'caller'), before(t, 'phone.call.with', 'caller')) });
  }

  /** Home, then the Messages app (from any screen). */
  async openMessages(): Promise<void> {
    await this.home.click();
    await this.messagesApp.click();
    await expect(this.root.getByRole('heading')).toBeVisible();
  }

  /** Home, then the phone's own Settings app. */
  async openSettings(): Promise<void> {
    await this.home.click();
    await this.root.getByRole('button', { name: exactly(this.t('phone.app.settings.ios'), this.t('phone.app.settings.android')) }).click();
  }

  /** The phone's own window (#phone/<id>), as Electron opens it beside the login window. */
  static async inWindow(page: Page, url: string, id: string, name: string): Promise<PhonePage> {
    const window = await page.context().newPage();
    await window.goto(`${url}#phone/${id}`);
    await expect(window.locator('html[data-ready]')).toBeAttached();
    return new PhonePage(window, name);
  }

  button(name: string): Locator {
    return this.root.getByRole('button', { name, exact: true });
  }

  /** A switch of the Settings app or the quick settings. */
  setting(name: string): Locator {
    return this.root.getByRole('switch', { name, exact: true });
  }

  /** A Settings row that opens a page; its name also carries the value shown beside it. */
  row(label: string): Locator {
    return this.root.getByRole('button', { name: new RegExp(`^${label}`) });
  }

  /** Home, then the broker's app from its icon (it opens on its first screen). */
  async openApp(): Promise<void> {
    await this.home.click();
    await this.button('IBKR Mobile').click();
    await expect(this.app).toBeVisible();
  }

  /** A labelled field of the broker's app, by its label. */
  appField(label: string): Locator {
    return this.app.getByLabel(label, { exact: true });
  }

  /** The app's own login form (the app open on its first screen): username, password, Log In. */
  async appLogIn(username: string, password: string): Promise<void> {
    await this.app.getByRole('textbox', { name: this.t('ibkr.username'), exact: true }).fill(username);
    await this.appField(this.t('ibkr.password')).fill(password);
    await this.button(this.t('ibkr.logIn')).click();
  }

  /** Authenticate (already open): the PIN on Android, the challenge, "Generate Passcode" (Android) or "Generate Response" (iOS), the biometric if asked (by its shown name); returns the "Response String". */
  async generateResponse(challenge: string, unlock: { pin: string } | { biometric: string }): Promise<string> {
    const t = this.t;
    if ('pin' in unlock) await this.app.getByLabel(t('ibkr.pin'), { exact: true }).fill(unlock.pin);
    await this.app.getByRole('textbox', { name: t('ibkr.challenge'), exact: true }).fill(challenge);
    await this.button(t('pin' in unlock ? 'ibkr.generate.android' : 'ibkr.generate.ios')).click();
    if ('biometric' in unlock) await this.button(unlock.biometric).click();
    const result = this.app.getByLabel(t('ibkr.responseString'), { exact: true });
    await expect(result).toHaveText(/^\d{8}$/);
    return (await result.textContent())!.trim();
  }

  /** A CSS selector of this phone, for axe's `within`. */
  get selector(): string {
    return `section[aria-label="${this.t('phone.label', { name: this.name })}"]`;
  }

  /** The phone's app store while it is open: "App Store" on iOS, "Google Play" on Android. */
  get store(): Locator {
    return this.root.getByRole('group', { name: exactly(this.t('phone.app.appStore'), this.t('phone.store.android.title')) });
  }

  /** The home screen's app store icon ("App Store" or "Play Store"). */
  get storeIcon(): Locator {
    return this.root.getByRole('button', { name: exactly(this.t('phone.app.appStore'), this.t('phone.app.playStore')) });
  }

  /** The broker's app icon on the home screen (its name alone, or with its notifications' count). */
  get appIcon(): Locator {
    return this.root.getByRole('button', { name: startingWith('IBKR Mobile') });
  }

  /** Home, then the app store (it opens on the broker's app). */
  async openStore(): Promise<void> {
    await this.home.click();
    await this.storeIcon.click();
    await expect(this.store).toBeVisible();
  }

  /** The 6-digit code in the newest SMS, read as a person would. */
  async latestCode(): Promise<string> {
    const text = await this.messages.last().innerText();
    const match = /\b(\d{6})\b/.exec(text);
    if (!match) throw new Error(`no 6-digit code in "${text}"`);
    return match[1]!;
  }
}
