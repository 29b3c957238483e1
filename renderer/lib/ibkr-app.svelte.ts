// The broker's mobile app on one phone: which of its screens is open, and the state behind each.
import type { Client } from './client';
import type { ClockState } from './clock.svelte';
import { AppLoginState } from './app-login.svelte';
import { ApprovalState, AuthenticateState, type PhoneRef } from './ibkey.svelte';
import { ActivationState } from './ibkey-activation.svelte';

/**
 * home: the app's first screen (its login when logged out); services: "Services" (logged out);
 * approve: IB Key's login request; activation: IB Key's activation, reactivation or migration;
 * more: the logged-in app's "More" (iOS) or "Menu" (Android), through which Authenticate is reached.
 */
export type AppPage = 'home' | 'services' | 'authenticate' | 'approve' | 'activation' | 'more';

export class IbkrAppState {
  page = $state<AppPage>('home');
  /** Where "Back" on Authenticate goes: Services when it was opened from there. */
  #previous: AppPage = 'home';
  readonly approval: ApprovalState;
  readonly authenticate: AuthenticateState;
  readonly login: AppLoginState;
  readonly activation: ActivationState;

  constructor(api: Client, clock: ClockState, phone: PhoneRef) {
    this.approval = new ApprovalState(api, clock, phone);
    this.authenticate = new AuthenticateState(api, phone);
    this.login = new AppLoginState(api, phone);
    this.activation = new ActivationState(api, phone);
  }

  open(page: AppPage = 'home'): void {
    if (page === 'authenticate' && this.page !== 'authenticate') this.authenticate.reset();
    if (page !== this.page) this.#previous = this.page === 'services' || this.page === 'more' ? this.page : 'home';
    this.page = page;
  }

  /**
   * The app's icon tapped again: its first screen, except an activation left waiting for its token or
   * PIN (the owner went to Messages to read the SMS), which the app shows again as it was left.
   */
  resume(): void {
    const step = this.activation.view?.step;
    if (this.page === 'activation' && (step === 'token' || step === 'pin')) return;
    this.open('home');
  }

  back(): void {
    this.page = this.page === 'authenticate' ? this.#previous : 'home';
  }

  /** "Migrate IB Key" (the app's log in, IB Key on another phone) or Services → "Activate IB Key". */
  async beginActivation(purpose: 'activate' | 'migrate'): Promise<void> {
    const username = this.login.view?.username ?? this.login.username;
    // Migration leaves the log in it came from: the app logs in again for it (article, step 4).
    if (purpose === 'migrate' && this.login.view?.loginId) await this.login.cancel();
    this.activation.begin(purpose, username);
    this.page = 'activation';
  }

  /** The app's notification tapped: IB Key opens on that login request. */
  approve(loginId: string): void {
    this.approval.start(loginId);
    this.page = 'approve';
  }

  reset(): void {
    this.page = 'home';
    this.#previous = 'home';
    this.approval.reset();
    this.authenticate.reset();
    this.login.reset();
    this.activation.reset();
  }
}
