// The login window's state: the server's view of the login, what the user typed, and the actions.
import { blankLoginView } from '../../main/api/blank-login-view';
import type { LoginView } from '../../main/api/views';
import { EXAMPLE_MOBILE_NUMBERS, MOBILE_NUMBER_PATTERN, type CodeChannel, type LoginSurface, type TradingMode } from '../../main/api/vocabulary';
import { ClientError, type Client } from './client';
import { errorId } from './window-error';
import type { ClockState } from './clock.svelte';
import { t } from './i18n.svelte';
import { textOf } from './messages';

export class LoginState {
  view = $state.raw<LoginView>(blankLoginView('live'));
  /** The fields keep what was typed, whatever the server answers (a refusal names no user). */
  username = $state('');
  password = $state('');
  code = $state('');
  /** The challenge's "Enter response code", or the card values. */
  response = $state('');
  /** The Security Code Card viewer, opened from the card step. */
  cardOpen = $state(false);
  mode = $state<TradingMode>('live');
  /** "Read-Only Login" ticked (offered when the scenario's readOnlyLogin is on). */
  readOnly = $state(false);
  /** A request is in flight: buttons wait, fields keep focus. */
  busy = $state(false);
  /** An error from the transport (the server's refusals come in the view) or this window's own check: a function, so its words follow the language. */
  #clientError = $state<(() => string) | null>(null);
  /** Counts answers that carried an error, so a step can select its field again. */
  rejections = $state(0);

  readonly step = $derived(this.view.step);
  /** "Remind me later": the enrolment offer of the logged-in screen is put off, its errors with it. */
  enrolLater = $state(false);
  readonly error = $derived(this.#clientError?.() ?? (this.enrolLater && this.view.step === 'loggedIn' ? null : textOf(this.view.error)));
  /** The server's informational line, in the window's words. */
  readonly notice = $derived(textOf(this.view.notice));
  /** Milliseconds until "Didn't receive a security code?" may send a new SMS (0 = now). */
  readonly resendWait = $derived.by(() => {
    const at = this.view.resendAvailableAt;
    return at === null ? 0 : Math.max(0, at - this.clock.now);
  });
  /** Milliseconds until it may ask for the voice callback (0 = now): its own clock unless the scenario ties it to the SMS's. */
  readonly voiceWait = $derived.by(() => {
    const at = this.view.voiceAvailableAt;
    return at === null ? 0 : Math.max(0, at - this.clock.now);
  });

  constructor(
    private readonly api: Client,
    private readonly clock: ClockState,
    /** Told of every view this window shows (the stage's phone follows it). */
    private readonly onview: (view: LoginView) => void = () => {},
    /** Where this window logs in: the trading platform's login window, or the Client Portal (the same server). */
    readonly surface: LoginSurface = 'tws',
  ) {
    if (surface !== 'tws') this.view = blankLoginView('live', 0, surface);
  }

  connect(): () => void {
    const offLogin = this.api.on('login', ({ login }) => {
      // Events of every login reach every window; this window follows only its own.
      if (login.loginId !== null && login.loginId === this.view.loginId) this.#show(login);
    });
    // A reset or another scenario ends every login and the window starts from its first frame (fields
    // empty, Live Trading), so take 2 starts where take 1 did; the same world in another language keeps it.
    const offWorld = this.api.on('world', ({ change }) => {
      // Another language, a phone added: the same world, what is shown stays.
      if (change) return;
      this.username = '';
      this.password = '';
      this.enrolNumber = '';
      this.mode = 'live';
      this.#clientError = null;
      this.#show(blankLoginView('live', this.clock.now, this.surface));
    });
    return () => {
      offLogin();
      offWorld();
    };
  }

  #show(view: LoginView): void {
    const before = this.view;
    this.view = view;
    this.clock.observe(view.now);
    this.onview(view);
    if (view.loginId !== before.loginId) {
      // Another login: its own enrolment, if any.
      this.enrolLater = false;
      this.enrolNumber = '';
    }
    if (view.step !== before.step || view.loginId !== before.loginId) {
      this.code = '';
      this.response = '';
      if (view.step !== 'codecard') this.cardOpen = false;
    }
  }

  async #run(action: () => Promise<LoginView>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.#clientError = null;
    try {
      const view = await action();
      this.#show(view);
      // Only answers to the user's own action re-select a field: a late event must not eat what is being typed.
      if (view.error) this.rejections++;
    } catch (error) {
      // Read in the language of the moment: a switch while the alert shows re-words it.
      const id = errorId(error);
      this.#clientError = () => t(id);
      this.rejections++;
      // The login is gone on the server (reset, expired): back to the first screen, fields kept.
      if (error instanceof ClientError && error.code === 'not_found') this.view = blankLoginView(this.mode, this.clock.now, this.surface);
    } finally {
      this.busy = false;
    }
  }

  #id(): string {
    return this.view.loginId ?? '';
  }

  /** Reads the login again after missed events; a login that ended meanwhile returns to the first screen. */
  async refresh(): Promise<void> {
    const loginId = this.view.loginId;
    if (!loginId || this.busy) return;
    try {
      this.#show(await this.api.getLogin({ loginId }));
    } catch {
      if (this.view.loginId === loginId) this.#show(blankLoginView(this.mode, this.clock.now, this.surface));
    }
  }

  setMode(mode: TradingMode): void {
    if (this.step === 'credentials') this.mode = mode;
  }

  submitCredentials(): Promise<void> {
    const readOnly = this.readOnly ? { readOnly: true } : {};
    const surface = this.surface === 'portal' ? { surface: this.surface } : {};
    return this.#run(() => this.api.submitCredentials({ username: this.username.trim(), password: this.password, mode: this.mode, ...readOnly, ...surface }));
  }

  chooseDevice(deviceId: string): Promise<void> {
    return this.#run(() => this.api.chooseDevice({ loginId: this.#id(), deviceId }));
  }

  changeDevice(): Promise<void> {
    return this.#run(() => this.api.changeDevice({ loginId: this.#id() }));
  }

  submitCode(): Promise<void> {
    return this.#run(() => this.api.submitCode({ loginId: this.#id(), code: this.code.replace(/\s+/g, '') }));
  }

  requestNewCode(channel: CodeChannel): Promise<void> {
    return this.#run(() => this.api.requestNewCode({ loginId: this.#id(), channel }));
  }

  /** "Click here if you do not receive the notification": IB Key's challenge instead of the push. */
  requestChallenge(): Promise<void> {
    return this.#run(() => this.api.requestChallenge({ loginId: this.#id() }));
  }

  /** The response code (IB Key, DSC+) or the card values, sent without spaces. */
  submitResponse(): Promise<void> {
    return this.#run(() => this.api.submitResponse({ loginId: this.#id(), response: this.response.replace(/\s+/g, '') }));
  }

  /** Enrolment: the number typed in "Mobile Number"; the Confirm Code goes in `code` ("Confirmation Number"). */
  enrolNumber = $state('');
  /** The example in "Mobile Number": a number of the user's own region. */
  readonly exampleNumber = $derived(EXAMPLE_MOBILE_NUMBERS[this.view.enrolment?.region ?? 'US']);

  /** VERIFY: a confirmation code by SMS to the number typed (spaces, dots, dashes and brackets allowed while typing). */
  enrolSms(): Promise<void> {
    const number = this.enrolNumber.replace(/[\s().-]/g, '');
    if (!MOBILE_NUMBER_PATTERN.test(number)) {
      // Said here, in the field's own name; the server refuses such a number too.
      const example = this.exampleNumber;
      this.#clientError = () => t('login.enrol.numberFormat', { example });
      this.rejections++;
      return Promise.resolve();
    }
    return this.#run(() => this.api.enrolSms({ loginId: this.#id(), number }));
  }

  /** "Remind me later": the logged-in screen stops offering enrolment for this login. */
  remindLater(): void {
    this.enrolLater = true;
    this.#clientError = null;
  }

  /** CONTINUE: the Confirm Code from the SMS, typed in "Confirmation Number", verifies the number ("SMS Verified"). */
  confirmSmsEnrolment(): Promise<void> {
    return this.#run(() => this.api.confirmSmsEnrolment({ loginId: this.#id(), code: this.code.replace(/\s+/g, '') }));
  }

  /** "Continue Login" on "Existing session detected": the other trading session is disconnected. */
  continueLogin(): Promise<void> {
    return this.#run(() => this.api.continueLogin({ loginId: this.#id() }));
  }

  /** CONTINUE again, the green check in "SMS Verified": finalises the procedure; SMS is the second factor. */
  finishSmsEnrolment(): Promise<void> {
    return this.#run(() => this.api.finishSmsEnrolment({ loginId: this.#id() }));
  }

  /** An operation on this window's login (the Client Portal's settings): its answer shown like any other. */
  perform(action: (loginId: string) => Promise<LoginView>): Promise<void> {
    return this.#run(() => action(this.#id()));
  }

  /** This window's own check refused what was typed (its words follow the language). */
  refuse(words: () => string): void {
    this.#clientError = words;
    this.rejections++;
  }

  acceptPaperWarning(): Promise<void> {
    return this.#run(() => this.api.acceptPaperWarning({ loginId: this.#id() }));
  }

  /** Cancel, or start again after a failed login: back to the first screen with the username kept. */
  async cancel(): Promise<void> {
    await this.#run(() => this.api.cancelLogin({ loginId: this.#id() }));
    if (this.step === 'credentials') this.password = '';
  }

  async logOut(): Promise<void> {
    await this.#run(() => this.api.logOut({ loginId: this.#id() }));
    if (this.step === 'credentials') this.password = '';
  }
}
