// The autopilot's door on the stage: what loads with the stage is only this — its keys and
// `window.slsAutopilot` — while the player itself (autopilot.svelte.ts, its planner, captions and
// overlay) is a chunk fetched the first time a take is played, stepped or asked for. The first load
// stays small; a take starts as it always did (the keys, the Director, the recorder's handle).
import type { AutopilotHandle, AutopilotSnapshot } from '../../main/api/script-view';
import type { Autopilot } from './autopilot.svelte';
import type { AutopilotCommand } from './autopilot-keys';

/** What `snapshot()` says before the player is loaded: nothing has played. */
const UNPLAYED: AutopilotSnapshot = { status: 'idle', time: 0, step: 0, steps: 0, caption: null, article: null, error: null, cues: [] };

export class AutopilotDoor {
  /** The player, once loaded (the overlay and the Director's controls show from then on). */
  pilot = $state.raw<Autopilot | null>(null);
  #loading: Promise<Autopilot> | null = null;
  #manual = false;

  constructor(private readonly make: () => Promise<Autopilot>) {}

  /** The player, fetched the first time. */
  load(): Promise<Autopilot> {
    this.#loading ??= this.make().then((pilot) => {
      if (this.#manual) pilot.manual();
      this.pilot = pilot;
      return pilot;
    });
    return this.#loading;
  }

  /** A key's command (autopilot-keys.ts), once the player is there. */
  async command(command: AutopilotCommand): Promise<void> {
    const pilot = await this.load();
    if (command === 'toggle') await pilot.toggle();
    else if (command === 'step') await pilot.step();
    else await pilot.restart();
  }

  /** `window.slsAutopilot`: every command waits for the player; `manual` is remembered until it arrives. */
  handle(): AutopilotHandle {
    return {
      play: async () => (await this.load()).play(),
      pause: () => this.pilot?.pause(),
      step: async () => (await this.load()).step(),
      restart: async () => (await this.load()).restart(),
      advance: async (ms) => (await this.load()).advance(ms),
      manual: () => {
        this.#manual = true;
        if (this.pilot) this.pilot.manual();
        else void this.load();
      },
      snapshot: () => this.pilot?.snapshot() ?? UNPLAYED,
    };
  }
}
