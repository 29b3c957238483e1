// The windows' language: the active locale, `t()` for a message in it, and the switch. Each locale's
// catalogue comes in two parts (scripts/first-load.ts): the messages the first load's modules
// use, and the rest, which the lazy parts of the UI use. English's first part ships with the first
// load; its later part is fetched with the first lazy part shown, which waits for it (later.ts); another locale's parts are fetched when it is chosen. Reading `t()` in a template
// subscribes it to the locale, so a switch re-renders every window at once and touches no other
// state (a login in progress stays where it is). App.svelte sets <html lang>.
import { i18n, type Messages } from '@lingui/core';
import englishFirst from 'virtual:catalogue/en/first';
import { LOCALE_TAGS, type Locale } from '../../main/api/vocabulary';
import type { MessageId } from '../i18n/keys';

/** What a message's placeholders take. */
export type MessageValues = Record<string, string | number | Date>;

type Part = 'first' | 'later';
type Loader = () => Promise<{ default: Messages }>;

const parts: Record<Locale, Record<Part, Loader>> = {
  en: { first: () => Promise.resolve({ default: englishFirst }), later: () => import('virtual:catalogue/en/later') },
  fr: { first: () => import('virtual:catalogue/fr/first'), later: () => import('virtual:catalogue/fr/later') },
};

class Language {
  /** The locale the windows show. */
  current = $state<Locale>('en');
  /** Its BCP 47 tag, for `Intl` formats and speech synthesis. */
  readonly tag = $derived(LOCALE_TAGS[this.current]);
}

export const language = new Language();
i18n.load('en', englishFirst);
i18n.activate('en');
// A message asked for before its part arrived is a bug of the split: said on the console, where the end-to-end tests look.
i18n.on('missing', ({ id, locale }) => console.error(`[i18n] missing message "${id}" in ${locale}`));

/** The message `id` in the current language, its placeholders filled from `values`. */
export function t(id: MessageId, values?: MessageValues): string {
  void language.current;
  return i18n._(id, values);
}

// Which parts Lingui holds or is fetching: bookkeeping, not state a window shows.
// eslint-disable-next-line svelte/prefer-svelte-reactivity
const fetched = new Map<string, Promise<void>>();

function fetchPart(locale: Locale, part: Part): Promise<void> {
  const key = `${locale}/${part}`;
  let fetching = fetched.get(key);
  if (!fetching) {
    fetching = parts[locale][part]().then(({ default: messages }) => i18n.load(locale, messages));
    // A failed fetch (the network, a host going away) is tried again the next time it is needed.
    fetching.catch(() => fetched.delete(key));
    fetched.set(key, fetching);
  }
  return fetching;
}

// Once a lazy part has shown, every locale chosen after brings its later part before it shows.
let laterWanted = false;

/** The messages the lazy parts of the UI use, in the current language (and in every language chosen from now on). */
export function laterMessages(): Promise<void> {
  laterWanted = true;
  return fetchPart(language.current, 'later');
}

let latest = 0;

/**
 * Shows the windows in `locale`, fetching its catalogue first if need be. When switches overlap,
 * the last one asked for wins, whichever catalogue arrives first.
 */
export async function useLocale(locale: Locale): Promise<void> {
  const ask = ++latest;
  await fetchPart(locale, 'first');
  // Asked again after the wait: a lazy part may have shown in the meantime.
  if (laterWanted) await fetchPart(locale, 'later');
  if (ask !== latest) return;
  i18n.activate(locale);
  language.current = locale;
}
