// The windows' words in a language, formatted from the very catalogues the renderer is built from
// (renderer/i18n), so a page object finds the French accessible names without a copy of them.
import { setupI18n } from '@lingui/core';
import { loadCatalogues } from '../../../scripts/catalogues.js';
import type { MessageId } from '../../../renderer/i18n/keys.js';
import type { Locale } from '../../../main/api/vocabulary.js';

/** A message of the windows, its placeholders filled. */
export type Words = (id: MessageId, values?: Record<string, string | number>) => string;

const catalogues = loadCatalogues();
if (catalogues.problems.length) throw new Error(`message catalogues:\n  ${catalogues.problems.join('\n  ')}`);

export function wordsFor(locale: Locale): Words {
  const i18n = setupI18n({ locale, messages: { [locale]: catalogues.compiled[locale] ?? {} } });
  return (id, values) => i18n._(id, values);
}

/** The text of a message up to its first placeholder (a notice is found by its words, not by the number in it). */
export function opening(words: Words, id: MessageId, placeholder: string): string {
  const mark = '\u0000';
  return words(id, { [placeholder]: mark }).split(mark)[0]!.trim();
}
