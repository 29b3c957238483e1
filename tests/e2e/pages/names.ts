// Accessible names as patterns, for the page objects: one of several words ("Réglages" | "Paramètres"), a prefix.
import type { MessageId } from '../../../renderer/i18n/keys.js';
import type { Words } from '../../../scripts/catalogue-words.js';

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A pattern matching one of `texts` exactly (for names that differ by platform: "Réglages" | "Paramètres"). */
export function exactly(...texts: string[]): RegExp {
  return new RegExp(`^(${texts.map(literal).join('|')})$`);
}

/** A pattern matching a name that starts with one of `texts`. */
export function startingWith(...texts: string[]): RegExp {
  return new RegExp(`^(${texts.map(literal).join('|')})`);
}

/** What a message says before its first placeholder: "Incoming call from " of "Incoming call from {caller}". */
export function before(t: Words, id: MessageId, placeholder: string): string {
  const mark = '\u0000';
  return t(id, { [placeholder]: mark }).split(mark)[0] ?? '';
}
