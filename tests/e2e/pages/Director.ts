// Page object of the director panel: its toggle on the stage, sections, phone faults, time controls and journal.
import { expect, type Locator, type Page } from '@playwright/test';

export class Director {
  readonly root: Locator;
  /** The stage's "Director" toggle. */
  readonly toggle: Locator;
  readonly clock: Locator;
  readonly journal: Locator;
  readonly entries: Locator;
  readonly userFilter: Locator;
  readonly exportButton: Locator;
  readonly fileInput: Locator;
  readonly problems: Locator;
  readonly scenarioTitle: Locator;
  readonly library: Locator;
  readonly pending: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('region', { name: 'Director', exact: true });
    this.toggle = page.getByRole('button', { name: 'Director', exact: true });
    this.clock = this.root.getByRole('timer', { name: 'Virtual time elapsed' });
    this.journal = this.root.getByRole('log', { name: 'Event journal' });
    this.entries = this.journal.getByRole('listitem');
    this.userFilter = this.root.getByRole('combobox', { name: 'Filter by user' });
    this.exportButton = this.root.getByRole('button', { name: 'Export journal' });
    this.fileInput = this.root.getByLabel('Open scenario file…');
    this.problems = this.root.getByRole('alert');
    this.scenarioTitle = this.root.getByRole('region', { name: 'Current scenario' }).getByRole('heading');
    this.library = this.root.getByRole('combobox', { name: 'Built-in scenarios' });
    this.pending = this.root.getByRole('tabpanel').getByRole('table');
  }

  async open(): Promise<void> {
    await this.toggle.click();
    await expect(this.toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(this.root).toBeVisible();
    // The journal is read once the panel opens; its first entry is the scenario's start.
    await expect(this.entries.first()).toBeVisible();
  }

  tab(name: 'Scenario' | 'People & devices' | 'Pending' | 'Phones & faults'): Locator {
    // "Pending" carries how many factors wait ("Pending, 2 waiting").
    return this.root.getByRole('tab', { name: new RegExp(`^${name}(\\s*,|$)`) });
  }

  button(name: string): Locator {
    return this.root.getByRole('button', { name, exact: true });
  }

  /** "Phones & faults" for one phone: the group holding its switches and choices. */
  async faultsOf(phone: string): Promise<Locator> {
    await this.tab('Phones & faults').click();
    const chooser = this.root.getByRole('group', { name: 'Phone to control' });
    await chooser.getByRole('button', { name: phone, exact: true }).click();
    const group = this.root.getByRole('group', { name: `${phone} settings and faults`, exact: true });
    await expect(group).toBeVisible();
    return group;
  }

  /** Switches one of a phone's settings or faults on (or off), and waits for the phone to report it. */
  async setSwitch(phone: string, label: string, on = true): Promise<void> {
    const toggle = (await this.faultsOf(phone)).getByRole('switch', { name: label, exact: true });
    await toggle.setChecked(on);
    await expect(toggle).toBeChecked({ checked: on });
  }

  /** The journal entry carrying a reason code (shown beside its sentence). */
  entryWithReason(code: string): Locator {
    return this.entries.filter({ has: this.page.getByText(code, { exact: true }) });
  }
}
