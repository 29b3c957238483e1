// What the simulated server tells a window, as codes with parameters: the renderer's catalogue
// (renderer/lib/messages.ts) words them, so no window parses server text and another language is
// one more catalogue. Numbers and times are numbers; masked phone numbers are strings.

import type { AddPhoneRefusal, Platform } from './vocabulary.js';

/** Every message code and the parameters it carries. */
export interface MessageParams {
  /** Refused credentials, whatever the reason (no enumeration). */
  invalid_credentials: Record<string, never>;
  /** Any wrong second-factor answer, and a login that failed. */
  login_failed: Record<string, never>;
  /** A new code was asked for too soon. */
  resend_wait: { waitMs: number };
  code_sent_sms: { number: string };
  code_sent_voice: { number: string };
  /** Back on SMS within the resend interval: the code sent before still counts. */
  code_sent_before: { number: string; waitMs: number };
  push_sent: { model: string };
  push_expired: { app: string };
  challenge_ibkey: { app: string };
  challenge_dscplus: Record<string, never>;
  challenge_codecard: Record<string, never>;
  /** Validity in milliseconds from issue: the trading platform's window. */
  temporary_passcode: { validForMs: number };
  /** Hong Kong and India: the regulator's rule, in the help article's words. */
  enrolment_required: { region: 'HK' | 'IN' };
  enrolment_offered: { app: string };
  confirm_code_sent: { number: string };
  confirm_code_wrong: Record<string, never>;
  enrolment_stopped: Record<string, never>;
  number_verified: { number: string };
  sms_verified: { number: string };
  /** "Re-login is required": the logged-in session lasted the scenario's timing.sessionTimeout. */
  session_timed_out: Record<string, never>;
  /** "Re-login is required": the user chose "Continue Login" in another login, which disconnected this session. */
  session_disconnected: Record<string, never>;
  // The Client Portal's settings.
  /** VERIFY in the portal: the Confirm Code went to this number. */
  portal_code_sent: { number: string };
  /** A Confirmation Number refused, and why (wrong, expired, replaced by a newer code, used, none sent). */
  portal_code_refused: { reason: 'wrong' | 'expired' | 'replaced' | 'used' | 'none_issued' };
  /** Too many wrong Confirmation Numbers: VERIFY again for a new code. */
  portal_code_stopped: Record<string, never>;
  /** The code was accepted: the green check under "SMS Verified"; CONTINUE finalises. */
  portal_number_confirmed: { number: string };
  /** Finalised; `autoEnrol`: the user has no active SLS device and is enrolled in SMS shortly. */
  portal_number_verified: { number: string; autoEnrol: boolean };
  portal_seamless_saved: { enabled: boolean };
  /** Opting out refused: the regulator's rule, cited in full. */
  opt_out_refused: { region: 'HK' | 'IN' };
  opted_out: Record<string, never>;
  /** Seamless Authentication is off: no notification was sent, the login asks for the challenge/response at once. */
  seamless_off_challenge: { app: string };
  // The phone's app (IB Key), answering an approval or Authenticate.
  approval_expired_use_challenge: Record<string, never>;
  approval_expired: Record<string, never>;
  approval_not_pending: Record<string, never>;
  approval_not_delivered: Record<string, never>;
  login_approved: Record<string, never>;
  wrong_pin: Record<string, never>;
  pin_form: Record<string, never>;
  ibkey_locked: Record<string, never>;
  ibkey_not_active: Record<string, never>;
  authentication_not_completed: Record<string, never>;
  jailbroken: Record<string, never>;
  bad_challenge: Record<string, never>;
  response_ready: Record<string, never>;
  /** IB Key was moved to another phone (migration): this phone's app no longer approves or authenticates. */
  ibkey_migrated: Record<string, never>;
  /** Activation, migration, reactivation: the Activation Token went by SMS to the number on record. */
  activation_token_sent: { number: string };
  /** The user has a physical device: the token is its response to this challenge instead of an SMS. */
  activation_challenge_dscplus: { serial: string };
  activation_token_wrong: Record<string, never>;
  activation_token_expired: Record<string, never>;
  activation_token_used: Record<string, never>;
  /** Too many wrong tokens: this activation is over; log in again for a new one. */
  activation_stopped: Record<string, never>;
  /** No verified mobile number on record and no physical device: nothing can carry the token. */
  activation_no_number: Record<string, never>;
  /** IB Key is active on another phone: activating here is a migration. */
  activation_other_phone: { model: string };
  /** Migrate IB Key, but IB Key is not active on another phone. */
  activation_nothing_to_migrate: Record<string, never>;
  /** IB Key is already active in this phone's app. */
  activation_already_active: Record<string, never>;
  /** A chosen PIN breaking a rule of the migration article (alphanumeric, 4 to 6 characters, at least one number). */
  pin_rule: { problem: 'too_short' | 'too_long' | 'not_alphanumeric' | 'no_number' };
  /** The Repeat PIN is not the PIN. */
  pin_mismatch: Record<string, never>;
  /** The app is not installed (the app store installs it). */
  app_not_installed: Record<string, never>;
  /** The Director's "Add a phone" refused: an owner not in the scenario, an id taken, a model not of the platform, the scenario's limit. */
  add_phone_refused: { reason: AddPhoneRefusal; owner: string; phoneId: string; model: string; platform: Platform; max: number };
}

export type MessageCode = keyof MessageParams;

/** One message: its code and exactly that code's parameters. */
export type Message = { [C in MessageCode]: { code: C; params: MessageParams[C] } }[MessageCode];

type ParamArgs<C extends MessageCode> = MessageParams[C] extends Record<string, never> ? [] : [params: MessageParams[C]];

export function message<C extends MessageCode>(code: C, ...params: ParamArgs<C>): Message {
  return { code, params: params[0] ?? {} } as Message;
}
