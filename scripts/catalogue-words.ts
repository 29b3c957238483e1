// The windows' words for what drives them from outside (the e2e page objects, the screenshot shots): the
// renderer's own catalogues (renderer/i18n), in the language asked for, so a French test finds "Réglages"
// without keeping a copy of it.
import { setupI18n, type I18n } from '@lingui/core';
import type { Locale } from '../main/api/vocabulary.js';
import type { MessageId } from '../renderer/i18n/keys.js';
import { loadCatalogues } from './catalogues.js';

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
