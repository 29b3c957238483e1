// The Client Portal's state: its own login (the same login machine, surface "portal"), the page shown
// once logged in, what was typed in its forms, and the settings' actions.
import type { LoginView, PortalView } from '../../main/api/views';
import { MOBILE_NUMBER_PATTERN } from '../../main/api/vocabulary';
import type { Client } from './client';
import { t } from './i18n.svelte';
import type { LoginState } from './login.svelte';

/** Home, Settings (User Settings), the Mobile Number's configuration, the Secure Login System. */
export type PortalPage = 'home' | 'settings' | 'mobile' | 'sls';

export class PortalState {
  /** The stage shows the Client Portal on its left (its tab), rather than the login window. */
  shown = $state(false);
  page = $state<PortalPage>('home');
  /** The user menu (head and shoulders, top right) is open. */
  menuOpen = $state(false);
  /** "Mobile Number" as typed, and "Confirmation Number". */
  mobileNumber = $state('');
  confirmation = $state('');
  /** The wheel (Configure) beside Seamless Authentication is open, with the switch as set before Save. */
  configuring = $state(false);
  seamlessDraft = $state(true);

  constructor(
    private readonly api: Client,
    readonly login: LoginState,
  ) {}

  /** The portal's settings, once its login is logged in. */
  get view(): PortalView | null {
    return this.login.view.portal;
  }

  get signedIn(): boolean {
    return this.login.step === 'loggedIn' && this.view !== null;
  }

  open(page: PortalPage): void {
    this.page = page;
    this.menuOpen = false;
    this.configuring = false;
    if (page === 'mobile') {
      const view = this.view;
      this.mobileNumber = view?.verification?.number ?? view?.mobile.number ?? '';
      this.confirmation = '';
    }
  }

  /** VERIFY: a Confirm Code by SMS to the number typed (spaces, dots, dashes and brackets allowed while typing). */
  verify(): Promise<void> {
    const number = this.mobileNumber.replace(/[\s().-]/g, '');
    if (!MOBILE_NUMBER_PATTERN.test(number)) {
      this.login.refuse(() => t('login.enrol.numberFormat'));
      return Promise.resolve();
    }
    this.confirmation = '';
    return this.login.perform((loginId) => this.api.verifyMobileNumber({ loginId, number }));
  }

  /** The Confirm Code in "Confirmation Number", then CONTINUE. */
  confirm(): Promise<void> {
    const code = this.confirmation.replace(/\s+/g, '');
    return this.login.perform((loginId) => this.api.confirmMobileNumber({ loginId, code }));
  }

  /** CONTINUE again, once "SMS Verified" shows its check: the procedure is finalised. */
  finish(): Promise<void> {
    return this.login.perform((loginId) => this.api.finishMobileVerification({ loginId }));
  }

  /** The wheel (Configure) beside Seamless Authentication. */
  configure(): void {
    this.seamlessDraft = this.view?.seamless ?? true;
    this.configuring = true;
  }

  async saveSeamless(): Promise<void> {
    const enabled = this.seamlessDraft;
    await this.login.perform((loginId) => this.api.saveSeamless({ loginId, enabled }));
    this.configuring = false;
  }

  optOut(): Promise<void> {
    return this.login.perform((loginId): Promise<LoginView> => this.api.optOutOfSls({ loginId }));
  }

  async logOut(): Promise<void> {
    this.menuOpen = false;
    await this.login.logOut();
    this.page = 'home';
  }
}
