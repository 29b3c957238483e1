// The DSC+ fob on screen: its display (from the simulation) and the digits typed on its keypad before OK.
import type { FobView } from '../../main/api/views';
import { CHALLENGE_DIGITS, FOB_PIN_DIGITS } from '../../main/api/vocabulary';
import type { Client } from './client';
import { DeviceState } from './device.svelte';

/** How long "press" is held to switch the fob on: a physical gesture, so real time (the manual says about two seconds). */
export const HOLD_MS = 1_000;

export class FobState extends DeviceState<FobView> {
  /** Digits typed since the last prompt; the fob sends them on OK. */
  typed = $state('');
  busy = $state(false);

  /** The LCD's text: the prompt, the PIN masked as the device does, the challenge echoed, or the response. */
  readonly display = $derived.by(() => {
    const view = this.view;
    if (!view) return '';
    if (view.state === 'pin') return `${view.display}${'*'.repeat(this.typed.length)}`;
    if (view.state === 'challenge') return `${view.display}${this.typed}`;
    return view.display;
  });
  /** Wrong PINs so far, shown on the LCD while it asks for the PIN again. */
  readonly failures = $derived(this.view?.state === 'pin' ? this.view.wrongPins : 0);

  constructor(api: Client) {
    super(api, 'dscplus', (serial) => api.getFob({ serial }));
  }

  override connect(): () => void {
    const offDevice = super.connect();
    // The fob switches itself off on the virtual clock: the simulation says so.
    const offFob = this.api.on('fob', ({ fob }) => {
      if (fob.serial === this.serial) this.show(fob);
    });
    return () => {
      offDevice();
      offFob();
    };
  }

  protected override show(view: FobView): void {
    const before = this.view;
    if (!before || before.state !== view.state || before.display !== view.display || before.wrongPins !== view.wrongPins) this.typed = '';
    super.show(view);
  }

  async #run(action: (serial: string) => Promise<FobView>): Promise<void> {
    const serial = this.serial;
    if (!serial || this.busy) return;
    this.busy = true;
    try {
      const view = await action(serial);
      if (this.serial === serial) this.show(view);
    } catch {
      // The fob left the scenario meanwhile: the world event shows what is there now.
    } finally {
      this.busy = false;
    }
  }

  /** The "press" button, held long enough. */
  press(): Promise<void> {
    return this.#run((serial) => this.api.fobPress({ serial }));
  }

  /** A digit key: kept until OK, as far as the prompt takes (4 for the PIN, 6 for the challenge). */
  key(digit: string): void {
    const state = this.view?.state;
    const max = state === 'pin' ? FOB_PIN_DIGITS : state === 'challenge' ? CHALLENGE_DIGITS : 0;
    if (/^\d$/.test(digit) && this.typed.length < max) this.typed += digit;
  }

  back(): void {
    this.typed = this.typed.slice(0, -1);
  }

  ok(): Promise<void> {
    const state = this.view?.state;
    if (state !== 'pin' && state !== 'challenge') return Promise.resolve();
    const digits = this.typed;
    return this.#run((serial) => this.api.fobEnter({ serial, digits }));
  }
}
