// Page object of the Digital Security Card+: its LCD, the keypad, OK and the "press" button that must be held.
import { expect, type Locator, type Page } from '@playwright/test';
import type { Locale } from '../../../main/api/vocabulary.js';
import { wordsFor } from './words.js';

export class Fob {
  readonly root: Locator;
  readonly display: Locator;
  readonly pressButton: Locator;
  readonly okButton: Locator;
  readonly backButton: Locator;

  constructor(
    readonly page: Page,
    serial?: string,
    locale: Locale = 'en',
  ) {
    const w = wordsFor(locale);
    // The card's name is its product name, the same in every language; "OK" is printed on it.
    this.root = page.getByRole('region', { name: serial ? `Digital Security Card+ ${serial}` : /^Digital Security Card\+ / });
    this.display = this.root.getByRole('status', { name: w('devices.fob.display'), exact: true });
    this.pressButton = this.root.getByRole('button', { name: w('devices.fob.press'), exact: true });
    this.okButton = this.root.getByRole('button', { name: 'OK', exact: true });
    this.backButton = this.root.getByRole('button', { name: w('devices.fob.back'), exact: true });
  }

  key(digit: string): Locator {
    return this.root.getByRole('button', { name: digit, exact: true });
  }

  /** Holds "press" with the mouse until PIN> appears, as the manual says, then lets go. */
  async holdPress(): Promise<void> {
    await this.pressButton.hover();
    await this.page.mouse.down();
    await expect(this.display).toHaveText(/^PIN>/);
    await this.page.mouse.up();
  }

  /** Taps the digits on the keypad, then OK. */
  async enter(digits: string): Promise<void> {
    for (const digit of digits) await this.key(digit).click();
    await this.okButton.click();
  }

  /** The 8-digit response, read off the display. */
  async response(): Promise<string> {
    await expect(this.display).toHaveText(/^\d{8}$/);
    return this.display.innerText();
  }
}
