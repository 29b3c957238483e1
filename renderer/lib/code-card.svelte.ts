// The Security Code Card on screen: its grid of index numbers and values, read once per card.
import type { CodeCardView } from '../../main/api/views';
import type { Client } from './client';
import { DeviceState } from './device.svelte';

export class CodeCardState extends DeviceState<CodeCardView> {
  constructor(api: Client) {
    super(api, 'codecard', (serial) => api.getCodeCard({ serial }));
  }
}
