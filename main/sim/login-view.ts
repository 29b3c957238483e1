// What the login window is shown of an attempt; never a secret.
import { message } from '../api/messages.js';
import { blankLoginView } from '../api/blank-login-view.js';
import type { LoginSurface, LoginView, TradingMode } from '../api/views.js';
import { deviceOf, enrolmentOf, type Connecting, type LoginAttempt } from './login-attempt.js';
import { factorView } from './factors/registry.js';
import { regulationFor } from './regulation.js';
import { portalView } from './portal.js';
import type { World } from './world.js';

/** The only two things a refused user is told (no enumeration, ASVS 6.3.8). */
export const INVALID_CREDENTIALS = message('invalid_credentials');
export const LOGIN_FAILED = message('login_failed');

export function loginView(world: World, attempt: LoginAttempt): LoginView {
  const { directory, clock } = world;
  const enrol = enrolmentOf(attempt);
  const device = deviceOf(attempt);
  const factor = factorView(attempt);
  return {
    loginId: attempt.id,
    step: attempt.step,
    mode: attempt.mode,
    surface: attempt.surface,
    username: attempt.account.spec.username,
    error: attempt.error,
    notice: attempt.notice,
    devices: attempt.account.spec.devices.map((d) => directory.describeDevice(attempt.account, d)),
    device: device ? directory.describeDevice(attempt.account, device) : null,
    ...factor,
    // Enrolment's Confirm Code follows the security code's resend clock.
    resendAvailableAt: enrol ? (enrol.codes?.nextSendAt('sms') ?? null) : factor.resendAvailableAt,
    voiceAvailableAt: enrol ? null : factor.voiceAvailableAt,
    enrolment: enrol
      ? {
          required: enrol.required,
          regulation: enrol.required ? regulationFor(attempt.account.spec.region) : null,
          region: attempt.account.spec.region,
          number: enrol.number,
          codeSent: enrol.codes !== null && !enrol.verified,
          phoneId: enrol.number === null ? null : (world.phoneByNumber(enrol.number)?.id ?? null),
          verified: enrol.verified,
          enrolled: enrol.enrolled,
        }
      : null,
    readOnly: attempt.readOnly,
    connectionAttempt: null,
    portal: attempt.surface === 'portal' && attempt.step === 'loggedIn' ? portalView(world, attempt, (d) => directory.describeDevice(attempt.account, d)) : null,
    now: clock.now(),
  };
}

/** "Log in progress (attempt #N)": what the window shows while it connects; nothing of the account yet. */
export function connectingView(connecting: Connecting, now: number): LoginView {
  return { ...blankLoginView(connecting.mode, now), loginId: connecting.id, step: 'connecting', username: connecting.username, readOnly: connecting.readOnly, connectionAttempt: connecting.attempt };
}

/** The answer to refused credentials: identical whatever the reason. */
export function refusedView(mode: TradingMode, now: number, surface: LoginSurface = 'tws'): LoginView {
  return { ...blankLoginView(mode, now, surface), error: INVALID_CREDENTIALS };
}
