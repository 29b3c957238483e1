// Page object of a simulated phone: its lock screen, banner, home screen and Messages.
import { expect, type Locator, type Page } from '@playwright/test';

export class PhonePage {
  readonly root: Locator;
  readonly notifications: Locator;
  readonly banner: Locator;
  readonly messages: Locator;
  readonly home: Locator;
  readonly messagesApp: Locator;

  constructor(
    readonly page: Page,
    readonly name: string,
  ) {
    this.root = page.getByRole('region', { name: `Phone — ${name}`, exact: true });
    this.notifications = this.root.getByRole('list', { name: 'Notifications' }).getByRole('button');
    this.banner = this.root.getByRole('status').getByRole('button');
    this.messages = this.root.getByRole('list', { name: 'Messages' }).getByRole('listitem');
    this.home = this.root.getByRole('button', { name: 'Home', exact: true });
    this.messagesApp = this.root.getByRole('button', { name: /^Messages/ });
  }

  /** Home, then the Messages app (from any screen). */
  async openMessages(): Promise<void> {
    await this.home.click();
    await this.messagesApp.click();
    await expect(this.root.getByRole('heading')).toBeVisible();
  }

  /** The 6-digit code in the newest SMS, read as a person would. */
  async latestCode(): Promise<string> {
    const text = await this.messages.last().innerText();
    const match = /\b(\d{6})\b/.exec(text);
    if (!match) throw new Error(`no 6-digit code in "${text}"`);
    return match[1]!;
  }
}
