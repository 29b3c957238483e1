// The scenario as the windows need it: branding, and the phones and users it holds.
import type { Branding, PhoneSummary, WorldView } from '../../main/api/views';
import { DEFAULT_BRANDING, type Locale } from '../../main/api/vocabulary';
import type { Client } from './client';

export class WorldState {
  view = $state.raw<WorldView | null>(null);
  readonly branding: Branding = $derived(this.view?.scenario.branding ?? DEFAULT_BRANDING);
  readonly phones: PhoneSummary[] = $derived(this.view?.phones ?? []);
  /** The windows' language, which every window follows (App.svelte). */
  readonly locale: Locale = $derived(this.view?.locale ?? 'en');
  /** The login window offers "Read-Only Login" (the scenario's readOnlyLogin). */
  readonly readOnlyLogin: boolean = $derived(this.view?.scenario.readOnlyLogin ?? false);

  constructor(private readonly api: Client) {}

  connect(): () => void {
    return this.api.on('world', ({ world }) => (this.view = world));
  }

  async load(): Promise<void> {
    this.view = await this.api.getWorld({});
  }

  /** The stage's language switch: the host tells every window (a `world` event); a refusal leaves the language as it was. */
  async setLocale(locale: Locale): Promise<void> {
    try {
      this.view = await this.api.setLocale({ locale });
    } catch {
      // Nothing changed: the switch still shows the world's language.
    }
  }
}
