// Page object of the login window, by the accessible names its screens carry (docs/ARCHITECTURE.md, "Tests").
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
  readonly continueButton: Locator;
  readonly acceptPaper: Locator;
  readonly logOutButton: Locator;
  // Challenge/response (IB Key, DSC+) and the Security Code Card.
  readonly noNotification: Locator;
  readonly challenge: Locator;
  readonly responseCode: Locator;
  readonly okButton: Locator;
  readonly cardIndexes: Locator;
  readonly cardValues: Locator;
  readonly viewCard: Locator;
  readonly chooseAnotherDevice: Locator;
  readonly temporaryPasscode: Locator;
  readonly cancelButton: Locator;

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
    this.continueButton = button('Continue');
    this.acceptPaper = button('I understand and accept');
    this.logOutButton = button('Log Out');
    this.noNotification = this.root.getByRole('link', { name: 'Click here if you do not receive the notification', exact: true });
    this.challenge = this.root.getByLabel('Challenge', { exact: true });
    this.responseCode = this.root.getByRole('textbox', { name: 'Enter response code', exact: true });
    this.okButton = button('OK');
    this.cardIndexes = this.root.getByRole('group', { name: 'Index numbers', exact: true });
    this.cardValues = this.root.getByRole('textbox', { name: 'Card Values', exact: true });
    this.viewCard = button('View Security Code Card');
    this.chooseAnotherDevice = button('Choose Another Device');
    this.temporaryPasscode = this.root.getByRole('textbox', { name: 'Temporary passcode', exact: true });
    this.cancelButton = button('Cancel');
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

  /** "Select Second Factor Device": the device by its label, then Continue (the choice alone does nothing). */
  async chooseDevice(label: string): Promise<void> {
    await this.deviceSelect.selectOption({ label });
    await this.continueButton.click();
    await expect(this.root).toHaveAttribute('aria-busy', 'false');
  }

  /** The 6-digit challenge as shown (the screen may group the digits). */
  async challengeDigits(): Promise<string> {
    await expect(this.challenge).toHaveText(/^\s*\d{3}\s*\d{3}\s*$/);
    return (await this.challenge.innerText()).replace(/\D/g, '');
  }

  /** The two index numbers the card step asks for. */
  async indexNumbers(): Promise<[number, number]> {
    const numbers = (await this.cardIndexes.innerText()).match(/\d+/g)?.map(Number) ?? [];
    expect(numbers).toHaveLength(2);
    return [numbers[0]!, numbers[1]!];
  }

  /** Types into "Enter response code" or "Card Values" and presses OK; waits until the request is answered. */
  async answer(field: Locator, text: string): Promise<void> {
    await field.fill(text);
    await this.okButton.click();
    await expect(this.root).toHaveAttribute('aria-busy', 'false');
  }

  async enterCode(code: string): Promise<void> {
    await this.securityCode.fill(code);
    await this.logInButton.click();
    await expect(this.root).toHaveAttribute('aria-busy', 'false');
  }
}
