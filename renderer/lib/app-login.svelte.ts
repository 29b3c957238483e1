// The broker's app logging in on this phone (the "trading device" of "IB Key on another phone"): fields, steps and actions.
import type { LoginView } from '../../main/api/views';
import { currentAppLogin } from './app-login-view';
import type { Client } from './client';
import { errorText } from './window-error';
import { t } from './i18n.svelte';
import type { PhoneRef } from './ibkey.svelte';
import { textOf } from './messages';

export class AppLoginState {
  username = $state('');
  password = $state('');
  code = $state('');
  response = $state('');
  /** Enrolment required by the regulator: the number typed in "Mobile Number"; its confirmation code goes in `code`. */
  enrolNumber = $state('');
  busy = $state(false);
  rejections = $state(0);
  #local = $state.raw<LoginView | null>(null);
  #clientError = $state<string | null>(null);

  readonly view = $derived.by(() => currentAppLogin(this.phone.view?.app.login ?? null, this.#local, this.phone.view));
  readonly step = $derived(this.view?.step ?? 'credentials');
  readonly error = $derived(this.#clientError ?? textOf(this.view?.error));
  /** The server's informational line, in the window's words. */
  readonly notice = $derived(textOf(this.view?.notice));

  constructor(
    private readonly api: Client,
    private readonly phone: PhoneRef,
  ) {}

  /** Another phone on screen, or a reset world: nothing of the old login stays. */
  reset(): void {
    this.#local = null;
    this.#clientError = null;
    this.password = '';
    this.code = '';
    this.response = '';
    this.enrolNumber = '';
  }

  async #run(action: (phoneId: string, loginId: string) => Promise<LoginView>): Promise<void> {
    const phoneId = this.phone.id;
    if (!phoneId || this.busy) return;
    this.busy = true;
    this.#clientError = null;
    const before = this.view;
    try {
      const view = await action(phoneId, before?.loginId ?? '');
      this.#local = view;
      if (view.step !== before?.step || view.loginId !== before?.loginId) {
        this.code = '';
        this.response = '';
      }
      if (view.error) this.rejections++;
    } catch (error) {
      this.#clientError = errorText(error);
      this.rejections++;
    } finally {
      this.busy = false;
    }
  }

  submitCredentials(): Promise<void> {
    if (!this.username.trim() || !this.password) {
      this.#clientError = t('ibkr.enterCredentials');
      this.rejections++;
      return Promise.resolve();
    }
    return this.#run((phoneId) => this.api.submitCredentials({ username: this.username.trim(), password: this.password, mode: 'live', phoneId }));
  }

  /** "Two-Factor Authentication": the challenge instead of waiting for the notification. */
  requestChallenge(): Promise<void> {
    return this.#run((_, loginId) => this.api.requestChallenge({ loginId }));
  }

  submitResponse(): Promise<void> {
    return this.#run((_, loginId) => this.api.submitResponse({ loginId, response: this.response.replace(/\s+/g, '') }));
  }

  submitCode(): Promise<void> {
    return this.#run((_, loginId) => this.api.submitCode({ loginId, code: this.code.replace(/\s+/g, '') }));
  }

  chooseDevice(deviceId: string): Promise<void> {
    return this.#run((_, loginId) => this.api.chooseDevice({ loginId, deviceId }));
  }

  /** VERIFY: a confirmation code by SMS to the number typed (the server checks its form and says what is wrong). */
  enrolSms(): Promise<void> {
    return this.#run((_, loginId) => this.api.enrolSms({ loginId, number: this.enrolNumber.replace(/[\s().-]/g, '') }));
  }

  /** CONTINUE: the Confirm Code from the SMS, typed in "Confirmation Number", verifies the number ("SMS Verified"). */
  confirmSmsEnrolment(): Promise<void> {
    return this.#run((_, loginId) => this.api.confirmSmsEnrolment({ loginId, code: this.code.replace(/\s+/g, '') }));
  }

  /** "Continue Login" on "Existing session detected": the other trading session is disconnected. */
  continueLogin(): Promise<void> {
    return this.#run((_, loginId) => this.api.continueLogin({ loginId }));
  }

  /** CONTINUE again, the green check in "SMS Verified": the procedure is finalised and the login goes on. */
  finishSmsEnrolment(): Promise<void> {
    return this.#run((_, loginId) => this.api.finishSmsEnrolment({ loginId }));
  }

  acceptPaperWarning(): Promise<void> {
    return this.#run((_, loginId) => this.api.acceptPaperWarning({ loginId }));
  }

  async cancel(): Promise<void> {
    await this.#run((_, loginId) => this.api.cancelLogin({ loginId }));
    this.password = '';
  }

  async logOut(): Promise<void> {
    await this.#run((_, loginId) => this.api.logOut({ loginId }));
    this.password = '';
  }
}
