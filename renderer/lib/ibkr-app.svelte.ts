// The broker's mobile app on one phone: which of its screens is open, and the state behind each.
import type { Client } from './client';
import type { ClockState } from './clock.svelte';
import { AppLoginState } from './app-login.svelte';
import { ApprovalState, AuthenticateState, type PhoneRef } from './ibkey.svelte';

/** home: the app's first screen (its login when logged out); services: "Services" (logged out); approve: IB Key's login request. */
export type AppPage = 'home' | 'services' | 'authenticate' | 'approve';

export class IbkrAppState {
  page = $state<AppPage>('home');
  /** Where "Back" on Authenticate goes: Services when it was opened from there. */
  #previous: AppPage = 'home';
  readonly approval: ApprovalState;
  readonly authenticate: AuthenticateState;
  readonly login: AppLoginState;

  constructor(api: Client, clock: ClockState, phone: PhoneRef) {
    this.approval = new ApprovalState(api, clock, phone);
    this.authenticate = new AuthenticateState(api, phone);
    this.login = new AppLoginState(api, phone);
  }

  open(page: AppPage = 'home'): void {
    if (page === 'authenticate' && this.page !== 'authenticate') this.authenticate.reset();
    if (page !== this.page) this.#previous = this.page === 'services' ? 'services' : 'home';
    this.page = page;
  }

  back(): void {
    this.page = this.page === 'authenticate' ? this.#previous : 'home';
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
  }
}
