// Page object of the Security Code Card viewer: index numbers, each with the 3-character value printed beside it.
import { expect, type Locator, type Page } from '@playwright/test';
import type { Locale } from '../../../main/api/vocabulary.js';
import { wordsFor } from './words.js';

export class CodeCard {
  readonly root: Locator;
  readonly indexes: Locator;
  readonly values: Locator;
  readonly printButton: Locator;
  readonly closeButton: Locator;

  constructor(
    readonly page: Page,
    serial?: string,
    locale: Locale = 'en',
  ) {
    const w = wordsFor(locale);
    const name = w('devices.card.name');
    const prefix = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `);
    this.root = page.getByRole('region', { name: serial ? `${name} ${serial}` : prefix });
    this.indexes = this.root.getByRole('term');
    this.values = this.root.getByRole('definition');
    this.printButton = this.root.getByRole('button', { name: w('devices.card.print'), exact: true });
    this.closeButton = this.root.getByRole('button', { name: w('devices.card.close'), exact: true });
  }

  /** Finds the index number on the card and reads the value beside it. */
  async valueAt(index: number): Promise<string> {
    await expect(this.indexes).toHaveCount(224);
    const indexes = await this.indexes.allInnerTexts();
    const at = indexes.findIndex((text) => text.trim() === String(index));
    expect(at, `index ${index} on the card`).toBeGreaterThanOrEqual(0);
    return (await this.values.nth(at).innerText()).trim();
  }
}
