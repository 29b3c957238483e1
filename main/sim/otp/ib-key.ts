// IB Key challenge/response emulation: a 6-digit challenge and the PIN give an 8-digit OCRA response.
import { OtpInputError } from './errors.js';
import { CHALLENGE_PATTERN } from '../../api/vocabulary.js';
import { ocra } from './ocra.js';

/** The real product's algorithm is not public; this suite has its shape: 6-digit challenge, 8-digit response, PIN bound in. */
export const IB_KEY_SUITE = 'OCRA-1:HOTP-SHA256-8:QN06-PSHA1';

export interface IbKeyResponseOptions {
  key: Uint8Array;
  pin: string;
  challenge: string;
}

export function ibKeyResponse({ key, pin, challenge }: IbKeyResponseOptions): string {
  // The suite would accept 4 to 6 digits; the login screen always shows exactly 6.
  if (typeof challenge !== 'string' || !CHALLENGE_PATTERN.test(challenge)) {
    throw new OtpInputError('challenge', 'must be exactly 6 decimal digits');
  }
  return ocra({ suite: IB_KEY_SUITE, key, question: challenge, pin });
}
