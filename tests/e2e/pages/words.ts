// The windows' words as the page objects look for them: the renderer's own catalogues (renderer/i18n), in the
// language the test asks for, so a French test finds "Réglages" without keeping a copy of it.
import { setupI18n, type I18n } from '@lingui/core';
import type { Locale } from '../../../main/api/vocabulary.js';
import type { MessageId } from '../../../renderer/i18n/keys.js';
import { loadCatalogues } from '../../../scripts/catalogues.js';

export type Words = (id: MessageId, values?: Record<string, string | number>) => string;

const { compiled, problems } = loadCatalogues();
const instances = new Map<Locale, I18n>();

/** The catalogue of `locale`, as `t()` reads it in the windows. */
export function words(locale: Locale): Words {
  if (problems.length) throw new Error(`message catalogues:\n  ${problems.join('\n  ')}`);
  let i18n = instances.get(locale);
  if (!i18n) instances.set(locale, (i18n = setupI18n({ locale, messages: { [locale]: compiled[locale] ?? {} } })));
  const bound = i18n;
  return (id, values) => bound._(id, values);
}

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
