// What the login window is shown of an attempt; never a secret.
import type { LoginView, TradingMode } from '../api/views.js';
import type { LoginAttempt } from './login.js';
import { REGULATION } from './regulation.js';
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
  return {
    loginId: attempt.id,
    step: attempt.step,
    mode: attempt.mode,
    username: attempt.account.spec.username,
    error: attempt.error,
    notice: attempt.notice,
    devices: attempt.account.spec.devices.map((d) => directory.describeDevice(attempt.account, d)),
    device: attempt.device ? directory.describeDevice(attempt.account, attempt.device) : null,
    resendAvailableAt: onCode || attempt.step === 'enrolRequired' ? (attempt.codes?.nextSendAt() ?? null) : null,
    resendChannels: { sms: onCode, voice: onCode },
    challenge: attempt.challenge?.challenge ?? null,
    cardIndexes: attempt.challenge?.cardIndexes ?? null,
    enrolment:
      attempt.step === 'enrolRequired'
        ? {
            regulation: REGULATION[attempt.account.spec.region as keyof typeof REGULATION] ?? '',
            number: attempt.enrolNumber, codeSent: attempt.codes !== null, phoneId: attempt.enrolNumber === null ? null : (world.phoneByNumber(attempt.enrolNumber)?.id ?? null) }
        : null,
    now: clock.now(),
  };
}

/** The answer to refused credentials: identical whatever the reason. */
export function refusedView(mode: TradingMode, now: number): LoginView {
  return {
    loginId: null,
    step: 'credentials',
    mode,
    username: '',
    error: INVALID_CREDENTIALS,
    notice: null,
    devices: [],
    device: null,
    resendAvailableAt: null,
    resendChannels: { sms: false, voice: false },
    challenge: null,
    cardIndexes: null,
    enrolment: null,
    now,
  };
}
