// The phone's app store (App Store on iOS, Google Play on Android) for the broker's app: its install,
// which takes a few seconds of virtual time (waiting, downloading, installing) before the simulation's
// `installApp`, and its removal (iOS: the home screen icon's long press, "Remove App", "Delete App",
// "Delete"; Android: Google Play's or Settings' Uninstall), which is `uninstallApp`.
import type { PhoneView } from '../../main/api/views';
import type { Client } from './client';
import type { ClockState } from './clock.svelte';
import { errorText } from './window-error';

/** How long each part of an install takes, in virtual time (a paused clock pauses it, as it pauses everything). */
export const INSTALL_STAGES = { pending: 1_000, downloading: 3_000, installing: 1_000 } as const;
const INSTALL_MS = INSTALL_STAGES.pending + INSTALL_STAGES.downloading + INSTALL_STAGES.installing;
/** The download's size the stores show (scenery). */
export const APP_DOWNLOAD_MB = 48.2;

export type InstallStage = keyof typeof INSTALL_STAGES;

/** iOS's removal from the home screen, step by step: the icon's menu, "Remove App?", then "Delete App?". */
export type RemoveStep = 'menu' | 'remove' | 'delete';

interface StorePhone {
  readonly id: string | null;
  readonly view: PhoneView | null;
  received(view: PhoneView): void;
}

export class AppStoreState {
  /** When Get / Install was tapped, in virtual time; null while nothing installs. */
  since = $state<number | null>(null);
  /** iOS: where the removal from the home screen is; Android: 'delete' while "Uninstall" asks. */
  removing = $state<RemoveStep | null>(null);
  /** A refused install or removal, in the window's words. */
  error = $state<string | null>(null);
  #finishing = false;

  /** Virtual time since the tap. */
  readonly elapsed = $derived.by(() => (this.since === null ? null : Math.max(0, this.clock.now - this.since)));
  readonly stage = $derived.by((): InstallStage | null => {
    const e = this.elapsed;
    if (e === null) return null;
    if (e < INSTALL_STAGES.pending) return 'pending';
    return e < INSTALL_STAGES.pending + INSTALL_STAGES.downloading ? 'downloading' : 'installing';
  });
  /** How much of the download has arrived, 0 to 1. */
  readonly downloaded = $derived(this.elapsed === null ? 0 : Math.min(1, Math.max(0, (this.elapsed - INSTALL_STAGES.pending) / INSTALL_STAGES.downloading)));
  /** The install's time is up: the app goes onto the phone (Phone.svelte's effect calls `finish`). */
  readonly due = $derived(this.elapsed !== null && this.elapsed >= INSTALL_MS);

  constructor(
    private readonly api: Client,
    private readonly clock: ClockState,
    private readonly phone: StorePhone,
  ) {}

  /** Get (App Store) or Install (Google Play). */
  get(): void {
    if (this.since !== null || !this.phone.view || this.phone.view.app.installed) return;
    this.error = null;
    this.since = this.clock.now;
  }

  /** The install's time is up: the simulation installs the app (a fresh app, without IB Key). */
  async finish(): Promise<void> {
    const phoneId = this.phone.id;
    if (!this.due || this.#finishing || !phoneId) return;
    this.#finishing = true;
    try {
      this.phone.received(await this.api.installApp({ phoneId }));
    } catch (error) {
      // Installed meanwhile from another window: nothing to say then.
      if (!this.phone.view?.app.installed) this.error = errorText(error);
    } finally {
      this.since = null;
      this.#finishing = false;
    }
  }

  /** The last confirmation of a removal (iOS "Delete", Android "Uninstall" / "OK"): the app goes, IB Key with it. */
  async uninstall(): Promise<boolean> {
    const phoneId = this.phone.id;
    this.removing = null;
    if (!phoneId) return false;
    this.error = null;
    try {
      this.phone.received(await this.api.uninstallApp({ phoneId }));
      return true;
    } catch (error) {
      this.error = errorText(error);
      return false;
    }
  }

  reset(): void {
    this.since = null;
    this.removing = null;
    this.error = null;
  }
}
