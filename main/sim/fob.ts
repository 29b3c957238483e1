// The Digital Security Card+ fob: press until PIN>, the PIN, CHALLNG>, the challenge, the response.
import type { FobView } from '../api/views.js';
import { CHALLENGE_PATTERN, FOB_PIN_PATTERN } from '../api/vocabulary.js';
import type { Clock, TimerId } from './clock.js';
import { ibKeyResponse } from './otp/index.js';
import { sameSecret } from './oob-code.js';

/** Like the real card, it switches itself off when left alone, and a wrong PIN three times locks it. */
export const FOB_IDLE_MS = 60_000;
export const FOB_MAX_WRONG_PINS = 3;

export type FobOutcome = 'ok' | 'wrong_pin' | 'locked' | 'malformed' | 'ignored';

export class Fob {
  state: FobView['state'] = 'off';
  display = '';
  wrongPins = 0;
  #offTimer: TimerId | null = null;
  #offAt: number | null = null;

  constructor(
    readonly serial: string,
    readonly owner: string,
    readonly key: Buffer,
    private readonly pin: string,
    private readonly clock: Clock,
    private readonly changed: (fob: Fob) => void,
  ) {}

  press(): void {
    if (this.state === 'locked') return;
    this.state = 'pin';
    this.display = 'PIN>';
    this.#keepAwake();
  }

  enter(digits: string): FobOutcome {
    if (this.state === 'off' || this.state === 'locked' || this.state === 'response') return 'ignored';
    this.#keepAwake();
    if (this.state === 'pin') {
      if (!FOB_PIN_PATTERN.test(digits)) return 'malformed';
      if (!sameSecret(this.pin, digits)) {
        this.wrongPins++;
        if (this.wrongPins >= FOB_MAX_WRONG_PINS) {
          this.#setOff();
          this.state = 'locked';
          this.display = 'LOCKED';
          return 'locked';
        }
        this.display = 'PIN>';
        return 'wrong_pin';
      }
      this.wrongPins = 0;
      this.state = 'challenge';
      this.display = 'CHALLNG>';
      return 'ok';
    }
    if (!CHALLENGE_PATTERN.test(digits)) return 'malformed';
    this.state = 'response';
    // The PIN is part of the response (OCRA's P field), as IB Key's is.
    this.display = ibKeyResponse({ key: this.key, pin: this.pin, challenge: digits });
    return 'ok';
  }

  /** A saved world's count of wrong PINs (the device's `wrongPins`): at the limit the card is locked. */
  restore(wrongPins: number): void {
    this.wrongPins = wrongPins;
    if (wrongPins >= FOB_MAX_WRONG_PINS) {
      this.state = 'locked';
      this.display = 'LOCKED';
    }
  }

  /** The director's reset: unlocks and switches off. */
  reset(): void {
    this.wrongPins = 0;
    this.#setOff();
  }

  view(): FobView {
    return { serial: this.serial, owner: this.owner, state: this.state, display: this.display, wrongPins: this.wrongPins, offAt: this.#offAt };
  }

  #keepAwake(): void {
    if (this.#offTimer !== null) this.clock.cancel(this.#offTimer);
    this.#offAt = this.clock.now() + FOB_IDLE_MS;
    this.#offTimer = this.clock.at(this.#offAt, () => {
      this.#setOff();
      this.changed(this);
    });
  }

  #setOff(): void {
    if (this.#offTimer !== null) this.clock.cancel(this.#offTimer);
    this.#offTimer = null;
    this.#offAt = null;
    this.state = 'off';
    this.display = '';
  }
}
