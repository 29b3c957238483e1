// The words the simulated world itself sends (text messages, the automated call, the push
// notification), in the account holder's language, whatever language the windows show. The windows'
// own words are the renderer's catalogue; these are not the server talking to a window but what
// lands on the simulated phone. The texts are main/sim/text/<locale>.json, compiled ahead by
// scripts/world-text.ts; Lingui formats them, an instance of its own per locale (never the global
// one, which belongs to nobody here), so a French SMS and an English one can be written in one step.
import { setupI18n, type I18n } from '@lingui/core';
import { LOCALE_TAGS, LOCALES, type Locale } from '../api/vocabulary.js';
import type { Scenario } from './scenario/schema.js';
import { worldTextCatalogues, type WorldTextId } from './text/compiled.js';

const instances = Object.fromEntries(
  LOCALES.map((locale) => [locale, setupI18n({ locale, locales: [LOCALE_TAGS[locale]], messages: { [locale]: worldTextCatalogues[locale] } })]),
) as Record<Locale, I18n>;

/** The text `id` in `locale`, its placeholders filled from `values`. */
function say(locale: Locale, id: WorldTextId, values: Record<string, string | number> = {}): string {
  return instances[locale]._(id, values);
}

const minutes = (ms: number) => Math.round(ms / 60_000);

/** A text to be spoken, and the BCP 47 tag of the voice that speaks it (`fr-FR`). */
export interface SpokenText {
  text: string;
  tag: string;
}

export function securityCodeSms(scenario: Scenario, language: Locale, code: string): string {
  return say(language, 'sms.securityCode', { company: scenario.branding.company, code, minutes: minutes(scenario.timing.codeLifetime) });
}

export function confirmationSms(scenario: Scenario, language: Locale, code: string): string {
  return say(language, 'sms.confirmationCode', { company: scenario.branding.company, code, minutes: minutes(scenario.timing.codeLifetime) });
}

/** The Activation Token of IB Key's activation, migration or reactivation (migration article, step 5). */
export function activationSms(scenario: Scenario, language: Locale, code: string): string {
  return say(language, 'sms.activationToken', { company: scenario.branding.company, code, minutes: minutes(scenario.timing.codeLifetime) });
}

/** "482913" → "4, 8, 2, 9, 1, 3": spoken digit by digit, as automated callers do. */
function spellDigits(code: string): string {
  return code.split('').join(', ');
}

export function voiceScript(scenario: Scenario, language: Locale, code: string): SpokenText {
  return { text: say(language, 'voice.securityCode', { company: scenario.branding.company, digits: spellDigits(code) }), tag: LOCALE_TAGS[language] };
}

export function pushNotification(scenario: Scenario, language: Locale): { title: string; body: string } {
  return { title: say(language, 'push.title'), body: say(language, 'push.body', { product: scenario.branding.product }) };
}

/** A text's words just before a placeholder in each language, from the compiled texts ("Your confirmation code is"). */
function leadIns(id: WorldTextId, placeholder: string): string[] {
  return LOCALES.flatMap((locale) => {
    const message = worldTextCatalogues[locale][id];
    if (!Array.isArray(message)) return [];
    const at = message.findIndex((part) => Array.isArray(part) && part[0] === placeholder);
    const before = message[at - 1];
    // The last clause before the code: "Your confirmation code is", not the company and its colon.
    const words = typeof before === 'string' ? before.split(/[.:]\s/).at(-1)?.trim() : undefined;
    return words ? [words] : [];
  });
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const confirmationCode = new RegExp(`(?:${leadIns('sms.confirmationCode', 'code').map(escape).join('|')})\\s+(\\d{6})\\b`, 'i');

const activationToken = new RegExp(`(?:${leadIns('sms.activationToken', 'code').map(escape).join('|')})\\s+(\\d{6})\\b`, 'i');

/** The Activation Token of an SMS, in whichever language it was written; undefined for any other message. */
export function activationTokenIn(text: string): string | undefined {
  return activationToken.exec(text)?.[1];
}

/** The code of a confirmation SMS, in whichever language it was written, as its reader finds it; undefined for any other message. */
export function confirmationCodeIn(text: string): string | undefined {
  return confirmationCode.exec(text)?.[1];
}
