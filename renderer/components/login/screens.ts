// Which screen shows each login step, in the login window and in the broker's app logging in on a trading
// device. Typed by the step list: a step added to LOGIN_STEPS without both screens does not compile.
import type { Component } from 'svelte';
import type { LoginStep } from '../../../main/api/views';
import type { AppScreenProps, WindowScreenProps } from './screen-props';
import CredentialsStep from './CredentialsStep.svelte';
import SelectDeviceStep from './SelectDeviceStep.svelte';
import SecurityCodeStep from './SecurityCodeStep.svelte';
import PushStep from './PushStep.svelte';
import ChallengeStep from './ChallengeStep.svelte';
import CodeCardStep from './CodeCardStep.svelte';
import EnrolStep from './EnrolStep.svelte';
import PaperWarningStep from './PaperWarningStep.svelte';
import LoggedInStep from './LoggedInStep.svelte';
import FailedStep from './FailedStep.svelte';
import TemporaryPasscodeStep from './TemporaryPasscodeStep.svelte';
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

interface StepScreens {
  window: Component<WindowScreenProps>;
  app: Component<AppScreenProps>;
}

export const LOGIN_SCREENS = {
  // The app's first screen is its login form.
  credentials: { window: CredentialsStep, app: AppHome },
  selectDevice: { window: SelectDeviceStep, app: AppDeviceStep },
  securityCode: { window: SecurityCodeStep, app: AppCodeStep },
  push: { window: PushStep, app: AppPushStep },
  challenge: { window: ChallengeStep, app: AppChallengeStep },
  dscplus: { window: ChallengeStep, app: AppChallengeStep },
  codecard: { window: CodeCardStep, app: AppCodeCardStep },
  temporaryPasscode: { window: TemporaryPasscodeStep, app: AppPasscodeStep },
  enrolRequired: { window: EnrolStep, app: AppEnrolStep },
  paperWarning: { window: PaperWarningStep, app: AppPaperStep },
  loggedIn: { window: LoggedInStep, app: AppLoggedIn },
  failed: { window: FailedStep, app: AppFailedStep },
} as const satisfies Record<LoginStep, StepScreens>;
