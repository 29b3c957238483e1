// Regulations Mandating Two-Factor Protection: who cannot opt out of the Secure Login System.

/** Regions whose regulators mandate two-factor protection: no opting out of the Secure Login System. */
export const REGULATION = {
  HK: 'Two-Factor Authentication is required: per article 1.1 of the guidelines of the Securities & Futures Commission of Hong Kong (SFC), all clients must be enrolled, and Hong Kong accounts cannot opt out of the Secure Login System. Enroll your mobile number to continue.',
  IN: 'Two-Factor Authentication is required: per regulation 3b of the National Stock Exchange of India (NSEI), brokers must implement Two-Factor Authentication for Indian clients, and India accounts cannot opt out of the Secure Login System. Enroll your mobile number to continue.',
} as const;

export function mustEnrol(region: string): boolean {
  return Object.hasOwn(REGULATION, region);
}

/** The regulator's rule for a region, or null where enrolment is only offered. */
export function regulationFor(region: string): string | null {
  return mustEnrol(region) ? REGULATION[region as keyof typeof REGULATION] : null;
}
