// IB Key in the broker's app: approving a login request (push), and Authenticate (challenge → Response String).
import type { MessageCode } from '../../main/api/messages';
import type { PhoneView } from '../../main/api/views';
import type { Client } from './client';
import { errorText } from './window-error';
import type { ClockState } from './clock.svelte';
import { CHALLENGE_PATTERN, type UnlockMethod } from '../../main/api/vocabulary';
import { t } from './i18n.svelte';
import { messageText } from './messages';
import { isBiometric } from './unlock';

/** The app's refusals that point at the PIN field. */
const PIN_REFUSALS: ReadonlySet<MessageCode> = new Set<MessageCode>(['pin_form', 'wrong_pin', 'ibkey_locked']);

/** The phone the app runs on, as its screens see it. */
export interface PhoneRef {
  readonly id: string | null;
  readonly view: PhoneView | null;
}

/** A login request as it was when its notification was tapped: it stays on screen after it expires. */
export interface ApprovalRequest {
  loginId: string;
  username: string | null;
  product: string | null;
  expiresAt: number | null;
}

export class ApprovalState {
  request = $state.raw<ApprovalRequest | null>(null);
  pin = $state('');
  busy = $state(false);
  error = $state<string | null>(null);
  /** The app's confirmation once the login is approved. */
  approved = $state<string | null>(null);
  /** Counts refusals, so the PIN field can select what was typed for the next try. */
  rejections = $state(0);

  /** Virtual milliseconds the request has left; null when the phone never said. */
  readonly left = $derived.by(() => {
    const at = this.request?.expiresAt;
    return at === null || at === undefined ? null : Math.max(0, at - this.clock.now);
  });

  constructor(
    private readonly api: Client,
    private readonly clock: ClockState,
    private readonly phone: PhoneRef,
  ) {}

  start(loginId: string): void {
    const pending = this.phone.view?.app.pendingApprovals.find((p) => p.loginId === loginId);
    this.request = { loginId, username: pending?.username ?? null, product: pending?.product ?? null, expiresAt: pending?.expiresAt ?? null };
    this.reset(false);
  }

  reset(all = true): void {
    if (all) this.request = null;
    this.pin = '';
    this.error = null;
    this.approved = null;
  }

  /** The owner proves it is them (biometric, passcode or PIN); the login window then moves on by itself. */
  async approve(method: UnlockMethod): Promise<void> {
    const phoneId = this.phone.id;
    const request = this.request;
    if (!phoneId || !request || this.busy) return;
    if (method === 'pin' && !this.pin.trim()) {
      this.error = t('ibkr.enterPin');
      this.rejections++;
      return;
    }
    this.busy = true;
    this.error = null;
    try {
      const answer = await this.api.approvePush({ phoneId, loginId: request.loginId, method, pin: method === 'pin' ? this.pin.trim() : undefined });
      if (answer.ok) this.approved = messageText(answer.message);
      else {
        this.error = messageText(answer.message);
        this.rejections++;
      }
    } catch (error) {
      this.error = errorText(error);
      this.rejections++;
    } finally {
      this.busy = false;
    }
  }
}

export class AuthenticateState {
  challenge = $state('');
  pin = $state('');
  /** iOS asks for Face ID / Touch ID / the passcode once "Generate Response" is tapped. */
  prompting = $state(false);
  busy = $state(false);
  error = $state<string | null>(null);
  /** The 8-digit Response String, and the app's line under it. */
  response = $state<string | null>(null);
  message = $state<string | null>(null);
  /** The last refusal was about the PIN (its form, a wrong one, or the lock it caused): the PIN field is the one to fix. */
  pinRefused = $state(false);
  rejections = $state(0);

  constructor(
    private readonly api: Client,
    private readonly phone: PhoneRef,
  ) {}

  reset(): void {
    this.challenge = '';
    this.pin = '';
    this.prompting = false;
    this.error = null;
    this.pinRefused = false;
    this.response = null;
    this.message = null;
  }

  /** A changed challenge or PIN makes the shown response stale. */
  edited(): void {
    this.response = null;
    this.message = null;
  }

  /** "Generate Response": Android answers with the typed PIN; iOS first asks for the owner. */
  async generate(): Promise<void> {
    const app = this.phone.view?.app;
    if (!app || this.busy) return;
    if (app.asksPin) return this.#generate('pin', this.pin.trim());
    // The biometric comes only when there is something to sign; otherwise the app's own answer says what is wrong.
    const ready = CHALLENGE_PATTERN.test(this.challenge.trim()) && app.ibkeyUser !== null && !this.phone.view?.status.jailbroken;
    if (ready && (isBiometric(app.unlock) || app.unlock === 'passcode')) {
      this.error = null;
      this.prompting = true;
      return;
    }
    return this.#generate(app.unlock, undefined);
  }

  /** The iOS prompt answered: Face ID, Touch ID or the passcode. */
  confirm(method: UnlockMethod): Promise<void> {
    this.prompting = false;
    return this.#generate(method, undefined);
  }

  cancelPrompt(): void {
    this.prompting = false;
  }

  async #generate(method: UnlockMethod, pin: string | undefined): Promise<void> {
    const phoneId = this.phone.id;
    if (!phoneId) return;
    this.busy = true;
    this.error = null;
    this.pinRefused = false;
    this.response = null;
    this.message = null;
    try {
      const answer = await this.api.generateResponse({ phoneId, challenge: this.challenge.trim(), method, pin });
      if (answer.ok && answer.response) {
        this.response = answer.response;
        this.message = messageText(answer.message);
      } else {
        this.error = messageText(answer.message);
        this.pinRefused = PIN_REFUSALS.has(answer.message.code);
        this.rejections++;
      }
    } catch (error) {
      this.error = errorText(error);
      this.rejections++;
    } finally {
      this.busy = false;
    }
  }
}
