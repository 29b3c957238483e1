// Operation names alone, free of schema code, for the preload bundle and the renderer client.

export const operationNames = [
  'submitCredentials',
  'chooseDevice',
  'changeDevice',
  'submitCode',
  'requestNewCode',
  'requestChallenge',
  'submitResponse',
  'continueLogin',
  'acceptPaperWarning',
  'cancelLogin',
  'logOut',
  'getLogin',
  'getPhone',
  'markMessagesRead',
  'dismissNotification',
  'setPhoneState',
  'restartPhone',
  'clearAppData',
  'setSeamless',
  'setLocale',
  'approvePush',
  'generateResponse',
  'answerCall',
  'endCall',
  'getFob',
  'fobPress',
  'fobEnter',
  'resetFob',
  'getCodeCard',
  'getWorld',
  'getClock',
  'advanceClock',
  'setClockRunning',
  'getJournal',
  'getScenario',
  'getScript',
  'resetWorld',
  'listPending',
  'listScenarios',
  'loadScenario',
  'getReasons',
  'exportWorld',
  'enrolSms',
  'confirmSmsEnrolment',
  'finishSmsEnrolment',
  'verifyMobileNumber',
  'confirmMobileNumber',
  'finishMobileVerification',
  'saveSeamless',
  'optOutOfSls',
  'addPhone',
  'installApp',
  'uninstallApp',
  'startIbKeyActivation',
  'resendActivationToken',
  'submitActivationToken',
  'setActivationPin',
] as const;

export type OperationName = (typeof operationNames)[number];

/** IPC channel of an operation, and the one channel host events travel on. */
export const ipcChannel = (name: OperationName): string => `sls:op:${name}`;
export const IPC_EVENT_CHANNEL = 'sls:event';
/**
 * The Director's "Export as scenario" in the desktop app: the main process shows a save dialog and
 * writes the export itself. The page sends nothing on it (no path, no text) and only learns the name.
 */
export const IPC_SAVE_WORLD_CHANNEL = 'sls:save-world';
/** View → Presenter Mode in the desktop app: the main process tells every open window (true or false); pages send nothing on it. */
export const IPC_PRESENTER_CHANNEL = 'sls:presenter';
