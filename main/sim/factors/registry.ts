// The factors by kind: the one place the login server, the login view and /pending find a factor.
// A kind without its module fails to compile (FACTORS satisfies a record over FactorKind), and so
// does a step or device kind a switch below forgets (assertNever).
import { assertNever } from '../../api/exhaustive.js';
import type { DeviceSpec } from '../scenario/schema.js';
import type { LoginAttempt } from '../login-attempt.js';
import type { World } from '../world.js';
import { codeCard } from './code-card.js';
import { dscplus } from './dscplus.js';
import { NO_FACTOR_VIEW, type FactorKind, type FactorStep, type FactorViewFields, type PendingEntry, type Started } from './factor.js';
import { ibkeyChallenge } from './ibkey-challenge.js';
import { ibkeyPush } from './ibkey-push.js';
import { smsCode } from './sms-code.js';
import { temporaryPasscode } from './temporary-passcode.js';
import { voiceCode } from './voice-code.js';

export const FACTORS = {
  sms: smsCode,
  voice: voiceCode,
  ibkeyPush,
  ibkeyChallenge,
  dscplus,
  codecard: codeCard,
  temporaryPasscode,
} as const satisfies Record<FactorKind, { step: FactorStep; journal: readonly string[] }>;

/** The factor a device starts with (IB Key: the push; its challenge comes after). */
export function startDevice(world: World, attempt: LoginAttempt, device: DeviceSpec, onPushExpiry: () => void): Started<FactorStep> {
  switch (device.kind) {
    case 'sms':
      return FACTORS.sms.start(world, attempt, device);
    case 'ibkey':
      return FACTORS.ibkeyPush.start(world, attempt, { device, onExpiry: onPushExpiry });
    case 'dscplus':
      return FACTORS.dscplus.start(world, attempt, device);
    case 'codecard':
      return FACTORS.codecard.start(world, attempt, device);
    default:
      return assertNever(device, 'device kind');
  }
}

/** What the login window shows of the factor waiting at the attempt's step (nothing at other steps). */
export function factorView(attempt: LoginAttempt): FactorViewFields {
  switch (attempt.step) {
    case 'securityCode':
      return FACTORS.sms.view(attempt);
    case 'push':
      return FACTORS.ibkeyPush.view(attempt);
    case 'challenge':
      return FACTORS.ibkeyChallenge.view(attempt);
    case 'dscplus':
      return FACTORS.dscplus.view(attempt);
    case 'codecard':
      return FACTORS.codecard.view(attempt);
    case 'temporaryPasscode':
      return FACTORS.temporaryPasscode.view(attempt);
    case 'credentials':
    case 'connecting':
    case 'selectDevice':
    case 'enrolRequired':
    case 'existingSession':
    case 'paperWarning':
    case 'loggedIn':
    case 'reloginRequired':
    case 'failed':
      return NO_FACTOR_VIEW;
    default:
      return assertNever(attempt, 'login step');
  }
}

/** The /pending entries of the factor waiting at the attempt's step: its secrets, for the director and the control API. */
export function factorPending(attempt: LoginAttempt, world: World): PendingEntry[] {
  switch (attempt.step) {
    case 'securityCode':
      return FACTORS.sms.pending(attempt, world);
    case 'push':
      return FACTORS.ibkeyPush.pending(attempt, world);
    case 'challenge':
      return FACTORS.ibkeyChallenge.pending(attempt, world);
    case 'dscplus':
      return FACTORS.dscplus.pending(attempt, world);
    case 'codecard':
      return FACTORS.codecard.pending(attempt, world);
    case 'temporaryPasscode':
      return FACTORS.temporaryPasscode.pending(attempt, world);
    case 'credentials':
    case 'connecting':
    case 'selectDevice':
    case 'enrolRequired':
    case 'existingSession':
    case 'paperWarning':
    case 'loggedIn':
    case 'reloginRequired':
    case 'failed':
      return [];
    default:
      return assertNever(attempt, 'login step');
  }
}
