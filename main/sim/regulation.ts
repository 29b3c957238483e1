// Regulations Mandating Two-Factor Protection: who cannot opt out of the Secure Login System.
import { message, type Message, type MessageParams } from '../api/messages.js';

type RegulatedRegion = MessageParams['enrolment_required']['region'];

/** Regions whose regulators mandate two-factor protection (Hong Kong's SFC, India's NSEI): no opting out. */
const REGULATED: readonly RegulatedRegion[] = ['HK', 'IN'];

function regulated(region: string): region is RegulatedRegion {
  return (REGULATED as readonly string[]).includes(region);
}

export function mustEnrol(region: string): boolean {
  return regulated(region);
}

/** The regulator's rule for a region (worded by the window's catalogue), or null where enrolment is only offered. */
export function regulationFor(region: string): Message | null {
  return regulated(region) ? message('enrolment_required', { region }) : null;
}
