// Which screen of the broker's app shows each login step when the app logs in on a trading device (the
// window's are in screens.ts). Only the app imports this, so these screens load with it, not with the stage.
import type { Component } from 'svelte';
import type { LoginStep } from '../../../main/api/views';
import type { AppScreenProps } from './screen-props';
import AppHome from '../phone/ibkr/AppHome.svelte';
import AppDeviceStep from '../phone/ibkr/AppDeviceStep.svelte';
import AppCodeStep from '../phone/ibkr/AppCodeStep.svelte';
import AppPushStep from '../phone/ibkr/AppPushStep.svelte';
import AppChallengeStep from '../phone/ibkr/AppChallengeStep.svelte';
import AppCodeCardStep from '../phone/ibkr/AppCodeCardStep.svelte';
import AppEnrolStep from '../phone/ibkr/AppEnrolStep.svelte';
import AppPaperStep from '../phone/ibkr/AppPaperStep.svelte';
import AppLoggedIn from '../phone/ibkr/AppLoggedIn.svelte';
import AppFailedStep from '../phone/ibkr/AppFailedStep.svelte';
import AppPasscodeStep from '../phone/ibkr/AppPasscodeStep.svelte';
import AppSessionStep from '../phone/ibkr/AppSessionStep.svelte';

export const APP_SCREENS = {
  // The app's first screen is its login form.
  credentials: AppHome,
  // The app connects at once (the scenario's connection retries are the login window's), but the step has its screen.
  connecting: AppSessionStep,
  selectDevice: AppDeviceStep,
  securityCode: AppCodeStep,
  push: AppPushStep,
  challenge: AppChallengeStep,
  dscplus: AppChallengeStep,
  codecard: AppCodeCardStep,
  temporaryPasscode: AppPasscodeStep,
  enrolRequired: AppEnrolStep,
  existingSession: AppSessionStep,
  paperWarning: AppPaperStep,
  loggedIn: AppLoggedIn,
  reloginRequired: AppSessionStep,
  failed: AppFailedStep,
} as const satisfies Record<LoginStep, Component<AppScreenProps>>;
