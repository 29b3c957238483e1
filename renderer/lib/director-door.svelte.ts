// The Director's door in a window: its toggle and a file dragged over the window are here from the
// first load; the Director's state (scenario, people, pending, faults, journal) is a chunk fetched the
// first time the Director opens or a scenario file is dropped, so the stage starts small.
import type { Client } from './client';
import type { ClockState } from './clock.svelte';
import type { DirectorFrame, DirectorState } from './director.svelte';
import { withLater } from './later';

export class DirectorDoor implements DirectorFrame {
  open = $state(false);
  dragging = $state(false);
  /** The Director's state, once loaded. */
  state = $state.raw<DirectorState | null>(null);
  #loading: Promise<DirectorState> | null = null;

  constructor(
    private readonly api: Client,
    private readonly clock: ClockState,
  ) {}

  load(): Promise<DirectorState> {
    this.#loading ??= withLater(() => import('./director.svelte')).then(({ DirectorState }) => (this.state = new DirectorState(this.api, this.clock, this)));
    return this.#loading;
  }

  /** A scenario file dropped on the window: the Director opens and loads it. */
  async drop(file: File, open: boolean): Promise<void> {
    if (open) this.open = true;
    await (await this.load()).loadFile(file);
  }
}
