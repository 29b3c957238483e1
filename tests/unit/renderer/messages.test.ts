// The windows' words for the server's message codes: every code has its catalogue entry and every entry
// is some code's; each language words them, masked numbers kept apart; a switch changes the words.
import { afterEach, describe, expect, it } from 'vitest';
import type { Message, MessageCode, MessageParams } from '../../../main/api/messages.js';
import { message } from '../../../main/api/messages.js';
import { messageSegments, messageText, textOf, wordsOf } from '../../../renderer/lib/messages.js';
import { useLocale } from '../../../renderer/lib/i18n.svelte.js';
import { loadCatalogues } from '../../../scripts/catalogues.js';

// Every code with the parameters it can carry (a typed record: a new code without a case does not compile).
const samples: { [C in MessageCode]: MessageParams[C][] } = {
  invalid_credentials: [{}],
  login_failed: [{}],
  resend_wait: [{ waitMs: 95_000 }],
  code_sent_sms: [{ number: '+852-XXXX-4567' }],
  code_sent_voice: [{ number: '+852-XXXX-4567' }],
  code_sent_before: [{ number: '+852-XXXX-4567', waitMs: 61_000 }],
  push_sent: [{ model: 'iPhone 15' }],
  push_expired: [{ app: 'IBKR Mobile' }],
  challenge_ibkey: [{ app: 'IBKR Mobile' }],
  challenge_dscplus: [{}],
  challenge_codecard: [{}],
  temporary_passcode: [{ validForMs: 86_400_000 }, { validForMs: 3 * 86_400_000 }],
  enrolment_required: [{ region: 'HK' }, { region: 'IN' }],
  enrolment_offered: [{ app: 'IBKR Mobile' }],
  confirm_code_sent: [{ number: '+852-XXXX-4567' }],
  confirm_code_wrong: [{}],
  enrolment_stopped: [{}],
  number_verified: [{ number: '+852-XXXX-4567' }],
  sms_verified: [{ number: '+852-XXXX-4567' }],
  session_timed_out: [{}],
  session_disconnected: [{}],
  portal_code_sent: [{ number: '+1-XXX-XXX-0142' }],
  portal_code_refused: [{ reason: 'wrong' }, { reason: 'expired' }, { reason: 'replaced' }, { reason: 'used' }, { reason: 'none_issued' }],
  portal_code_stopped: [{}],
  portal_number_confirmed: [{ number: '+1-XXX-XXX-0142' }],
  portal_number_verified: [{ number: '+1-XXX-XXX-0142', autoEnrol: true }, { number: '+1-XXX-XXX-0142', autoEnrol: false }],
  portal_seamless_saved: [{ enabled: true }, { enabled: false }],
  opt_out_refused: [{ region: 'HK' }, { region: 'IN' }],
  opted_out: [{}],
  seamless_off_challenge: [{ app: 'IBKR Mobile' }],
  approval_expired_use_challenge: [{}],
  approval_expired: [{}],
  approval_not_pending: [{}],
  approval_not_delivered: [{}],
  login_approved: [{}],
  wrong_pin: [{}],
  pin_form: [{}],
  ibkey_locked: [{}],
  ibkey_not_active: [{}],
  authentication_not_completed: [{}],
  jailbroken: [{}],
  bad_challenge: [{}],
  response_ready: [{}],
  ibkey_migrated: [{}],
  activation_token_sent: [{ number: '***-***-0142' }],
  activation_challenge_dscplus: [{ serial: 'SNA-52903318' }],
  activation_token_wrong: [{}],
  activation_token_expired: [{}],
  activation_token_used: [{}],
  activation_stopped: [{}],
  activation_no_number: [{}],
  activation_other_phone: [{ model: 'iPhone 15' }],
  activation_nothing_to_migrate: [{}],
  activation_already_active: [{}],
  pin_rule: [{ problem: 'too_short' }, { problem: 'too_long' }, { problem: 'not_alphanumeric' }, { problem: 'no_number' }],
  pin_mismatch: [{}],
  app_not_installed: [{}],
  add_phone_refused: (['unknown_user', 'duplicate_id', 'bad_model', 'too_many_phones'] as const).map((reason) => ({ reason, owner: 'nobody', phoneId: 'ios-phone', model: 'iPhone 99', platform: 'ios' as const, max: 100 })),
};
const all = (Object.entries(samples) as [MessageCode, object[]][]).flatMap(([code, params]) => params.map((p) => ({ code, params: p }) as Message));

describe('the server messages’ words', () => {
  afterEach(async () => {
    await useLocale('en');
  });

  it('word every code from its own entry of messages.json, and every entry is some code’s', () => {
    const { sources } = loadCatalogues();
    const entries = Object.keys(sources.en ?? {}).filter((key) => key.startsWith('messages.'));
    const used = new Set(all.map((m) => wordsOf(m).id));
    expect([...used].sort()).toEqual(entries.sort());
  });

  it('give each message in English, with every placeholder filled', () => {
    for (const m of all) expect(messageText(m)).not.toMatch(/[{}]/);
    expect(messageText(message('code_sent_sms', { number: '+852-XXXX-4567' }))).toBe('A security code has been sent to your mobile phone +852-XXXX-4567.');
    expect(messageText(message('resend_wait', { waitMs: 95_000 }))).toBe('A new code can be requested in 1:35');
    expect(messageText(message('temporary_passcode', { validForMs: 86_400_000 }))).toContain('It is valid for 1 day from its issue.');
    expect(messageText(message('temporary_passcode', { validForMs: 3 * 86_400_000 }))).toContain('It is valid for 3 days from its issue.');
    expect(messageText(message('enrolment_required', { region: 'IN' }))).toContain('National Stock Exchange of India');
    expect(textOf(null)).toBeNull();
  });

  it('give each message in French once French is chosen, every one different from the English', async () => {
    const english = all.map(messageText);
    await useLocale('fr');
    const french = all.map(messageText);
    for (const [i, text] of french.entries()) {
      expect(text).not.toMatch(/[{}]/);
      expect(text, all[i]!.code).not.toBe(english[i]);
    }
    expect(messageText(message('code_sent_sms', { number: '+852-XXXX-4567' }))).toBe('Un code de sécurité a été envoyé sur votre téléphone portable +852-XXXX-4567.');
    expect(messageText(message('invalid_credentials'))).toBe("Combinaison nom d'utilisateur et mot de passe non valide");
    expect(messageText(message('temporary_passcode', { validForMs: 86_400_000 }))).toContain('Il est valable 1 jour à compter de son émission.');
    expect(messageText(message('temporary_passcode', { validForMs: 3 * 86_400_000 }))).toContain('Il est valable 3 jours à compter de son émission.');
  });

  it('keep the masked number apart, wherever the language puts it', async () => {
    const m = message('code_sent_before', { number: '+852-XXXX-4567', waitMs: 61_000 });
    expect(messageSegments(m)).toEqual([
      'A security code was sent to your mobile phone ',
      { number: '+852-XXXX-4567' },
      '. A new code can be requested in 1:01.',
    ]);
    expect(messageSegments(message('sms_verified', { number: '+852-XXXX-4567' }))).toEqual(['Text messages to ', { number: '+852-XXXX-4567' }, ' are now your second factor.']);
    await useLocale('fr');
    expect(messageSegments(message('sms_verified', { number: '+852-XXXX-4567' }))).toEqual([
      'Les SMS envoyés au ',
      { number: '+852-XXXX-4567' },
      ' sont désormais votre second facteur.',
    ]);
    expect(messageSegments(message('login_failed'))).toEqual(['Échec de la connexion']);
  });
});
