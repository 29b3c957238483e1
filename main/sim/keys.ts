// Secrets of the simulated devices, derived from the scenario seed so every run has the same ones.
import { createHmac } from 'node:crypto';

/** A 32-byte device key: the same seed and label always give the same key, other labels unrelated ones. */
export function deriveKey(seed: string, label: string): Buffer {
  return createHmac('sha256', `sls-simulator:${seed}`).update(label, 'utf8').digest();
}
