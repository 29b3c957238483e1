// Which screen of the login window shows each login step; the broker's app logging in on a trading device
// has its own in app-screens.ts, loaded with the app (the stage's first load carries the window's only).
// Both are typed by the step list: a step added to LOGIN_STEPS without its screen in each does not compile.
import type { Component } from 'svelte';
import type { LoginStep } from '../../../main/api/views';
import type { WindowScreenProps } from './screen-props';
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
import ConnectingStep from './ConnectingStep.svelte';
import ExistingSessionStep from './ExistingSessionStep.svelte';
import ReloginStep from './ReloginStep.svelte';

export const WINDOW_SCREENS = {
  credentials: CredentialsStep,
  connecting: ConnectingStep,
  selectDevice: SelectDeviceStep,
  securityCode: SecurityCodeStep,
  push: PushStep,
  challenge: ChallengeStep,
  dscplus: ChallengeStep,
  codecard: CodeCardStep,
  temporaryPasscode: TemporaryPasscodeStep,
  enrolRequired: EnrolStep,
  existingSession: ExistingSessionStep,
  paperWarning: PaperWarningStep,
  loggedIn: LoggedInStep,
  reloginRequired: ReloginStep,
  failed: FailedStep,
} as const satisfies Record<LoginStep, Component<WindowScreenProps>>;
