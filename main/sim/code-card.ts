// The Security Code Card: a printed grid of index numbers, each with a 3-character value.
import type { CodeCardView } from '../api/views.js';
import { createRandom } from './random.js';

/** Letters and digits that cannot be misread on paper (no 0/O, 1/I/L). */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CARD_SIZE = 224;

export class CodeCard {
  readonly entries: { index: number; value: string }[];

  constructor(
    readonly serial: string,
    readonly owner: string,
    seed: string,
  ) {
    // Its own random stream: the card stays the same whatever else the scenario does.
    const random = createRandom(`${seed}:card:${serial}`);
    this.entries = Array.from({ length: CARD_SIZE }, (_, i) => ({ index: i + 1, value: random.chars(3, ALPHABET) }));
  }

  value(index: number): string {
    return this.entries[index - 1]!.value;
  }

  view(): CodeCardView {
    return { serial: this.serial, owner: this.owner, entries: this.entries.map((e) => ({ ...e })) };
  }
}
