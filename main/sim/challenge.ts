// Challenge/response factors: IB Key's and the DSC+'s OCRA responses, and the Security Code Card.
import { ibKeyResponse } from './otp/index.js';
import { sameSecret } from './oob-code.js';

export interface ChallengeFactor {
  device: 'ibkey' | 'dscplus' | 'codecard';
  /** What the login window shows: a 6-digit challenge, or the two card indexes. */
  challenge: string | null;
  cardIndexes: [number, number] | null;
  /** The one answer that logs in; never leaves the server. */
  expected: string;
  /** Answer format, checked before comparing so a typo gets a clearer journal line. */
  pattern: RegExp;
  used: boolean;
}

export function ocraChallenge(device: 'ibkey' | 'dscplus', challenge: string, key: Buffer, pin: string): ChallengeFactor {
  return { device, challenge, cardIndexes: null, expected: ibKeyResponse({ key, pin, challenge }), pattern: /^\d{8}$/, used: false };
}

export function cardChallenge(indexes: [number, number], values: [string, string]): ChallengeFactor {
  return { device: 'codecard', challenge: null, cardIndexes: indexes, expected: values.join(''), pattern: /^[A-Z0-9]{6}$/, used: false };
}

/** Normalises what a person types: spaces dropped, card letters in upper case. */
export function normaliseResponse(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

export type ResponseCheck = 'ok' | 'wrong' | 'malformed' | 'used';

export function checkResponse(factor: ChallengeFactor, input: string): ResponseCheck {
  const given = normaliseResponse(input);
  if (!factor.pattern.test(given)) return 'malformed';
  if (!sameSecret(factor.expected, given)) return 'wrong';
  if (factor.used) return 'used';
  factor.used = true;
  return 'ok';
}
