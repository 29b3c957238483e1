// The windows' words for what the simulated server says: one entry per message code, in English.
// A typed record over every code, so a code without its words fails to compile (a French
// catalogue is another such record). The server's text is never parsed: it sends codes.
import type { Message, MessageCode, MessageParams } from '../../main/api/messages';
import { countdown } from './time';

/** A piece of a message: text, or a masked phone number (shown so it does not break at its hyphens). */
type Segment = string | { number: string };
type Words<C extends MessageCode> = (params: MessageParams[C]) => string | Segment[];
type Catalogue = { [C in MessageCode]: Words<C> };

const REGULATION = {
  HK: 'Two-Factor Authentication is required: per article 1.1 of the guidelines of the Securities & Futures Commission of Hong Kong (SFC), all clients must be enrolled, and Hong Kong accounts cannot opt out of the Secure Login System. Enroll your mobile number to continue.',
  IN: 'Two-Factor Authentication is required: per regulation 3b of the National Stock Exchange of India (NSEI), brokers must implement Two-Factor Authentication for Indian clients, and India accounts cannot opt out of the Secure Login System. Enroll your mobile number to continue.',
} as const;

const english: Catalogue = {
  invalid_credentials: () => 'Invalid user name password combination',
  login_failed: () => 'Login failed',
  resend_wait: ({ waitMs }) => `A new code can be requested in ${countdown(waitMs)}`,
  code_sent_sms: ({ number }) => ['A security code has been sent to your mobile phone ', { number }, '.'],
  code_sent_voice: ({ number }) => ['You will receive a call at ', { number }, ' with your security code.'],
  code_sent_before: ({ number, waitMs }) => ['A security code was sent to your mobile phone ', { number }, `. A new code can be requested in ${countdown(waitMs)}.`],
  push_sent: ({ model }) => `A notification has been sent to your phone (${model}). Tap it and authenticate to continue.`,
  push_expired: ({ app }) => `The notification was not approved in time. Use the challenge below with ${app}.`,
  challenge_ibkey: ({ app }) => `Open ${app}, tap Authenticate, enter the challenge and type the Response String below.`,
  challenge_dscplus: () => 'Press the button on your Digital Security Card+ until PIN> appears, enter your PIN, then the challenge below.',
  challenge_codecard: () => 'Enter the values printed beside these index numbers on your Security Code Card, without spaces.',
  temporary_passcode: ({ validForMs }) =>
    `Enter the temporary passcode Client Services gave you. Alpha characters are case sensitive and are required to be input in upper case. It is valid for ${Math.round(validForMs / 86_400_000)} days from its issue.`,
  enrolment_required: ({ region }) => REGULATION[region],
  enrolment_offered: ({ app }) => `Your account is not protected by the Secure Login System. Enroll your mobile number in SMS authentication, or activate IB Key in ${app}.`,
  confirm_code_sent: ({ number }) => ['A confirmation code has been sent to ', { number }, '.'],
  confirm_code_wrong: () => 'The Confirm Code is not valid. Check the newest text message and try again.',
  enrolment_stopped: () => 'Too many invalid codes: enrolment stopped. Log in again to enroll.',
  sms_verified: ({ number }) => ['Text messages to ', { number }, ' are now your second factor.'],
  approval_expired_use_challenge: () => 'This login request has expired. Use the challenge shown on the login screen.',
  approval_expired: () => 'This login request has expired.',
  approval_not_pending: () => 'This login request is no longer waiting for approval.',
  approval_not_delivered: () => 'No login request has reached this phone.',
  login_approved: () => 'Login approved.',
  wrong_pin: () => 'Incorrect PIN.',
  pin_form: () => 'Enter your PIN: 4 to 6 letters or digits.',
  ibkey_locked: () => 'Too many incorrect PINs: IB Key is locked on this phone. Activate IB Key again to use it.',
  ibkey_not_active: () => 'IB Key is not activated on this phone.',
  authentication_not_completed: () => 'Authentication was not completed.',
  jailbroken: () => 'IB Key cannot be used on a jailbroken or rooted device.',
  bad_challenge: () => 'The challenge is the 6-digit number shown on the login screen.',
  response_ready: () => 'Enter this Response String on the login screen.',
};

/** The message in pieces, for a window that shows masked numbers apart. */
export function messageSegments(m: Message, catalogue: Catalogue = english): Segment[] {
  const words = (catalogue[m.code] as (params: Message['params']) => string | Segment[])(m.params);
  return typeof words === 'string' ? [words] : words;
}

/** The message as plain text. */
export function messageText(m: Message, catalogue: Catalogue = english): string {
  return messageSegments(m, catalogue)
    .map((s) => (typeof s === 'string' ? s : s.number))
    .join('');
}

/** Plain text of a message that may be absent. */
export function textOf(m: Message | null | undefined): string | null {
  return m ? messageText(m) : null;
}
