// The desktop app's language: the remembered one applied at start, and a switch made anywhere
// (View → Language, the Director, the control API) remembered and shown in the menu.
import { LOCALES, type Locale } from '../api/vocabulary.js';
import type { Simulation } from '../sim/simulation.js';
import type { SettingsStore } from './store.js';

/**
 * The language the settings remember, as one the windows have: the settings keep a BCP 47 tag
 * (older files may hold `en-US` or a language we lack), read by its primary subtag, else English.
 */
export function rememberedLocale(settings: SettingsStore): Locale {
  const primary = settings.get('locale').split('-')[0]!.toLowerCase();
  return LOCALES.find((l) => l === primary) ?? 'en';
}

/** At start: a scenario that sets `locale` wins; otherwise the windows open in the remembered language. */
export function applyRememberedLocale(sim: Simulation, settings: SettingsStore): void {
  if (sim.scenario.locale) return;
  const remembered = rememberedLocale(settings);
  if (sim.getWorld().locale !== remembered) sim.setLocale({ locale: remembered });
}

/**
 * Follows the windows' language: a switch (the `locale.changed` journal entry, from whichever
 * window or route) is remembered for the next start; any change, a scenario's `locale` included, is
 * handed to `shown` (the menu's radio items). A scenario's own language is not remembered: the next
 * file opened without one keeps the trainer's choice.
 */
export function followLocale(sim: Simulation, settings: SettingsStore, shown: (locale: Locale) => void): () => void {
  let current = sim.getWorld().locale;
  return sim.on((event) => {
    if (event.type === 'journal' && event.entry.type === 'locale.changed') settings.set('locale', event.entry.locale);
    if (event.type === 'world' && event.world.locale !== current) {
      current = event.world.locale;
      shown(current);
    }
  });
}
