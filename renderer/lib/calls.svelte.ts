// The phone's calls: the one ringing or in progress, answering (captions, and speech where available), the missed ones.
import type { CallView, PhoneView } from '../../main/api/views';
import type { Client } from './client';
import { errorText } from './window-error';
import type { ClockState } from './clock.svelte';
import type { PhoneRef } from './ibkey.svelte';
import { speak, stopSpeaking } from './speech';

export class CallState {
  busy = $state(false);
  error = $state<string | null>(null);
  /** Virtual time each call was answered in this window, for the call timer. */
  answeredAt = $state<Record<string, number>>({});

  /** A ringing or answered call takes the whole screen, over whatever was open. */
  readonly active: CallView | null = $derived.by(
    () => this.phone.view?.calls.findLast((c) => c.state === 'ringing' || c.state === 'answered') ?? null,
  );

  constructor(
    private readonly api: Client,
    private readonly clock: ClockState,
    private readonly phone: PhoneRef,
    /** Hands a fresher phone view to the phone (the operation's answer can come before its event). */
    private readonly show: (view: PhoneView) => void,
  ) {}

  reset(): void {
    stopSpeaking();
    this.error = null;
  }

  /** Seconds the call has lasted, in virtual time. */
  duration(call: CallView): number {
    const from = this.answeredAt[call.id] ?? call.at;
    return Math.max(0, Math.floor((this.clock.now - from) / 1000));
  }

  async #act(run: (phoneId: string) => Promise<PhoneView>): Promise<PhoneView | null> {
    const phoneId = this.phone.id;
    if (!phoneId || this.busy) return null;
    this.busy = true;
    this.error = null;
    try {
      const view = await run(phoneId);
      this.show(view);
      return view;
    } catch (error) {
      // The call rang out meanwhile: the next event shows it as missed.
      this.error = errorText(error);
      return null;
    } finally {
      this.busy = false;
    }
  }

  async answer(call: CallView): Promise<void> {
    const view = await this.#act((phoneId) => this.api.answerCall({ phoneId, callId: call.id }));
    if (!view) return;
    this.answeredAt[call.id] = this.clock.now;
    const answered = view.calls.find((c) => c.id === call.id);
    // Spoken after the tap (browsers allow speech only after a user gesture), in the call's language; never awaited.
    if (answered?.transcript) speak(answered.transcript, answered.language);
  }

  async decline(call: CallView): Promise<void> {
    await this.#act((phoneId) => this.api.endCall({ phoneId, callId: call.id }));
  }

  async end(call: CallView): Promise<void> {
    stopSpeaking();
    await this.#act((phoneId) => this.api.endCall({ phoneId, callId: call.id }));
  }
}
