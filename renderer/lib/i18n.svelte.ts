// The windows' language: the active locale, `t()` for a message in it, and the switch. English ships
// with the first load; another locale's catalogue is fetched the first time it is chosen. Reading
// `t()` in a template subscribes it to the locale, so a switch re-renders every window at once and
// touches no other state (a login in progress stays where it is). App.svelte sets <html lang>.
import { i18n, type Messages } from '@lingui/core';
import english from 'virtual:catalogue/en';
import { LOCALE_TAGS, type Locale } from '../../main/api/vocabulary';
import type { MessageId } from '../i18n/keys';

/** What a message's placeholders take. */
export type MessageValues = Record<string, string | number | Date>;

const loaders: Record<Exclude<Locale, 'en'>, () => Promise<{ default: Messages }>> = {
  fr: () => import('virtual:catalogue/fr'),
};

class Language {
  /** The locale the windows show. */
  current = $state<Locale>('en');
  /** Its BCP 47 tag, for `Intl` formats and speech synthesis. */
  readonly tag = $derived(LOCALE_TAGS[this.current]);
}

export const language = new Language();
i18n.load('en', english);
i18n.activate('en');

/** The message `id` in the current language, its placeholders filled from `values`. */
export function t(id: MessageId, values?: MessageValues): string {
  void language.current;
  return i18n._(id, values);
}

// Which catalogues Lingui holds: bookkeeping, not state a window shows.
// eslint-disable-next-line svelte/prefer-svelte-reactivity
const loaded = new Set<Locale>(['en']);
let latest = 0;

/**
 * Shows the windows in `locale`, fetching its catalogue first if need be. When switches overlap,
 * the last one asked for wins, whichever catalogue arrives first.
 */
export async function useLocale(locale: Locale): Promise<void> {
  const ask = ++latest;
  if (locale !== 'en' && !loaded.has(locale)) {
    const { default: messages } = await loaders[locale]();
    i18n.load(locale, messages);
    loaded.add(locale);
  }
  if (ask !== latest) return;
  i18n.activate(locale);
  language.current = locale;
}
