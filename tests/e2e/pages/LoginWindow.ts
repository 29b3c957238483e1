// Page object of the login window, by the accessible names of DESIGN.md's UI vocabulary.
import { expect, type Locator, type Page } from '@playwright/test';

export class LoginWindow {
  readonly root: Locator;
  readonly live: Locator;
  readonly paper: Locator;
  readonly username: Locator;
  readonly password: Locator;
  readonly logInButton: Locator;
  readonly alert: Locator;
  readonly notice: Locator;
  readonly securityCode: Locator;
  readonly didntReceive: Locator;
  readonly smsChoice: Locator;
  readonly voiceChoice: Locator;
  readonly resendCountdown: Locator;
  readonly deviceSelect: Locator;
  readonly acceptPaper: Locator;
  readonly logOutButton: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('region', { name: 'Login', exact: true });
    const button = (name: string) => this.root.getByRole('button', { name, exact: true });
    this.live = button('Live Trading');
    this.paper = button('Paper Trading');
    this.username = this.root.getByRole('textbox', { name: 'Username', exact: true });
    this.password = this.root.getByRole('textbox', { name: 'Password', exact: true });
    this.logInButton = button('Log In');
    this.alert = this.root.getByRole('alert');
    this.notice = this.root.getByText(/security code has been sent/);
    this.securityCode = this.root.getByRole('textbox', { name: 'Security Code', exact: true });
    this.didntReceive = this.root.getByRole('link', { name: "Didn't receive a security code?", exact: true });
    this.smsChoice = button('SMS');
    this.voiceChoice = button('Voice');
    this.resendCountdown = this.root.getByRole('timer');
    this.deviceSelect = this.root.getByRole('combobox', { name: 'Select Second Factor Device', exact: true });
    this.acceptPaper = button('I understand and accept');
    this.logOutButton = button('Log Out');
  }

  loggedInAs(username: string): Locator {
    return this.root.getByText(`Logged in as ${username}`, { exact: true });
  }

  /** Types the credentials and presses Log In; waits until the request is answered. */
  async logIn(username: string, password: string): Promise<void> {
    await this.username.fill(username);
    await this.password.fill(password);
    await this.logInButton.click();
    await expect(this.root).toHaveAttribute('aria-busy', 'false');
  }

  async enterCode(code: string): Promise<void> {
    await this.securityCode.fill(code);
    await this.logInButton.click();
    await expect(this.root).toHaveAttribute('aria-busy', 'false');
  }
}
