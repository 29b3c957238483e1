// Page object of the login window, by the accessible names its screens carry (docs/ARCHITECTURE.md, "Tests"),
// in the language the window shows (the names come from the catalogues).
import { expect, type Locator, type Page } from '@playwright/test';
import type { Locale } from '../../../main/api/vocabulary.js';
import { opening, wordsFor, type Words } from './words.js';

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
  /** SMS enrolment, as the SMS article walks it: Mobile Number → VERIFY → Confirmation Number → CONTINUE → SMS Verified ✓ → CONTINUE. */
  readonly mobileNumber: Locator;
  readonly verifyButton: Locator;
  readonly confirmationNumber: Locator;
  readonly enrolContinue: Locator;
  /** The table of the number being verified, with its column "SMS Verified". */
  readonly numbers: Locator;
  readonly smsVerifiedColumn: Locator;
  /** The green check mark in the column "SMS Verified". */
  readonly smsVerifiedCheck: Locator;
  /** The window's words in its language. */
  readonly words: Words;

  constructor(
    readonly page: Page,
    readonly locale: Locale = 'en',
  ) {
    const w = (this.words = wordsFor(locale));
    this.root = page.getByRole('region', { name: w('login.region'), exact: true });
    const button = (name: string) => this.root.getByRole('button', { name, exact: true });
    this.live = button(w('login.mode.live'));
    this.paper = button(w('login.mode.paper'));
    this.username = this.root.getByRole('textbox', { name: w('login.username'), exact: true });
    this.password = this.root.getByRole('textbox', { name: w('login.password'), exact: true });
    this.logInButton = button(w('login.logIn'));
    this.alert = this.root.getByRole('alert');
    this.notice = this.root.getByText(opening(w, 'messages.code_sent_sms', 'number'));
    this.securityCode = this.root.getByRole('textbox', { name: w('login.securityCode'), exact: true });
    this.didntReceive = this.root.getByRole('link', { name: w('login.resend.link'), exact: true });
    this.smsChoice = button(w('login.resend.sms'));
    this.voiceChoice = button(w('login.resend.voice'));
    this.resendCountdown = this.root.getByRole('timer');
    this.deviceSelect = this.root.getByRole('combobox', { name: w('login.selectDevice.label'), exact: true });
    this.continueButton = button(w('login.continue'));
    this.acceptPaper = button(w('login.paper.accept'));
    this.logOutButton = button(w('login.logOut'));
    this.noNotification = this.root.getByRole('link', { name: w('login.push.fallback'), exact: true });
    this.challenge = this.root.getByLabel(w('login.challenge.label'), { exact: true });
    this.responseCode = this.root.getByRole('textbox', { name: w('login.challenge.response'), exact: true });
    this.okButton = button(w('login.ok'));
    this.cardIndexes = this.root.getByRole('group', { name: w('login.card.indexes'), exact: true });
    this.cardValues = this.root.getByRole('textbox', { name: w('login.card.values'), exact: true });
    this.viewCard = button(w('login.card.view'));
    this.chooseAnotherDevice = button(w('login.chooseAnotherDevice'));
    this.temporaryPasscode = this.root.getByRole('textbox', { name: w('login.passcode.field'), exact: true });
    this.cancelButton = button(w('login.cancel'));
    this.mobileNumber = this.root.getByRole('textbox', { name: w('login.enrol.mobileNumber'), exact: true });
    this.verifyButton = button(w('login.enrol.verify'));
    this.confirmationNumber = this.root.getByRole('textbox', { name: w('login.enrol.confirmationNumber'), exact: true });
    this.enrolContinue = button(w('login.enrol.continue'));
    this.numbers = this.root.getByRole('table', { name: w('login.enrol.numbers'), exact: true });
    this.smsVerifiedColumn = this.numbers.getByRole('columnheader', { name: w('login.enrol.verified'), exact: true });
    this.smsVerifiedCheck = this.numbers.getByRole('img', { name: w('login.enrol.checked'), exact: true });
  }

  loggedInAs(username: string): Locator {
    return this.root.getByText(this.words('login.loggedIn.as', { username }), { exact: true });
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
