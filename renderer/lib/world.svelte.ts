// The scenario as the windows need it: branding, and the phones and users it holds.
import type { Branding, PhoneSummary, WorldView } from '../../main/api/views';
import type { Client } from './client';

const defaultBranding: Branding = { company: 'IBKR', product: 'Trader Workstation', mobileApp: 'IBKR Mobile', smsSender: 'IBKR' };

export class WorldState {
  view = $state.raw<WorldView | null>(null);
  readonly branding: Branding = $derived(this.view?.scenario.branding ?? defaultBranding);
  readonly phones: PhoneSummary[] = $derived(this.view?.phones ?? []);

  constructor(private readonly api: Client) {}

  connect(): () => void {
    return this.api.on('world', ({ world }) => (this.view = world));
  }

  async load(): Promise<void> {
    this.view = await this.api.getWorld({});
  }
}
