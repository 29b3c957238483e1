// Which screen of the login window shows each login step; the broker's app logging in on a trading device
// has its own in app-screens.ts, loaded with the app (the stage's first load carries the window's only).
// Both are typed by the step list: a step added to LOGIN_STEPS without its screen in each does not compile.
//
// The first screen (the credentials) comes with the stage; every later step's screen is a chunk of its
// own, so the first load stays small. The login window fetches them all once it is on screen, with the
// messages they use (`prefetchScreens`), long before a person has typed a password, so no step waits.
import type { Component } from 'svelte';
import type { LoginStep } from '../../../main/api/views';
import type { WindowScreenProps } from './screen-props';
import { laterParts } from '../../lib/later';
import CredentialsStep from './CredentialsStep.svelte';

type ScreenModule = { default: Component<WindowScreenProps> };
export type ScreenLoader = () => Promise<ScreenModule>;

const credentials: ScreenModule = { default: CredentialsStep };

/** The screen the first load carries, messages and all. */
export const FIRST_SCREEN = 'credentials' satisfies LoginStep;

export const WINDOW_SCREENS = {
  credentials: () => Promise.resolve(credentials),
  connecting: () => import('./ConnectingStep.svelte'),
  selectDevice: () => import('./SelectDeviceStep.svelte'),
  securityCode: () => import('./SecurityCodeStep.svelte'),
  push: () => import('./PushStep.svelte'),
  challenge: () => import('./ChallengeStep.svelte'),
  dscplus: () => import('./ChallengeStep.svelte'),
  codecard: () => import('./CodeCardStep.svelte'),
  temporaryPasscode: () => import('./TemporaryPasscodeStep.svelte'),
  enrolRequired: () => import('./EnrolStep.svelte'),
  existingSession: () => import('./ExistingSessionStep.svelte'),
  paperWarning: () => import('./PaperWarningStep.svelte'),
  loggedIn: () => import('./LoggedInStep.svelte'),
  reloginRequired: () => import('./ReloginStep.svelte'),
  failed: () => import('./FailedStep.svelte'),
} as const satisfies Record<LoginStep, ScreenLoader>;

/** Fetches every step's screen and the messages and icons they use (the browser keeps them), once; a failed fetch is retried when its step shows. */
export function prefetchScreens(): void {
  for (const load of [...Object.values(WINDOW_SCREENS), laterParts]) load().catch(() => {});
}
