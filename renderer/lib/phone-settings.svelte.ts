// Changing the phone's own settings from its screens (quick settings, Settings, power key), and the Settings app's page stack.
import type { PhoneStatePatch } from '../../main/api/phone-state';
import type { PhoneView } from '../../main/api/views';
import type { Client } from './client';
import { errorText } from './window-error';
import type { PhoneState } from './phone.svelte';
import type { SettingsPage } from './phone-settings';

export class PhoneControls {
  /** A refused change in plain words, for the phone's alert line. */
  error = $state<string | null>(null);

  constructor(
    private readonly api: Client,
    /** The phone on screen now (a component's prop can change under it). */
    private readonly phone: () => PhoneState,
  ) {}

  async #run(action: (phoneId: string) => Promise<PhoneView>): Promise<boolean> {
    const phone = this.phone();
    const phoneId = phone.id;
    if (!phoneId) return false;
    this.error = null;
    try {
      // The host's 'phone' event carries the new state to every window; this one shows the answer at
      // once, so the next press (the side key right after "Power Off") meets the phone as it now is.
      phone.received(await action(phoneId));
      return true;
    } catch (error) {
      this.error = errorText(error);
      return false;
    }
  }

  set(patch: PhoneStatePatch): Promise<boolean> {
    return this.#run((phoneId) => this.api.setPhoneState({ phoneId, patch }));
  }

  powerOff(): Promise<boolean> {
    return this.set({ poweredOn: false });
  }

  /**
   * "Restart", and switching a phone back on after "Power off": either way the phone starts afresh,
   * which clears what a restart clears (a stuck SMS, an unstable connection), instantly in the simulation.
   */
  async restart(): Promise<boolean> {
    const ok = await this.#run((phoneId) => this.api.restartPhone({ phoneId }));
    if (ok) this.phone().lock();
    return ok;
  }

  /** Android: Settings → Apps → the app → Uninstall → OK. IB Key goes with the app (a reinstall must reactivate it). */
  uninstallApp(): Promise<boolean> {
    return this.#run((phoneId) => this.api.uninstallApp({ phoneId }));
  }

  /** App info's Open: the app on its first screen. */
  openApp(): void {
    this.phone().openApp();
  }

  /** Android: Settings → the app → Storage → Clear data → OK. IB Key is forgotten with the app's data. */
  clearAppData(): Promise<boolean> {
    return this.#run((phoneId) => this.api.clearAppData({ phoneId }));
  }
}

/** The Settings app's pages, as a stack: Back pops one. Opening the app starts at its first page. */
export class SettingsNav {
  stack = $state<SettingsPage[]>([{ id: 'root' }]);
  readonly current = $derived(this.stack[this.stack.length - 1]!);
  readonly previous = $derived(this.stack.length > 1 ? this.stack[this.stack.length - 2]! : null);

  open(page: SettingsPage): void {
    this.stack.push(page);
  }

  back(): void {
    if (this.stack.length > 1) this.stack.pop();
  }
}
