// A message with markup inside it (a timer, a masked number that must not break at its hyphens): the
// text around each such value, so a template wraps the value in an element of its own, in any language.
import type { MessageId } from '../i18n/keys';
import { t, type MessageValues } from './i18n.svelte';

/** A piece of a formatted message: text, or the value of one of the placeholders asked for. */
export type MessagePart = string | { slot: string; value: string };

// Private-use characters: no catalogue or value contains them, so they mark the slots unambiguously.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const MARK = new RegExp(`${OPEN}(\\d+)${CLOSE}`);

/** The message `id` in the current language, cut at the placeholders named in `slots`. */
export function messageParts(id: MessageId, values: MessageValues, slots: readonly string[]): MessagePart[] {
  const marked: MessageValues = { ...values };
  slots.forEach((slot, i) => (marked[slot] = `${OPEN}${i}${CLOSE}`));
  const pieces = t(id, marked).split(MARK);
  const parts: MessagePart[] = [];
  pieces.forEach((piece, i) => {
    if (i % 2 === 0) {
      if (piece) parts.push(piece);
    } else {
      const slot = slots[Number(piece)]!;
      parts.push({ slot, value: String(values[slot] ?? '') });
    }
  });
  return parts;
}
