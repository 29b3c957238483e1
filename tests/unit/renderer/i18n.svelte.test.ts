// The windows' language: t() follows the switch, French is fetched when first chosen, and
// overlapping switches end on the last one asked for.
import { afterEach, describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { language, t, useLocale } from '../../../renderer/lib/i18n.svelte';

describe('the windows’ language', () => {
  afterEach(async () => {
    await useLocale('en');
  });

  it('starts in English and switches to French and back', async () => {
    expect(language.current).toBe('en');
    expect(t('stage.language')).toBe('Language');
    await useLocale('fr');
    expect(language.current).toBe('fr');
    expect(language.tag).toBe('fr-FR');
    expect(t('stage.language')).toBe('Langue');
    await useLocale('en');
    expect(t('stage.language')).toBe('Language');
  });

  it('re-runs what reads t() when the language changes', async () => {
    const seen: string[] = [];
    const stop = $effect.root(() => {
      $effect(() => {
        seen.push(t('stage.language'));
      });
    });
    flushSync();
    await useLocale('fr');
    flushSync();
    stop();
    expect(seen).toEqual(['Language', 'Langue']);
  });

  it('ends on the last locale asked for when switches overlap', async () => {
    const first = useLocale('fr');
    const second = useLocale('en');
    await Promise.all([first, second]);
    expect(language.current).toBe('en');
    expect(t('stage.language')).toBe('Language');
  });
});
