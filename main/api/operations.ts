// The operations every transport serves: names and runtime schemas of their requests.
import { z } from 'zod';
import { phoneStatePatchSchema } from './phone-state.js';
import type { OperationName } from './names.js';
import type { ReasonView } from './reasons.js';
import type { JournalPage } from './events.js';
import type { ScriptView } from './script-view.js';
import { CODE_CHANNELS, MAX_PASSWORD_CHARS, MAX_SCENARIO_CHARS, MAX_USERNAME_CHARS, MOBILE_NUMBER_PATTERN, MOBILE_NUMBER_RULE, TRADING_MODES, UNLOCK_METHODS } from './vocabulary.js';
import type {
  LoginView,
  PhoneView,
  WorldView,
  ClockView,
  ScenarioView,
  FobView,
  CodeCardView,
  AppResponseView,
  PendingView,
  ScenarioSummary,
  LoadScenarioResult,
} from './views.js';

const loginId = z.string().regex(/^L\d{1,9}$/, 'must be a login id such as L1');
const serial = z.string().min(1).max(32).regex(/^[A-Z0-9-]+$/, 'must be a serial number such as SNA-52903318');
const phoneId = z.string().min(1).max(64).regex(/^[a-z0-9-]+$/, 'must be a phone id');
/** A mobile number, in scenario files and enrolment alike (the one pattern of vocabulary.ts). */
export const mobileNumber = z.string().regex(MOBILE_NUMBER_PATTERN, MOBILE_NUMBER_RULE);

/** Limits stop a hostile or buggy caller from feeding megabytes into the simulation. */
export const requestSchemas = {
  /** First screen: username and password, live or paper. */
  submitCredentials: z.strictObject({
    username: z.string().max(MAX_USERNAME_CHARS),
    password: z.string().max(MAX_PASSWORD_CHARS),
    mode: z.enum(TRADING_MODES),
    /** Set when the login comes from the mobile app on this phone (the "trading device"). */
    phoneId: phoneId.optional(),
  }),
  /** "Select Second Factor Device" when the user has several. */
  chooseDevice: z.strictObject({ loginId, deviceId: z.string().min(1).max(64) }),
  /** Back to the device drop-down without starting over. */
  changeDevice: z.strictObject({ loginId }),
  /** The "Security Code" field (SMS or voice). */
  submitCode: z.strictObject({ loginId, code: z.string().max(32) }),
  /** "Didn't receive a security code?" → SMS or Voice. */
  requestNewCode: z.strictObject({ loginId, channel: z.enum(CODE_CHANNELS) }),
  /** "Click here if you do not receive the notification" (IB Key) → a challenge. */
  requestChallenge: z.strictObject({ loginId }),
  /** "Enter response code" (IB Key, DSC+) or the card values, then OK. */
  submitResponse: z.strictObject({ loginId, response: z.string().max(32) }),
  /** "I understand and accept" on the paper-trading warning. */
  acceptPaperWarning: z.strictObject({ loginId }),
  /** Abandon the login in progress (Cancel / close). */
  cancelLogin: z.strictObject({ loginId }),
  logOut: z.strictObject({ loginId }),
  getLogin: z.strictObject({ loginId }),

  /** The phone's screens read this; the user reading an SMS marks it read. */
  getPhone: z.strictObject({ phoneId }),
  markMessagesRead: z.strictObject({ phoneId }),
  dismissNotification: z.strictObject({ phoneId, notificationId: z.string().min(1).max(64) }),

  /** Quick settings, the Settings app, and the director's faults: a partial update of the phone's state. */
  setPhoneState: z.strictObject({ phoneId, patch: phoneStatePatchSchema }),
  /** Power off and on: clears transient faults (SMS article, step 2). */
  restartPhone: z.strictObject({ phoneId }),
  /** Android: Settings → Apps → the app → Storage → Clear data. IB Key must then be activated again. */
  clearAppData: z.strictObject({ phoneId }),
  /** Client Portal → Settings → Secure Login System → Seamless Authentication. */
  setSeamless: z.strictObject({ username: z.string().max(MAX_USERNAME_CHARS), enabled: z.boolean() }),
  /** IB Key on the phone: the user confirms a login request with the biometric or the PIN. */
  approvePush: z.strictObject({
    phoneId,
    loginId,
    method: z.enum(UNLOCK_METHODS),
    pin: z.string().max(16).optional(),
  }),
  /** The app's "Authenticate": challenge (and on Android the PIN) → "Response String". */
  generateResponse: z.strictObject({
    phoneId,
    challenge: z.string().max(16),
    method: z.enum(UNLOCK_METHODS),
    pin: z.string().max(16).optional(),
  }),
  answerCall: z.strictObject({ phoneId, callId: z.string().min(1).max(64) }),
  endCall: z.strictObject({ phoneId, callId: z.string().min(1).max(64) }),

  /** The Digital Security Card+ fob, by serial number. */
  getFob: z.strictObject({ serial }),
  fobPress: z.strictObject({ serial }),
  /** Digits typed on the fob's keypad, then its OK key: the PIN, then the challenge. */
  fobEnter: z.strictObject({ serial, digits: z.string().max(16) }),
  /** The director's reset of a fob locked by wrong PINs. */
  resetFob: z.strictObject({ serial }),
  /** The printed Security Code Card, to view or print. */
  getCodeCard: z.strictObject({ serial }),

  getWorld: z.strictObject({}),
  getClock: z.strictObject({}),
  /** Virtual time: the director's skip buttons and the tests. */
  advanceClock: z.strictObject({ ms: z.number().int().min(0).max(7 * 24 * 3600 * 1000) }),
  setClockRunning: z.strictObject({ running: z.boolean() }),
  getJournal: z.strictObject({ afterSeq: z.number().int().min(0).optional() }),
  getScenario: z.strictObject({}),
  /** The running scenario's script with its captions, for the autopilot (the stage, the Director). */
  getScript: z.strictObject({}),
  /** Start the current scenario again from its beginning (same seed, same codes). */
  resetWorld: z.strictObject({}),
  /** Codes, challenges and push requests waiting to be answered, per user: for the director and testers. */
  listPending: z.strictObject({ username: z.string().max(MAX_USERNAME_CHARS).optional() }),
  /** The built-in scenario library. */
  listScenarios: z.strictObject({}),
  /** Replace the running scenario: a built-in one by name, or a file's text. A bad file changes nothing. */
  loadScenario: z.union([
    z.strictObject({ name: z.string().min(1).max(64) }),
    z.strictObject({ text: z.string().max(MAX_SCENARIO_CHARS), fileName: z.string().min(1).max(260) }),
  ]),
  /** Enrolment (required in Hong Kong and India, offered to others with no device): "Mobile Number" then VERIFY sends a confirmation code by SMS. */
  enrolSms: z.strictObject({ loginId, number: mobileNumber }),
  /** "Confirm Code" then CONTINUE: the number is verified and SMS becomes the user's second factor. */
  confirmSmsEnrolment: z.strictObject({ loginId, code: z.string().max(32) }),
  /** Every reason a message may not arrive, in plain words, with the help-article step that fixes it. */
  getReasons: z.strictObject({}),
} as const;

// The schemas and the zod-free name list must name the same operations, checked both ways.
type SchemaNames = keyof typeof requestSchemas;
const sameNames: [SchemaNames, OperationName] extends [OperationName, SchemaNames] ? true : never = true;
void sameNames;
export type { OperationName };
export type RequestOf<N extends OperationName> = z.input<(typeof requestSchemas)[N]>;

/** What each operation answers. */
export interface ResponseMap {
  submitCredentials: LoginView;
  chooseDevice: LoginView;
  changeDevice: LoginView;
  submitCode: LoginView;
  requestNewCode: LoginView;
  requestChallenge: LoginView;
  submitResponse: LoginView;
  acceptPaperWarning: LoginView;
  cancelLogin: LoginView;
  logOut: LoginView;
  getLogin: LoginView;
  getPhone: PhoneView;
  markMessagesRead: PhoneView;
  dismissNotification: PhoneView;
  setPhoneState: PhoneView;
  restartPhone: PhoneView;
  clearAppData: PhoneView;
  setSeamless: WorldView;
  approvePush: AppResponseView;
  generateResponse: AppResponseView;
  answerCall: PhoneView;
  endCall: PhoneView;
  getFob: FobView;
  fobPress: FobView;
  fobEnter: FobView;
  resetFob: FobView;
  getCodeCard: CodeCardView;
  getWorld: WorldView;
  getClock: ClockView;
  advanceClock: ClockView;
  setClockRunning: ClockView;
  getJournal: JournalPage;
  getScenario: ScenarioView;
  getScript: ScriptView;
  resetWorld: WorldView;
  listPending: PendingView[];
  listScenarios: ScenarioSummary[];
  loadScenario: LoadScenarioResult;
  getReasons: ReasonView[];
  enrolSms: LoginView;
  confirmSmsEnrolment: LoginView;
}
export type ResponseOf<N extends OperationName> = ResponseMap[N];

export { operationNames } from './names.js';

/** The whole API as one typed object: what the simulation implements and every client offers. */
export type Api = { [N in OperationName]: (request: RequestOf<N>) => Promise<ResponseOf<N>> };

/** The synchronous form the simulation implements; transports wrap it. */
export type Service = { [N in OperationName]: (request: RequestOf<N>) => ResponseOf<N> };

export function isOperationName(name: unknown): name is OperationName {
  return typeof name === 'string' && Object.hasOwn(requestSchemas, name);
}
