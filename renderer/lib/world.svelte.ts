// The scenario as the windows need it: branding, and the phones and users it holds.
import type { Branding, PhoneSummary, WorldView } from '../../main/api/views';
import { DEFAULT_BRANDING } from '../../main/api/vocabulary';
import type { Client } from './client';

export class WorldState {
  view = $state.raw<WorldView | null>(null);
  readonly branding: Branding = $derived(this.view?.scenario.branding ?? DEFAULT_BRANDING);
  readonly phones: PhoneSummary[] = $derived(this.view?.phones ?? []);

  constructor(private readonly api: Client) {}

  connect(): () => void {
    return this.api.on('world', ({ world }) => (this.view = world));
  }

  async load(): Promise<void> {
    this.view = await this.api.getWorld({});
  }
}
