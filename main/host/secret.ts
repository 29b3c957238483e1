// Random secrets of the hosts (the pages' session secret, the control token) and their constant-time comparison.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 random bits, URL-safe: fits a header, an address and a shell variable without quoting. */
export function generateSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Whether a presented secret is the secret. Both sides are hashed first, so the comparison is
 * constant-time on equal-length buffers whatever was sent, and leaks no length.
 */
export function sameToken(presented: string | undefined, secret: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  const same = timingSafeEqual(digest(presented ?? ''), digest(secret));
  return presented !== undefined && secret.length > 0 && same;
}

/** Whether an Authorization header carries the secret as a bearer token. */
export function tokenMatches(authorization: string | undefined, secret: string): boolean {
  const presented = authorization === undefined ? undefined : /^Bearer +(\S+) *$/i.exec(authorization)?.[1];
  return sameToken(presented, secret);
}
