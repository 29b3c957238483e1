// The temporary passcode: when a device is lost, client services check the caller's identity and
// give a passcode by phone. Letters and digits; the letters must be typed in upper case ("alpha
// characters are case sensitive and are required to be input in upper case"), so a lower-case
// one is wrong. It opens the trading platform for 2 days from its issue, and the Client Portal
// (not simulated yet) for 8, there only to print or save an online Security Code Card.
import type { TemporaryPasscode } from './login-attempt.js';
import { createRandom } from './random.js';

const DAY = 86_400_000;

/** How long a temporary passcode works, from its issue, by where it is typed. */
export const TEMPORARY_PASSCODE_VALIDITY = { tradingPlatform: 2 * DAY, clientPortal: 8 * DAY } as const;

/** No 0/O or 1/I/L: read out over the phone, these are the letters and digits that cannot be misheard. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** The passcode of a user: the scenario's, or one derived from the seed (the same on every run). */
export function issuePasscode(seed: string, username: string, issuedAt: number, code?: string): TemporaryPasscode {
  return { code: code ?? createRandom(`${seed}:temporary-passcode:${username}`).chars(8, ALPHABET), issuedAt };
}

