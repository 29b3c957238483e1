// IB Key's activation in the broker's app (first activation, reactivation, migration): the app's
// screens before the server knows of it ("Migrate IB Key" confirmed, the instructions, the log in),
// then the server's activation as the phone's view carries it (the token, Android's PIN, done).
import type { ActivationAnswer, ActivationView } from '../../main/api/views';
import { appPinProblems, type UnlockMethod } from '../../main/api/vocabulary';
import { errorMessage, type Client } from './client';
import { t } from './i18n.svelte';
import type { PhoneRef } from './ibkey.svelte';
import { messageText, textOf } from './messages';
import type { MessageId } from '../i18n/keys';

/** confirm: "Migrate IB Key" to confirm; instructions: read, then Continue; login: the log in again; server: the activation the server holds. */
export type ActivationPhase = 'confirm' | 'instructions' | 'login' | 'server';

const PIN_PROBLEM_WORDS = {
  too_short: 'messages.pin_rule_too_short',
  too_long: 'messages.pin_rule_too_long',
  not_alphanumeric: 'messages.pin_rule_not_alphanumeric',
  no_number: 'messages.pin_rule_no_number',
} as const satisfies Record<ReturnType<typeof appPinProblems>[number], MessageId>;

export class ActivationState {
  purpose = $state<'activate' | 'migrate'>('activate');
  phase = $state<ActivationPhase>('login');
  username = $state('');
  password = $state('');
  /** The Activation Token ("Activation Code" on iOS, "SMS Code" on Android). */
  token = $state('');
  /** Android reactivation: the app PIN set before. */
  currentPin = $state('');
  pin = $state('');
  repeat = $state('');
  busy = $state(false);
  /** iOS reactivation: the sheet asking for the phone's biometric or passcode is up. */
  prompting = $state(false);
  rejections = $state(0);
  /** What the app itself says (a PIN breaking the rules, empty fields), before or instead of the server. */
  #local = $state<string[]>([]);
  #clientError = $state<string | null>(null);

  /** The server's activation on this phone, once the log in started it. */
  readonly view = $derived.by<ActivationView | null>(() => (this.phase === 'server' ? (this.phone.view?.app.activation ?? null) : null));
  /** Every line the screen shows in its alert: the app's own checks, else the server's refusal. */
  readonly errors = $derived.by(() => {
    if (this.#local.length) return this.#local;
    const server = this.#clientError ?? textOf(this.view?.error ?? null);
    return server ? [server] : [];
  });
  readonly notice = $derived(textOf(this.view?.notice ?? null));

  constructor(
    private readonly api: Client,
    private readonly phone: PhoneRef,
  ) {}

  /** "Migrate IB Key" (from the app's log in) asks to confirm first; "Activate IB Key" (Services) goes to the log in. */
  begin(purpose: 'activate' | 'migrate', username = ''): void {
    this.reset();
    this.purpose = purpose;
    this.username = username;
    this.phase = purpose === 'migrate' ? 'confirm' : 'login';
  }

  reset(): void {
    this.phase = 'login';
    this.password = '';
    this.token = '';
    this.currentPin = '';
    this.pin = '';
    this.repeat = '';
    this.prompting = false;
    this.#local = [];
    this.#clientError = null;
  }

  confirm(): void {
    this.phase = 'instructions';
  }

  continue(): void {
    this.phase = 'login';
  }

  #refuse(lines: string[]): void {
    this.#local = lines;
    this.rejections++;
  }

  async #run(call: (phoneId: string) => Promise<ActivationAnswer>): Promise<boolean> {
    const phoneId = this.phone.id;
    if (!phoneId || this.busy) return false;
    this.busy = true;
    this.#local = [];
    this.#clientError = null;
    try {
      const answer = await call(phoneId);
      if (answer.error) {
        this.#clientError = messageText(answer.error);
        this.rejections++;
        return false;
      }
      if (answer.activation?.error) this.rejections++;
      return true;
    } catch (error) {
      this.#clientError = errorMessage(error);
      this.rejections++;
      return false;
    } finally {
      this.busy = false;
    }
  }

  async logIn(): Promise<void> {
    const username = this.username.trim();
    if (!username || !this.password) return this.#refuse([t('ibkr.enterCredentials')]);
    const purpose = this.purpose;
    const started = await this.#run((phoneId) => this.api.startIbKeyActivation({ phoneId, username, password: this.password, purpose }));
    this.password = '';
    if (started) this.phase = 'server';
  }

  resend(): Promise<boolean> {
    return this.#run((phoneId) => this.api.resendActivationToken({ phoneId }));
  }

  /** iOS "Activate" / Android "Verify"; an iOS reactivation first asks for the phone's biometric or passcode. */
  async submitToken(): Promise<void> {
    const view = this.view;
    if (!view) return;
    const token = this.token.replace(/\s+/g, '');
    if (!token) return this.#refuse([t('ibkr.activation.enterToken')]);
    if (view.asksCurrentPin && !this.currentPin.trim()) return this.#refuse([t('ibkr.enterPin')]);
    if (view.asksOwner && !this.prompting) {
      this.#local = [];
      this.prompting = true;
      return;
    }
    await this.#submit(undefined);
  }

  /** The iOS sheet answered: Face ID, Touch ID or the passcode. */
  confirmOwner(method: UnlockMethod): Promise<void> {
    this.prompting = false;
    return this.#submit(method);
  }

  cancelPrompt(): void {
    this.prompting = false;
  }

  async #submit(method: UnlockMethod | undefined): Promise<void> {
    const token = this.token.replace(/\s+/g, '');
    const pin = this.view?.asksCurrentPin ? this.currentPin.trim() : undefined;
    await this.#run((phoneId) => this.api.submitActivationToken({ phoneId, token, pin, method }));
  }

  /** Android's "PIN" and "Repeat PIN": every rule the PIN breaks is said before anything is sent, then a mismatch. */
  async setPin(): Promise<void> {
    const problems = appPinProblems(this.pin);
    if (problems.length) return this.#refuse(problems.map((p) => t(PIN_PROBLEM_WORDS[p])));
    if (this.pin !== this.repeat) return this.#refuse([t('messages.pin_mismatch')]);
    await this.#run((phoneId) => this.api.setActivationPin({ phoneId, pin: this.pin, repeat: this.repeat }));
  }

  /** After "Stopped": the log in again, for a new token. */
  again(): void {
    const username = this.username;
    this.reset();
    this.username = username;
  }
}
