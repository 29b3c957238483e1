// What the login window is shown of an attempt; never a secret.
import { blankLoginView } from '../api/blank-login-view.js';
import type { LoginView, TradingMode } from '../api/views.js';
import type { LoginAttempt } from './login.js';
import { regulationFor } from './regulation.js';
import type { World } from './world.js';

/** The only two things a refused user is told (no enumeration, ASVS 6.3.8). */
export const INVALID_CREDENTIALS = 'Invalid user name password combination';
export const LOGIN_FAILED = 'Login failed';

export function formatWait(ms: number): string {
  const s = Math.ceil(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export function loginView(world: World, attempt: LoginAttempt): LoginView {
  const { directory, clock } = world;
  const onCode = attempt.step === 'securityCode';
  const { enrol } = attempt;
  return {
    loginId: attempt.id,
    step: attempt.step,
    mode: attempt.mode,
    username: attempt.account.spec.username,
    error: attempt.error,
    notice: attempt.notice,
    devices: attempt.account.spec.devices.map((d) => directory.describeDevice(attempt.account, d)),
    device: attempt.device ? directory.describeDevice(attempt.account, attempt.device) : null,
    resendAvailableAt: onCode || enrol ? (attempt.codes?.nextSendAt() ?? null) : null,
    resendChannels: { sms: onCode, voice: onCode },
    challenge: attempt.challenge?.challenge ?? null,
    cardIndexes: attempt.challenge?.cardIndexes ?? null,
    enrolment: enrol
      ? {
          required: enrol.required,
          regulation: enrol.required ? regulationFor(attempt.account.spec.region) : null,
          number: enrol.number,
          codeSent: attempt.codes !== null && !enrol.verified,
          phoneId: enrol.number === null ? null : (world.phoneByNumber(enrol.number)?.id ?? null),
          verified: enrol.verified,
        }
      : null,
    now: clock.now(),
  };
}

/** The answer to refused credentials: identical whatever the reason. */
export function refusedView(mode: TradingMode, now: number): LoginView {
  return { ...blankLoginView(mode, now), error: INVALID_CREDENTIALS };
}
