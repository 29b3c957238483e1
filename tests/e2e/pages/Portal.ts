// Page object of the Client Portal on the stage (its tab, its own login, Settings), by the accessible
// names its screens carry, in the language the windows show (the names come from the catalogues).
import { expect, type Locator, type Page } from '@playwright/test';
import type { Locale } from '../../../main/api/vocabulary.js';
import { wordsFor, type Words } from './words.js';

export class Portal {
  /** The stage's tab that shows the portal, and the one that goes back to the login window. */
  readonly tab: Locator;
  readonly platformTab: Locator;
  readonly root: Locator;
  readonly words: Words;
  // Its own login: the login window's screens, inside the portal.
  readonly username: Locator;
  readonly password: Locator;
  readonly logInButton: Locator;
  readonly securityCode: Locator;
  readonly alert: Locator;
  readonly status: Locator;
  /** The IB Key push's fallback link, as the re-sync article words it in the portal. */
  readonly noMessage: Locator;
  // Logged in.
  readonly userMenu: Locator;
  readonly settingsItem: Locator;
  readonly userSettings: Locator;
  readonly configureMobile: Locator;
  readonly slsLink: Locator;
  // Settings → User Settings → the gear beside "Mobile Number".
  readonly mobileNumber: Locator;
  readonly verifyButton: Locator;
  readonly resendTimer: Locator;
  readonly confirmationNumber: Locator;
  readonly continueButton: Locator;
  readonly smsVerifiedColumn: Locator;
  readonly smsVerifiedCheck: Locator;
  // Secure Login System.
  readonly slsSettings: Locator;
  readonly configureSeamless: Locator;
  readonly seamlessSwitch: Locator;
  readonly saveButton: Locator;
  readonly optOutButton: Locator;
  readonly devices: Locator;

  constructor(
    readonly page: Page,
    readonly locale: Locale = 'en',
  ) {
    const w = (this.words = wordsFor(locale));
    this.tab = page.getByRole('tab', { name: w('portal.region'), exact: true });
    this.platformTab = page.getByRole('tab', { name: w('stage.tab.platform', { product: 'Trader Workstation' }), exact: true });
    this.root = page.getByRole('region', { name: w('portal.region'), exact: true });
    const button = (name: string) => this.root.getByRole('button', { name, exact: true });
    const textbox = (name: string) => this.root.getByRole('textbox', { name, exact: true });
    this.username = textbox(w('login.username'));
    this.password = textbox(w('login.password'));
    this.logInButton = button(w('login.logIn'));
    this.securityCode = textbox(w('login.securityCode'));
    this.alert = this.root.getByRole('alert');
    this.status = this.root.getByRole('status');
    this.noMessage = this.root.getByRole('link', { name: w('login.push.fallbackPortal'), exact: true });
    this.userMenu = button(w('portal.userMenu'));
    this.settingsItem = this.root.getByRole('menuitem', { name: w('portal.menu.settings'), exact: true });
    this.userSettings = this.root.getByRole('heading', { name: w('portal.settings.user'), exact: true });
    this.configureMobile = button(w('portal.settings.configureMobile'));
    this.slsLink = button(w('portal.settings.sls'));
    this.mobileNumber = textbox(w('portal.mobile.number'));
    this.verifyButton = button(w('portal.mobile.verify'));
    this.resendTimer = this.root.getByRole('timer');
    this.confirmationNumber = textbox(w('portal.mobile.confirmation'));
    this.continueButton = button(w('portal.mobile.continue'));
    this.smsVerifiedColumn = this.root.getByRole('columnheader', { name: w('portal.mobile.smsVerified'), exact: true });
    this.smsVerifiedCheck = this.root.getByRole('img', { name: w('portal.mobile.checked'), exact: true });
    this.slsSettings = this.root.getByRole('heading', { name: w('portal.sls.settings'), exact: true });
    this.configureSeamless = button(w('portal.sls.configure'));
    this.seamlessSwitch = this.root.getByRole('switch', { name: w('portal.sls.seamless'), exact: true });
    this.saveButton = button(w('portal.sls.save'));
    this.optOutButton = button(w('portal.sls.optOut'));
    this.devices = this.root.getByRole('region', { name: w('portal.sls.devices'), exact: true });
  }

  /** The stage's "Client Portal" tab. */
  async open(): Promise<void> {
    await this.tab.click();
    await expect(this.username.or(this.userMenu)).toBeVisible();
  }

  /** The portal's own login: the user name and password, then Log In; waits until it is answered. */
  async logIn(username: string, password: string): Promise<void> {
    await this.username.fill(username);
    await this.password.fill(password);
    await this.logInButton.click();
    await expect(this.root).toHaveAttribute('aria-busy', 'false');
  }

  /** User menu → Settings: the page with User Settings. */
  async openSettings(): Promise<void> {
    await this.userMenu.click();
    await this.settingsItem.click();
    await expect(this.userSettings).toBeVisible();
  }

  /** Settings → User Settings → the gear beside "Mobile Number". */
  async openMobileNumber(): Promise<void> {
    await this.openSettings();
    await this.configureMobile.click();
    await expect(this.mobileNumber).toBeVisible();
  }

  /** Settings → User Settings → Secure Login System: Secure Login Settings. */
  async openSecureLogin(): Promise<void> {
    await this.openSettings();
    await this.slsLink.click();
    await expect(this.slsSettings).toBeVisible();
  }

  /** "Mobile Number" as typed, then VERIFY. */
  async verify(number: string): Promise<void> {
    await this.mobileNumber.fill(number);
    await this.verifyButton.click();
    await expect(this.root).toHaveAttribute('aria-busy', 'false');
  }

  /** The code in "Confirmation Number", then CONTINUE. */
  async confirm(code: string): Promise<void> {
    await this.confirmationNumber.fill(code);
    await this.continueButton.click();
    await expect(this.root).toHaveAttribute('aria-busy', 'false');
  }

  /** The wheel (Configure) beside Seamless Authentication, the switch set, then Save. */
  async saveSeamless(enabled: boolean): Promise<void> {
    await this.configureSeamless.click();
    await expect(this.seamlessSwitch).toBeVisible();
    if ((await this.seamlessSwitch.getAttribute('aria-checked')) !== String(enabled)) await this.seamlessSwitch.click();
    await expect(this.seamlessSwitch).toHaveAttribute('aria-checked', String(enabled));
    await this.saveButton.click();
    await expect(this.root).toHaveAttribute('aria-busy', 'false');
  }
}
