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

/** Opting out of the Secure Login System: the broker allows it except where a regulator mandates two-factor protection. */
export function optOutAllowed(region: string): boolean {
  return !regulated(region);
}

/** Why an opt-out is refused: the regulator's rule, cited in full (worded by the window's catalogue); null where allowed. */
export function optOutRefusal(region: string): Message | null {
  return regulated(region) ? message('opt_out_refused', { region }) : null;
}
