// The windows' words for what the simulated server says: each message code's catalogue entry
// (renderer/i18n/<locale>/messages.json) and its values. A typed record over every code, so a code
// without its words, or words naming a key no catalogue has, fails to compile. The server's text is
// never parsed: it sends codes.
import type { Message, MessageCode, MessageParams } from '../../main/api/messages';
import type { MessageId } from '../i18n/keys';
import { language, t, type MessageValues } from './i18n.svelte';
import { messageParts } from './message-parts';
import { countdown } from './time';

/** A piece of a message: text, or a masked phone number (shown so it does not break at its hyphens). */
type Segment = string | { number: string };
/** Which catalogue entry words a message, and the values of its placeholders. */
interface Words {
  id: MessageId;
  values?: MessageValues;
}
type Wording = { [C in MessageCode]: (params: MessageParams[C]) => Words };

/** Why "Add a phone" was refused, one sentence each. */
const ADD_PHONE_WORDS = {
  unknown_user: 'messages.add_phone_unknown_user',
  duplicate_id: 'messages.add_phone_duplicate_id',
  bad_model: 'messages.add_phone_bad_model',
  too_many_phones: 'messages.add_phone_too_many',
} as const satisfies Record<MessageParams['add_phone_refused']['reason'], MessageId>;

/** The countdown inside a message, in the windows' locale. */
const wait = (waitMs: number) => countdown(waitMs, language.tag);

const wording: Wording = {
  invalid_credentials: () => ({ id: 'messages.invalid_credentials' }),
  login_failed: () => ({ id: 'messages.login_failed' }),
  resend_wait: ({ waitMs }) => ({ id: 'messages.resend_wait', values: { wait: wait(waitMs) } }),
  code_sent_sms: ({ number }) => ({ id: 'messages.code_sent_sms', values: { number } }),
  code_sent_voice: ({ number }) => ({ id: 'messages.code_sent_voice', values: { number } }),
  code_sent_before: ({ number, waitMs }) => ({ id: 'messages.code_sent_before', values: { number, wait: wait(waitMs) } }),
  push_sent: ({ model }) => ({ id: 'messages.push_sent', values: { model } }),
  push_expired: ({ app }) => ({ id: 'messages.push_expired', values: { app } }),
  challenge_ibkey: ({ app }) => ({ id: 'messages.challenge_ibkey', values: { app } }),
  challenge_dscplus: () => ({ id: 'messages.challenge_dscplus' }),
  challenge_codecard: () => ({ id: 'messages.challenge_codecard' }),
  temporary_passcode: ({ validForMs }) => ({ id: 'messages.temporary_passcode', values: { days: Math.round(validForMs / 86_400_000) } }),
  // The regulator's rule, in the help article's words, one entry per region.
  enrolment_required: ({ region }) => ({ id: region === 'HK' ? 'messages.enrolment_required_hk' : 'messages.enrolment_required_in' }),
  enrolment_offered: ({ app }) => ({ id: 'messages.enrolment_offered', values: { app } }),
  confirm_code_sent: ({ number }) => ({ id: 'messages.confirm_code_sent', values: { number } }),
  confirm_code_wrong: () => ({ id: 'messages.confirm_code_wrong' }),
  enrolment_stopped: () => ({ id: 'messages.enrolment_stopped' }),
  number_verified: ({ number }) => ({ id: 'messages.number_verified', values: { number } }),
  sms_verified: ({ number }) => ({ id: 'messages.sms_verified', values: { number } }),
  session_timed_out: () => ({ id: 'messages.session_timed_out' }),
  session_disconnected: () => ({ id: 'messages.session_disconnected' }),
  portal_code_sent: ({ number }) => ({ id: 'messages.portal_code_sent', values: { number } }),
  portal_code_refused: ({ reason }) => ({ id: 'messages.portal_code_refused', values: { reason } }),
  portal_code_stopped: () => ({ id: 'messages.portal_code_stopped' }),
  portal_number_confirmed: ({ number }) => ({ id: 'messages.portal_number_confirmed', values: { number } }),
  portal_number_verified: ({ number, autoEnrol }) => ({ id: autoEnrol ? 'messages.portal_number_verified_enrol' : 'messages.portal_number_verified', values: { number } }),
  portal_seamless_saved: ({ enabled }) => ({ id: enabled ? 'messages.portal_seamless_on' : 'messages.portal_seamless_off' }),
  // The regulator's rule, cited in full, one entry per region (the same words as the enrolment notice).
  opt_out_refused: ({ region }) => ({ id: region === 'HK' ? 'messages.opt_out_refused_hk' : 'messages.opt_out_refused_in' }),
  opted_out: () => ({ id: 'messages.opted_out' }),
  seamless_off_challenge: ({ app }) => ({ id: 'messages.seamless_off_challenge', values: { app } }),
  approval_expired_use_challenge: () => ({ id: 'messages.approval_expired_use_challenge' }),
  approval_expired: () => ({ id: 'messages.approval_expired' }),
  approval_not_pending: () => ({ id: 'messages.approval_not_pending' }),
  approval_not_delivered: () => ({ id: 'messages.approval_not_delivered' }),
  login_approved: () => ({ id: 'messages.login_approved' }),
  wrong_pin: () => ({ id: 'messages.wrong_pin' }),
  pin_form: () => ({ id: 'messages.pin_form' }),
  ibkey_locked: () => ({ id: 'messages.ibkey_locked' }),
  ibkey_not_active: () => ({ id: 'messages.ibkey_not_active' }),
  authentication_not_completed: () => ({ id: 'messages.authentication_not_completed' }),
  jailbroken: () => ({ id: 'messages.jailbroken' }),
  bad_challenge: () => ({ id: 'messages.bad_challenge' }),
  response_ready: () => ({ id: 'messages.response_ready' }),
  ibkey_migrated: () => ({ id: 'messages.ibkey_migrated' }),
  activation_token_sent: ({ number }) => ({ id: 'messages.activation_token_sent', values: { number } }),
  activation_challenge_dscplus: ({ serial }) => ({ id: 'messages.activation_challenge_dscplus', values: { serial } }),
  activation_token_wrong: () => ({ id: 'messages.activation_token_wrong' }),
  activation_token_expired: () => ({ id: 'messages.activation_token_expired' }),
  activation_token_used: () => ({ id: 'messages.activation_token_used' }),
  activation_stopped: () => ({ id: 'messages.activation_stopped' }),
  activation_no_number: () => ({ id: 'messages.activation_no_number' }),
  activation_other_phone: ({ model }) => ({ id: 'messages.activation_other_phone', values: { model } }),
  activation_nothing_to_migrate: () => ({ id: 'messages.activation_nothing_to_migrate' }),
  activation_already_active: () => ({ id: 'messages.activation_already_active' }),
  // One entry per rule of the migration article, so each break is explained in its terms.
  pin_rule: ({ problem }) => ({ id: `messages.pin_rule_${problem}` }),
  pin_mismatch: () => ({ id: 'messages.pin_mismatch' }),
  app_not_installed: () => ({ id: 'messages.app_not_installed' }),
  add_phone_refused: ({ reason, owner, phoneId, model, platform, max }) => ({
    id: ADD_PHONE_WORDS[reason],
    values: { owner, phoneId, model, platform: platform === 'ios' ? 'iOS' : 'Android', max },
  }),
};

/** The catalogue entry and values that word `m` (the tests check every entry is some code's). */
export function wordsOf(m: Message): Words {
  return (wording[m.code] as (params: Message['params']) => Words)(m.params);
}

/** The message in pieces, in the windows' language, for a window that shows masked numbers apart. */
export function messageSegments(m: Message): Segment[] {
  const { id, values = {} } = wordsOf(m);
  if (!('number' in values)) return [t(id, values)];
  return messageParts(id, values, ['number']).map((part) => (typeof part === 'string' ? part : { number: part.value }));
}

/** The message as plain text, in the windows' language. */
export function messageText(m: Message): string {
  const { id, values } = wordsOf(m);
  return t(id, values);
}

/** Plain text of a message that may be absent. */
export function textOf(m: Message | null | undefined): string | null {
  return m ? messageText(m) : null;
}
