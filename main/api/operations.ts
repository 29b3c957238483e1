// The operations every transport serves: names and runtime schemas of their requests.
import { z } from 'zod';
import { phoneStatePatchSchema } from './phone-state.js';
import type { OperationName } from './names.js';
import type { ReasonView } from './reasons.js';
import type { JournalPage } from './events.js';
import type { ScriptView } from './script-view.js';
import { CODE_CHANNELS, LOCALES, LOGIN_SURFACES, MAX_PASSWORD_CHARS, MAX_SCENARIO_CHARS, MAX_USERNAME_CHARS, MOBILE_NUMBER_PATTERN, MOBILE_NUMBER_RULE, PHONE_ROLES, PLATFORMS, TRADING_MODES, UNLOCK_METHODS } from './vocabulary.js';
import type {
  LoginView,
  PhoneView,
  WorldView,
  WorldExportView,
  ClockView,
  ScenarioView,
  FobView,
  CodeCardView,
  AppResponseView,
  ActivationAnswer,
  AddPhoneAnswer,
  PendingView,
  ScenarioSummary,
  LoadScenarioResult,
} from './views.js';

const loginId = z.string().regex(/^L\d{1,9}$/, 'must be a login id such as L1').describe('The login attempt, as submitCredentials answered it (L1, L2…).');
const serial = z.string().min(1).max(32).regex(/^[A-Z0-9-]+$/, 'must be a serial number such as SNA-52903318').describe('A DSC+ fob\'s or code card\'s serial number.');
const phoneId = z.string().min(1).max(64).regex(/^[a-z0-9-]+$/, 'must be a phone id').describe('A phone\'s id (getWorld lists them), e.g. sms-phone.');
/** A mobile number, in scenario files and enrolment alike (the one pattern of vocabulary.ts). */
export const mobileNumber = z.string().regex(MOBILE_NUMBER_PATTERN, MOBILE_NUMBER_RULE);

/** Limits stop a hostile or buggy caller from feeding megabytes into the simulation. */
export const requestSchemas = {
  submitCredentials: z.strictObject({
    username: z.string().max(MAX_USERNAME_CHARS),
    password: z.string().max(MAX_PASSWORD_CHARS),
    mode: z.enum(TRADING_MODES),
    phoneId: phoneId.optional().describe('Set when the login comes from the mobile app on this phone (the "trading device").'),
    readOnly: z
      .boolean()
      .optional()
      .describe('"Read-Only Login" ticked (where the scenario offers it): a user enrolled in the Secure Login System logs in with the password alone, orders disabled.'),
    surface: z.enum(LOGIN_SURFACES).optional().describe('Where the login is typed: the trading platform\'s window (tws, the default) or the Client Portal (portal); the same server and rules.'),
  }).describe('First screen: username and password, live or paper.'),
  chooseDevice: z.strictObject({ loginId, deviceId: z.string().min(1).max(64) }).describe('"Select Second Factor Device" when the user has several.'),
  changeDevice: z.strictObject({ loginId }).describe('Back to the device drop-down without starting over.'),
  submitCode: z.strictObject({ loginId, code: z.string().max(32) }).describe('The "Security Code" field (SMS or voice).'),
  requestNewCode: z.strictObject({ loginId, channel: z.enum(CODE_CHANNELS) }).describe('"Didn\'t receive a security code?" → SMS or Voice.'),
  requestChallenge: z.strictObject({ loginId }).describe('"Click here if you do not receive the notification" (IB Key) → a challenge.'),
  submitResponse: z.strictObject({ loginId, response: z.string().max(32) }).describe('"Enter response code" (IB Key, DSC+) or the card values, then OK.'),
  continueLogin: z.strictObject({ loginId }).describe('"Continue Login" on "Existing session detected": the other trading session is disconnected and this login goes on.'),
  acceptPaperWarning: z.strictObject({ loginId }).describe('"I understand and accept" on the paper-trading warning.'),
  cancelLogin: z.strictObject({ loginId }).describe('Abandon the login in progress (Cancel / close).'),
  logOut: z.strictObject({ loginId }).describe('Log out of a session that logged in (the logged-in screen\'s Log Out).'),
  getLogin: z.strictObject({ loginId }).describe('The login window\'s view of an attempt, as it stands now.'),

  getPhone: z.strictObject({ phoneId }).describe('The phone\'s screens read this; the user reading an SMS marks it read.'),
  markMessagesRead: z.strictObject({ phoneId }).describe('The Messages app opened: every SMS on the phone read.'),
  dismissNotification: z.strictObject({ phoneId, notificationId: z.string().min(1).max(64) }).describe('A notification swiped away from the phone\'s list.'),

  setPhoneState: z.strictObject({ phoneId, patch: phoneStatePatchSchema }).describe('Quick settings, the Settings app, and the director\'s faults: a partial update of the phone\'s state.'),
  restartPhone: z.strictObject({ phoneId }).describe('Power off and on: clears transient faults (SMS article, step 2).'),
  clearAppData: z.strictObject({ phoneId }).describe('Android: Settings → Apps → the app → Storage → Clear data. IB Key must then be activated again.'),
  setSeamless: z.strictObject({ username: z.string().max(MAX_USERNAME_CHARS), enabled: z.boolean() }).describe('Client Portal → Settings → Secure Login System → Seamless Authentication.'),
  setLocale: z.strictObject({ locale: z.enum(LOCALES) }).describe("The windows' language (View → Language, the Director's and the stage's switch): every window follows it; what users are sent keeps their own language."),
  approvePush: z.strictObject({
    phoneId,
    loginId,
    method: z.enum(UNLOCK_METHODS),
    pin: z.string().max(16).optional(),
  }).describe('IB Key on the phone: the user confirms a login request with the biometric or the PIN.'),
  generateResponse: z.strictObject({
    phoneId,
    challenge: z.string().max(16),
    method: z.enum(UNLOCK_METHODS),
    pin: z.string().max(16).optional(),
  }).describe('The app\'s "Authenticate": challenge (and on Android the PIN) → "Response String".'),
  addPhone: z
    .strictObject({
      phoneId: phoneId.optional().describe("The new phone's id (lower-case letters, digits, dashes); left out, one is made from the owner and the role (ibkeyios-new-phone)."),
      platform: z.enum(PLATFORMS),
      model: z.string().min(1).max(60).describe('One of the models of its platform (PHONE_MODELS: iPhone 16, Google Pixel 9…); another is refused (add_phone_bad_model).'),
      owner: z.string().min(1).max(MAX_USERNAME_CHARS).describe('The user whose phone it is: the stage shows it while they log in.'),
      role: z.enum(PHONE_ROLES).describe('newPhone: a phone IB Key migrates to, without the app (the app store installs it); tradingDevice: the app installed, for its own login while IB Key stays on the other phone.'),
    })
    .describe('The Director adds a second phone to the running scenario (a new phone for migration, a trading device); refused with a message code for an unknown owner, an id taken, a model not of the platform.'),
  installApp: z.strictObject({ phoneId }).describe("The phone's app store (App Store, Google Play): install the broker's app; IB Key must then be activated in it."),
  uninstallApp: z.strictObject({ phoneId }).describe("Remove the broker's app from the phone: IB Key goes with it (a reinstall must reactivate it)."),
  startIbKeyActivation: z.strictObject({
    phoneId,
    username: z.string().max(MAX_USERNAME_CHARS),
    password: z.string().max(MAX_PASSWORD_CHARS),
    purpose: z.enum(['activate', 'migrate']).describe('migrate: "Migrate IB Key" (IB Key active on another phone); activate: first activation, or reactivation on the same phone (the server tells which).'),
  }).describe("The app's log in for IB Key activation: the Activation Token goes by SMS to the number on record, or the physical device's challenge is shown."),
  resendActivationToken: z.strictObject({ phoneId }).describe('A new Activation Token (at most every resend interval); the old one stops working.'),
  submitActivationToken: z.strictObject({
    phoneId,
    token: z.string().max(32),
    pin: z.string().max(16).optional().describe("Android reactivation: the app PIN set before."),
    method: z.enum(UNLOCK_METHODS).optional().describe("iOS reactivation: how the owner confirmed (the phone's biometric or passcode)."),
  }).describe('"Activation Code" → Activate (iOS), "SMS Code" → Verify (Android).'),
  setActivationPin: z.strictObject({ phoneId, pin: z.string().max(16), repeat: z.string().max(16) }).describe('Android: "PIN" and "Repeat PIN" → Activate.'),
  answerCall: z.strictObject({ phoneId, callId: z.string().min(1).max(64) }).describe('Answer the ringing voice callback: the voice reads the code out.'),
  endCall: z.strictObject({ phoneId, callId: z.string().min(1).max(64) }).describe('Hang up (or decline) a call.'),

  getFob: z.strictObject({ serial }).describe('The Digital Security Card+ fob, by serial number.'),
  fobPress: z.strictObject({ serial }).describe('The fob\'s button: it turns on and asks for the PIN.'),
  fobEnter: z.strictObject({ serial, digits: z.string().max(16) }).describe('Digits typed on the fob\'s keypad, then its OK key: the PIN, then the challenge.'),
  resetFob: z.strictObject({ serial }).describe('The director\'s reset of a fob locked by wrong PINs.'),
  getCodeCard: z.strictObject({ serial }).describe('The printed Security Code Card, to view or print.'),

  getWorld: z.strictObject({}).describe('Users, devices, phones, fobs, cards and the clock.'),
  getClock: z.strictObject({}).describe('The virtual clock.'),
  advanceClock: z.strictObject({ ms: z.number().int().min(0).max(7 * 24 * 3600 * 1000) }).describe('Virtual time: the director\'s skip buttons and the tests.'),
  setClockRunning: z.strictObject({ running: z.boolean() }).describe('Pause or resume virtual time.'),
  getJournal: z.strictObject({ afterSeq: z.number().int().min(0).optional() }).describe('Journal entries after a sequence number (all of them without one).'),
  getScenario: z.strictObject({}).describe('The running scenario: name, title, seed, branding, article.'),
  getScript: z.strictObject({}).describe("The running scenario's script with its captions and each login's password, for the autopilot (the stage, the Director)."),
  resetWorld: z.strictObject({}).describe('Start the current scenario again from its beginning (same seed, same codes).'),
  listPending: z.strictObject({ username: z.string().max(MAX_USERNAME_CHARS).optional() }).describe('Codes, challenges and push requests waiting to be answered, per user: for the director and testers.'),
  listScenarios: z.strictObject({}).describe('The built-in scenario library.'),
  loadScenario: z.union([
    z.strictObject({ name: z.string().min(1).max(64) }).describe('A built-in scenario, by its name (listScenarios).'),
    z.strictObject({ text: z.string().max(MAX_SCENARIO_CHARS), fileName: z.string().min(1).max(260) }).describe('A scenario file\'s text; fileName names it in the problems.'),
  ]).describe('Replace the running scenario: a built-in one by name, or a file\'s text. A bad file changes nothing.'),
  enrolSms: z.strictObject({ loginId, number: mobileNumber }).describe('Enrolment (required in Hong Kong and India, offered to others with no device): "Mobile Number" then VERIFY sends a confirmation code by SMS.'),
  confirmSmsEnrolment: z.strictObject({ loginId, code: z.string().max(32) }).describe('The Confirm Code typed in "Confirmation Number", then CONTINUE: the number is verified (a green check in "SMS Verified").'),
  finishSmsEnrolment: z.strictObject({ loginId }).describe('CONTINUE again once "SMS Verified" is checked: the procedure is finalised, SMS becomes the user\'s second factor and a required login goes on.'),
  verifyMobileNumber: z.strictObject({ loginId, number: mobileNumber }).describe('Client Portal → Settings → User Settings → the gear beside "Mobile Number" → VERIFY: a Confirm Code by SMS (a new one only every resend interval).'),
  confirmMobileNumber: z.strictObject({ loginId, code: z.string().max(32) }).describe('Client Portal: the Confirm Code in "Confirmation Number", then CONTINUE: the green check under "SMS Verified".'),
  finishMobileVerification: z.strictObject({ loginId }).describe('Client Portal: CONTINUE again finalises; a user with no active SLS device is enrolled in SMS shortly afterwards (timing.autoEnrolDelay).'),
  saveSeamless: z.strictObject({ loginId, enabled: z.boolean() }).describe('Client Portal → Secure Login System → Secure Login Settings → the wheel (Configure) → Seamless Authentication → Save.'),
  optOutOfSls: z.strictObject({ loginId }).describe('Client Portal → Secure Login System: opt out (refused for Hong Kong and India accounts, with the regulation).'),
  getReasons: z.strictObject({}).describe('Every reason a message may not arrive, in plain words, with the help-article step that fixes it.'),
  exportWorld: z.strictObject({}).describe('The running world as a scenario file that loads back to the same world; a login in progress is not saved.'),
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
  continueLogin: LoginView;
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
  setLocale: WorldView;
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
  exportWorld: WorldExportView;
  enrolSms: LoginView;
  confirmSmsEnrolment: LoginView;
  finishSmsEnrolment: LoginView;
  verifyMobileNumber: LoginView;
  confirmMobileNumber: LoginView;
  finishMobileVerification: LoginView;
  saveSeamless: LoginView;
  optOutOfSls: LoginView;
  addPhone: AddPhoneAnswer;
  installApp: PhoneView;
  uninstallApp: PhoneView;
  startIbKeyActivation: ActivationAnswer;
  resendActivationToken: ActivationAnswer;
  submitActivationToken: ActivationAnswer;
  setActivationPin: ActivationAnswer;
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
